import { KNOWN_SCOPES, type SandboxApp } from './types';

export class AppValidationError extends Error {}

export const DEFAULT_SCOPES = [
	'account_info.read',
	'files.metadata.read',
	'files.content.read',
];

function checkRedirectUri( uri: unknown ): string {
	if ( typeof uri !== 'string' ) {
		throw new AppValidationError( 'redirectUris must be strings' );
	}
	let url: URL;
	try {
		url = new URL( uri );
	} catch {
		throw new AppValidationError( `redirect URI is not a URL: ${ uri }` );
	}
	const local = [ 'localhost', '127.0.0.1', '[::1]' ].includes(
		url.hostname
	);
	// The App Console accepts http only for localhost.
	if (
		url.protocol !== 'https:' &&
		! ( url.protocol === 'http:' && local )
	) {
		throw new AppValidationError(
			`redirect URI must use https (http is allowed for localhost only): ${ uri }`
		);
	}
	if ( url.hash ) {
		throw new AppValidationError(
			`redirect URI must not have a fragment: ${ uri }`
		);
	}
	return uri;
}

function checkWebhookUri( uri: unknown ): string {
	if ( typeof uri !== 'string' ) {
		throw new AppValidationError( 'webhookUris must be strings' );
	}
	let url: URL;
	try {
		url = new URL( uri );
	} catch {
		throw new AppValidationError( `webhook URI is not a URL: ${ uri }` );
	}
	if ( url.protocol !== 'https:' && url.protocol !== 'http:' ) {
		throw new AppValidationError(
			`webhook URI must be http or https: ${ uri }`
		);
	}
	return uri;
}

/**
 * Checks an App Console entry. Fields not given keep their current value (or
 * the defaults: full Dropbox, the three gallery scopes). account_info.read is
 * always there, as the App Console pre-selects it.
 */
export function validateApp(
	input: Partial< SandboxApp >,
	current?: SandboxApp
): SandboxApp {
	const key = input.key ?? current?.key;
	if ( typeof key !== 'string' || ! /^[A-Za-z0-9_-]{3,64}$/.test( key ) ) {
		throw new AppValidationError(
			'key must be 3–64 characters of [A-Za-z0-9_-]'
		);
	}
	const secret = input.secret ?? current?.secret;
	if (
		typeof secret !== 'string' ||
		! /^[A-Za-z0-9_-]{3,128}$/.test( secret )
	) {
		throw new AppValidationError(
			'secret must be 3–128 characters of [A-Za-z0-9_-]'
		);
	}
	const name = input.name ?? current?.name;
	if (
		typeof name !== 'string' ||
		name.trim() === '' ||
		name.length > 50 ||
		/[/\\]/.test( name )
	) {
		throw new AppValidationError(
			'name must be 1–50 characters without slashes'
		);
	}
	const redirectUris = input.redirectUris ?? current?.redirectUris ?? [];
	if ( ! Array.isArray( redirectUris ) ) {
		throw new AppValidationError( 'redirectUris must be an array' );
	}
	const webhookUris = input.webhookUris ?? current?.webhookUris ?? [];
	if ( ! Array.isArray( webhookUris ) ) {
		throw new AppValidationError( 'webhookUris must be an array' );
	}
	const accessType = input.accessType ?? current?.accessType ?? 'full';
	if ( accessType !== 'full' && accessType !== 'app_folder' ) {
		throw new AppValidationError(
			'accessType must be "full" or "app_folder"'
		);
	}
	const scopes = input.scopes ?? current?.scopes ?? DEFAULT_SCOPES;
	if ( ! Array.isArray( scopes ) ) {
		throw new AppValidationError( 'scopes must be an array' );
	}
	for ( const scope of scopes ) {
		if ( ! ( KNOWN_SCOPES as readonly string[] ).includes( scope ) ) {
			throw new AppValidationError(
				`unknown scope: ${ String( scope ) }`
			);
		}
	}
	return {
		key,
		secret,
		name: name.trim(),
		redirectUris: [ ...new Set( redirectUris.map( checkRedirectUri ) ) ],
		webhookUris: [ ...new Set( webhookUris.map( checkWebhookUri ) ) ],
		accessType,
		scopes: [ ...new Set( [ 'account_info.read', ...scopes ] ) ].sort(),
	};
}
