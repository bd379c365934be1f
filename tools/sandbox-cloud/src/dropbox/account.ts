/** The one sandbox user. Fixed values so tokens and tests agree across restarts. */
export const ACCOUNT = {
	accountId: 'dbid:AACsAndB0xAlexPhot0grapher000000001',
	uid: '3108464210',
	namespaceId: '7294001536',
	givenName: 'Alex',
	surname: 'Photographer',
	email: 'alex.photographer@example.com',
	country: 'DE',
	locale: 'en',
} as const;

/** `users/get_current_account` result (FullAccount). */
export function fullAccount(): Record< string, unknown > {
	return {
		account_id: ACCOUNT.accountId,
		name: {
			given_name: ACCOUNT.givenName,
			surname: ACCOUNT.surname,
			familiar_name: ACCOUNT.givenName,
			display_name: `${ ACCOUNT.givenName } ${ ACCOUNT.surname }`,
			abbreviated_name: 'AP',
		},
		email: ACCOUNT.email,
		email_verified: true,
		disabled: false,
		country: ACCOUNT.country,
		locale: ACCOUNT.locale,
		referral_link:
			'https://www.dropbox.com/referrals/AACsandboxreferral?src=app9-1234567',
		is_paired: false,
		account_type: { '.tag': 'pro' },
		root_info: {
			'.tag': 'user',
			root_namespace_id: ACCOUNT.namespaceId,
			home_namespace_id: ACCOUNT.namespaceId,
		},
	};
}
