/**
 * Whether a Content-Type names an HTML form body (`application/x-www-form-urlencoded`,
 * parameters such as `charset` allowed): the only body OAuth 2 token and
 * revoke endpoints read parameters from (RFC 6749 §4.1.3, §6; RFC 7009 §2.1).
 * @param contentType the request's Content-Type, any case
 */
export function isForm( contentType: string ): boolean {
	return /^application\/x-www-form-urlencoded\s*(;|$)/.test(
		contentType.trim().toLowerCase()
	);
}
