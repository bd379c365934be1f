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
 * @param options.accessType
 * @param options.scopes
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
