/**
 * Internal dependencies
 */
import { SandboxControl } from '../../../tools/sandbox-cloud/src/control-client';

export const REQUIRED_SCOPES = [
	'account_info.read',
	'files.metadata.read',
	'files.content.read',
];

/** The sandbox Dropbox that `npm test` started for this WordPress. */
export function sandbox(): SandboxControl {
	const base = process.env.CCG_SANDBOX_CONTROL;
	if ( ! base ) {
		throw new Error(
			'CCG_SANDBOX_CONTROL is not set: run the end-to-end tests through npm test.'
		);
	}
	return new SandboxControl( base );
}

let counter = 0;

/**
 * Registers a fresh app in the sandbox's App Console, as a photographer would
 * in Dropbox's: its own key and secret, the site's redirect URI, and the
 * scopes that were ticked and submitted.
 *
 * @param redirectUri        The URI copied from the Settings screen.
 * @param options            Access type and submitted scopes.
 * @param options.accessType "full" (Full Dropbox) or "app_folder".
 * @param options.scopes     The scopes ticked on the Permissions tab.
 */
export async function registerApp(
	redirectUri: string,
	{
		accessType = 'full',
		scopes = REQUIRED_SCOPES,
	}: { accessType?: 'full' | 'app_folder'; scopes?: string[] } = {}
) {
	counter++;
	const key = `e2e${ Date.now().toString( 36 ) }${ counter }`;
	const secret = `secret-${ key }-${ Math.random().toString( 36 ).slice( 2 ) }`;
	await sandbox().registerApp( {
		key,
		secret,
		name: 'Customer Gallery',
		redirectUris: [ redirectUri ],
		accessType,
		scopes,
	} );
	return { key, secret };
}

/** The one scope the plugin asks Google for. */
export const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';

/**
 * Registers a fresh OAuth client in the sandbox's Google Cloud console, as a
 * photographer would in Google's: its own Client ID and secret, the site's
 * redirect URI, the Drive API enabled and the app published (unless told
 * otherwise).
 *
 * @param redirectUri              The URI copied from the Settings screen.
 * @param options                  Publishing status and Drive API.
 * @param options.publishingStatus `testing` ends grants after 7 days.
 * @param options.driveApiEnabled  Whether the Drive API is enabled.
 * @return The client's id and secret.
 */
export async function registerGoogleClient(
	redirectUri: string,
	{
		publishingStatus = 'production',
		driveApiEnabled = true,
	}: {
		publishingStatus?: 'testing' | 'production';
		driveApiEnabled?: boolean;
	} = {}
) {
	const client = await sandbox().registerGoogleClient( {
		name: 'Customer Gallery',
		redirectUris: [ redirectUri ],
		publishingStatus,
		driveApiEnabled,
	} );
	return { id: client.clientId, secret: client.clientSecret };
}

/**
 * How many requests the sandbox's Google hosts answered since the last
 * reset (Dropbox's are counted apart).
 *
 * @return The number of Google requests.
 */
export async function googleRequestCount(): Promise< number > {
	const { counts } = await sandbox().requestCounts();
	return Object.entries( counts )
		.filter( ( [ route ] ) => route.startsWith( 'google/' ) )
		.reduce( ( sum, [ , count ] ) => sum + count, 0 );
}
