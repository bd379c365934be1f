/**
 * Plays the admin on the sandbox consent pages: one authorization code per
 * side of a comparison, each with its own PKCE pair, as the plugin asks.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Authorization {
	code: string;
	/** "" when the authorization used no PKCE. */
	verifier: string;
}

function pkce(): { verifier: string; challenge: string } {
	const verifier = randomBytes( 48 ).toString( 'base64url' );
	return {
		verifier,
		challenge: createHash( 'sha256' )
			.update( verifier )
			.digest( 'base64url' ),
	};
}

/**
 * Opens the consent page, ticks every offered scope, presses Allow and
 * returns the code from the redirect.
 * @param authorizeUrl The provider's authorize endpoint.
 * @param params       Its query, without the PKCE challenge.
 * @param withPkce     Whether to add a PKCE challenge.
 */
async function allow(
	authorizeUrl: string,
	params: Record< string, string >,
	withPkce: boolean
): Promise< Authorization > {
	const { verifier, challenge } = withPkce
		? pkce()
		: { verifier: '', challenge: '' };
	const query = new URLSearchParams( params );
	if ( withPkce ) {
		query.set( 'code_challenge', challenge );
		query.set( 'code_challenge_method', 'S256' );
	}
	const page = await fetch( `${ authorizeUrl }?${ query }` );
	const html = await page.text();
	const request = /name="authorize_request" value="([^"]+)"/.exec( html );
	if ( page.status !== 200 || ! request ) {
		throw new Error(
			`consent page ${ page.status }: ${ html.slice( 0, 300 ) }`
		);
	}
	const form = new URLSearchParams( {
		authorize_request: request[ 1 ]!,
		decision: 'allow',
	} );
	for ( const [ , scope ] of html.matchAll(
		/name="scope" value="([^"]+)"/g
	) ) {
		form.append( 'scope', scope! );
	}
	const answer = await fetch( authorizeUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: form,
		redirect: 'manual',
	} );
	const code = new URL(
		answer.headers.get( 'location' ) ?? 'x:'
	).searchParams.get( 'code' );
	if ( answer.status !== 302 || ! code ) {
		throw new Error(
			`consent answered ${ answer.status }: ${ await answer.text() }`
		);
	}
	return { code, verifier };
}

/**
 * DBX-JS sends the PKCE verifier only when it has no app secret, so its
 * side of the comparison authorizes without PKCE (see allowlist.json).
 */
export function dropboxCode(
	authBase: string,
	appKey: string,
	redirectUri: string,
	withPkce: boolean
): Promise< Authorization > {
	return allow(
		`${ authBase }/oauth2/authorize`,
		{
			client_id: appKey,
			response_type: 'code',
			redirect_uri: redirectUri,
			state: randomBytes( 16 ).toString( 'hex' ),
			token_access_type: 'offline',
		},
		withPkce
	);
}

export function googleCode(
	authBase: string,
	clientId: string,
	redirectUri: string
): Promise< Authorization > {
	return allow(
		`${ authBase }/o/oauth2/v2/auth`,
		{
			client_id: clientId,
			redirect_uri: redirectUri,
			response_type: 'code',
			scope: 'https://www.googleapis.com/auth/drive.readonly',
			access_type: 'offline',
			prompt: 'consent',
			state: randomBytes( 16 ).toString( 'hex' ),
		},
		true
	);
}
