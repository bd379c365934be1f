/** The one sandbox Google user. Fixed values so tokens and tests agree across restarts. */
export const GOOGLE_USER = {
	displayName: 'Sandbox Photographer',
	emailAddress: 'photographer@sandbox.test',
	/** Drive's permission id of the user (digits, as Drive shows it). */
	permissionId: '04127635718243066191',
} as const;

/**
 * A Drive `User` resource for the sandbox user.
 */
export function driveUser(
	photoBase: string
): Record< string, string | boolean > {
	return {
		kind: 'drive#user',
		displayName: GOOGLE_USER.displayName,
		photoLink: `${ photoBase }/a/default-user=s64`,
		me: true,
		permissionId: GOOGLE_USER.permissionId,
		emailAddress: GOOGLE_USER.emailAddress,
	};
}
