import { randomBytes } from 'node:crypto';

import { randomToken } from '../shared/random';
import type { GoogleClient, GoogleClientInput } from './types';

export class ClientValidationError extends Error {}

const CLIENT_ID = /^(\d{6,15})-[a-z0-9]{32}\.apps\.googleusercontent\.com$/;
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomLower( length: number ): string {
	return Array.from(
		randomBytes( length ),
		( byte ) => LOWER_ALNUM[ byte % LOWER_ALNUM.length ]
	).join( '' );
}

/** A project number like the Cloud Console's: 12 digits, no leading zero. */
function randomProjectNumber(): string {
	const digits = Array.from( randomBytes( 12 ), ( b ) => b % 10 );
	digits[ 0 ] = 1 + ( digits[ 0 ]! % 9 );
	return digits.join( '' );
}

/**
 * Fresh credentials shaped like the Cloud Console's.
 */
export function newCredentials( projectNumber = randomProjectNumber() ): {
	clientId: string;
	clientSecret: string;
	projectNumber: string;
} {
	return {
		clientId: `${ projectNumber }-${ randomLower(
			32
		) }.apps.googleusercontent.com`,
		clientSecret: `GOCSPX-${ randomToken( 28 ) }`,
		projectNumber,
	};
}

function checkRedirectUri( uri: unknown ): string {
	if ( typeof uri !== 'string' ) {
		throw new ClientValidationError( 'redirectUris must be strings' );
	}
	let url: URL;
	try {
		url = new URL( uri );
	} catch {
		throw new ClientValidationError(
			`redirect URI is not a URL: ${ uri }`
		);
	}
	const local = [ 'localhost', '127.0.0.1', '[::1]' ].includes(
		url.hostname
	);
	// The Cloud Console takes http for localhost only, and no fragments or wildcards.
	if (
		url.protocol !== 'https:' &&
		! ( url.protocol === 'http:' && local )
	) {
		throw new ClientValidationError(
			`redirect URI must use https (http is allowed for localhost only): ${ uri }`
		);
	}
	if ( url.hash || uri.includes( '*' ) ) {
		throw new ClientValidationError(
			`redirect URI must not have a fragment or a wildcard: ${ uri }`
		);
	}
	return uri;
}

/**
 * Checks a Cloud Console entry. Fields not given keep their current value;
 * a new client gets generated credentials, status `production` and the
 * Drive API enabled.
 */
export function validateClient(
	input: GoogleClientInput,
	current?: GoogleClient
): GoogleClient {
	const generated =
		current ??
		newCredentials(
			typeof input.clientId === 'string'
				? CLIENT_ID.exec( input.clientId )?.[ 1 ]
				: input.projectNumber
		);
	const clientId = input.clientId ?? generated.clientId;
	const match = typeof clientId === 'string' && CLIENT_ID.exec( clientId );
	if ( ! match ) {
		throw new ClientValidationError(
			'clientId must look like <digits>-<32 lowercase letters or digits>.apps.googleusercontent.com'
		);
	}
	const projectNumber = input.projectNumber ?? match[ 1 ]!;
	if ( projectNumber !== match[ 1 ] ) {
		throw new ClientValidationError(
			'projectNumber must be the digits the clientId starts with'
		);
	}
	const clientSecret = input.clientSecret ?? generated.clientSecret;
	if (
		typeof clientSecret !== 'string' ||
		! /^[A-Za-z0-9_-]{8,128}$/.test( clientSecret )
	) {
		throw new ClientValidationError(
			'clientSecret must be 8–128 characters of [A-Za-z0-9_-] (Google issues GOCSPX-…)'
		);
	}
	const name = input.name ?? current?.name ?? 'Customer Gallery';
	if ( typeof name !== 'string' || name.trim() === '' || name.length > 120 ) {
		throw new ClientValidationError( 'name must be 1–120 characters' );
	}
	const redirectUris = input.redirectUris ?? current?.redirectUris ?? [];
	if ( ! Array.isArray( redirectUris ) ) {
		throw new ClientValidationError( 'redirectUris must be an array' );
	}
	const publishingStatus =
		input.publishingStatus ?? current?.publishingStatus ?? 'production';
	if ( publishingStatus !== 'testing' && publishingStatus !== 'production' ) {
		throw new ClientValidationError(
			'publishingStatus must be "testing" or "production"'
		);
	}
	const driveApiEnabled =
		input.driveApiEnabled ?? current?.driveApiEnabled ?? true;
	if ( typeof driveApiEnabled !== 'boolean' ) {
		throw new ClientValidationError( 'driveApiEnabled must be a boolean' );
	}
	return {
		clientId,
		clientSecret,
		name: name.trim(),
		projectNumber,
		redirectUris: [ ...new Set( redirectUris.map( checkRedirectUri ) ) ],
		publishingStatus,
		driveApiEnabled,
	};
}
