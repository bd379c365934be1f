const AUTH = 'https://www.googleapis.com/auth/';

export const DRIVE_READONLY = `${ AUTH }drive.readonly`;
export const DRIVE_METADATA_READONLY = `${ AUTH }drive.metadata.readonly`;

/** Scopes the consent page knows, with the text Google shows for each. */
export const SCOPE_TEXT: Record< string, string > = {
	[ `${ AUTH }drive` ]:
		'See, edit, create, and delete all of your Google Drive files',
	[ DRIVE_READONLY ]: 'See and download all your Google Drive files',
	[ DRIVE_METADATA_READONLY ]:
		'See information about your Google Drive files',
	[ `${ AUTH }drive.metadata` ]:
		'View and manage metadata of files in your Google Drive',
	[ `${ AUTH }drive.file` ]:
		'See, edit, create, and delete only the specific Google Drive files you use with this app',
	[ `${ AUTH }drive.appdata` ]:
		'See, create, and delete its own configuration data in your Google Drive',
	[ `${ AUTH }drive.photos.readonly` ]:
		'View the photos, videos and albums in your Google Photos',
	[ `${ AUTH }userinfo.email` ]:
		'See your primary Google Account email address',
	[ `${ AUTH }userinfo.profile` ]:
		'See your personal info, including any personal info you’ve made publicly available',
	openid: 'Associate you with your personal info on Google',
	email: 'See your primary Google Account email address',
	profile:
		'See your personal info, including any personal info you’ve made publicly available',
};

/** Sign-in scopes: always granted, never a checkbox (as on Google's consent screen). */
export const BASIC_SCOPES = new Set( [
	'openid',
	'email',
	'profile',
	`${ AUTH }userinfo.email`,
	`${ AUTH }userinfo.profile`,
] );

/** Scopes that let a token read file metadata anywhere in Drive. */
const METADATA_SCOPES = new Set( [
	`${ AUTH }drive`,
	DRIVE_READONLY,
	DRIVE_METADATA_READONLY,
	`${ AUTH }drive.metadata`,
] );

/** Scopes that let a token read file content (alt=media, thumbnails). */
const CONTENT_SCOPES = new Set( [ `${ AUTH }drive`, DRIVE_READONLY ] );

/** Scopes limited to files the app created or was given: the sandbox app has none. */
const APP_FILE_SCOPES = new Set( [
	`${ AUTH }drive.file`,
	`${ AUTH }drive.appdata`,
] );

/**
 * What a token may do in Drive: read content too, read metadata only, see
 * only its own files (`drive.file`: listings are empty, ids are 404), or
 * nothing (403 insufficientPermissions).
 */
export type DriveAccess = 'content' | 'metadata' | 'appFiles' | 'none';

export function driveAccess( scopes: string[] ): DriveAccess {
	if ( scopes.some( ( s ) => CONTENT_SCOPES.has( s ) ) ) {
		return 'content';
	}
	if ( scopes.some( ( s ) => METADATA_SCOPES.has( s ) ) ) {
		return 'metadata';
	}
	return scopes.some( ( s ) => APP_FILE_SCOPES.has( s ) )
		? 'appFiles'
		: 'none';
}
