import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import {
	APP,
	consent,
	connect,
	raw,
	REDIRECT_URI,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

let t: TestSandbox;
before( async () => {
	t = await startTestSandbox();
} );
after( async () => t.stop() );

const form = ( fields: Record< string, string > ) => ( {
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams( fields ).toString(),
} );

/**
 * Authorize (consent POST) and return the code from the redirect.
 */
async function codeFor( query: Record< string, string > ): Promise< string > {
	const url = `${ t.sandbox.dropbox.authBase }/oauth2/authorize?${ new URLSearchParams( { client_id: APP.key, response_type: 'code', redirect_uri: REDIRECT_URI, ...query } ) }`;
	const { status, location } = await consent( t.sandbox, url );
	assert.equal( status, 302 );
	return new URL( location! ).searchParams.get( 'code' )!;
}

describe( 'token endpoint (raw HTTP)', () => {
	const api = () => t.sandbox.dropbox.apiBase;

	test( 'form body, text/javascript, fields of A2.2; online has no refresh_token', async () => {
		const code = await codeFor( {
			token_access_type: 'online',
			state: 'abc',
		} );
		const res = await raw(
			api(),
			'/oauth2/token',
			form( {
				grant_type: 'authorization_code',
				code,
				client_id: APP.key,
				client_secret: APP.secret,
				redirect_uri: REDIRECT_URI,
			} )
		);
		assert.equal( res.status, 200 );
		assert.equal( res.type, 'text/javascript' );
		const body = JSON.parse( res.text );
		assert.deepEqual( Object.keys( body ), [
			'uid',
			'access_token',
			'expires_in',
			'token_type',
			'scope',
			'account_id',
		] );
	} );

	test( 'HTTP Basic client authentication', async () => {
		const code = await codeFor( { token_access_type: 'offline' } );
		const res = await raw( api(), '/oauth2/token', {
			headers: {
				Authorization: `Basic ${ Buffer.from( `${ APP.key }:${ APP.secret }` ).toString( 'base64' ) }`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: new URLSearchParams( {
				grant_type: 'authorization_code',
				code,
				redirect_uri: REDIRECT_URI,
			} ).toString(),
		} );
		assert.equal( res.status, 200, res.text );
		const refreshToken = JSON.parse( res.text ).refresh_token as string;
		const refreshed = await raw( api(), '/oauth2/token', {
			headers: {
				Authorization: `Basic ${ Buffer.from( `${ APP.key }:${ APP.secret }` ).toString( 'base64' ) }`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: `grant_type=refresh_token&refresh_token=${ refreshToken }`,
		} );
		assert.equal( refreshed.status, 200 );
		assert.deepEqual( Object.keys( JSON.parse( refreshed.text ) ), [
			'token_type',
			'access_token',
			'expires_in',
		] );
	} );

	test( 'PKCE plain and S256 with raw requests; a wrong verifier is invalid_grant', async () => {
		const verifier = randomBytes( 48 ).toString( 'base64url' );
		const plainCode = await codeFor( {
			code_challenge: verifier,
			code_challenge_method: 'plain',
		} );
		const plain = await raw(
			api(),
			'/oauth2/token',
			form( {
				grant_type: 'authorization_code',
				code: plainCode,
				client_id: APP.key,
				code_verifier: verifier,
				redirect_uri: REDIRECT_URI,
			} )
		);
		assert.equal( plain.status, 200, plain.text );
		const challenge = createHash( 'sha256' )
			.update( verifier )
			.digest( 'base64url' );
		const badCode = await codeFor( {
			code_challenge: challenge,
			code_challenge_method: 'S256',
		} );
		const bad = await raw(
			api(),
			'/oauth2/token',
			form( {
				grant_type: 'authorization_code',
				code: badCode,
				client_id: APP.key,
				code_verifier: `${ verifier }x`,
				redirect_uri: REDIRECT_URI,
			} )
		);
		assert.equal( bad.status, 400 );
		assert.equal( JSON.parse( bad.text ).error, 'invalid_grant' );
		const goodCode = await codeFor( {
			code_challenge: challenge,
			code_challenge_method: 'S256',
		} );
		const good = await raw(
			api(),
			`/oauth2/token?${ new URLSearchParams( { grant_type: 'authorization_code', code: goodCode, client_id: APP.key, code_verifier: verifier, redirect_uri: REDIRECT_URI } ) }`
		);
		assert.equal( good.status, 200, good.text );
	} );

	test( 'RFC 6749 errors: invalid_client, invalid_grant (reused code, redirect_uri mismatch), invalid_request, unsupported_grant_type', async () => {
		const check = async (
			fields: Record< string, string >,
			error: string
		) => {
			const res = await raw( api(), '/oauth2/token', form( fields ) );
			assert.equal( res.status, 400, res.text );
			assert.equal( res.type, 'application/json' );
			const body = JSON.parse( res.text );
			assert.equal( body.error, error, res.text );
			assert.equal( typeof body.error_description, 'string' );
		};
		const code = await codeFor( {} );
		await check(
			{
				grant_type: 'authorization_code',
				code,
				client_id: APP.key,
				client_secret: 'wrong',
				redirect_uri: REDIRECT_URI,
			},
			'invalid_client'
		);
		await check(
			{
				grant_type: 'authorization_code',
				code,
				client_id: 'nosuchapp',
				client_secret: 'x',
				redirect_uri: REDIRECT_URI,
			},
			'invalid_client'
		);
		await check(
			{
				grant_type: 'authorization_code',
				code,
				client_id: APP.key,
				client_secret: APP.secret,
				redirect_uri: `${ REDIRECT_URI }&x=1`,
			},
			'invalid_grant'
		);
		// The failed attempt above used the code up: codes are single-use.
		await check(
			{
				grant_type: 'authorization_code',
				code,
				client_id: APP.key,
				client_secret: APP.secret,
				redirect_uri: REDIRECT_URI,
			},
			'invalid_grant'
		);
		const code2 = await codeFor( {} );
		await check(
			{
				grant_type: 'authorization_code',
				code: code2,
				client_id: APP.key,
				client_secret: APP.secret,
			},
			'invalid_grant'
		);
		await check(
			{
				grant_type: 'authorization_code',
				client_id: APP.key,
				client_secret: APP.secret,
			},
			'invalid_request'
		);
		await check(
			{ client_id: APP.key, client_secret: APP.secret },
			'invalid_request'
		);
		await check(
			{
				grant_type: 'password',
				client_id: APP.key,
				client_secret: APP.secret,
			},
			'unsupported_grant_type'
		);
		await check(
			{
				grant_type: 'refresh_token',
				refresh_token: 'a'.repeat( 64 ),
				client_id: APP.key,
				client_secret: APP.secret,
			},
			'invalid_grant'
		);
	} );

	test( 'codes expire after 10 minutes (time travel)', async () => {
		const code = await codeFor( {} );
		await t.control.advanceTime( 601 );
		try {
			const res = await raw(
				api(),
				'/oauth2/token',
				form( {
					grant_type: 'authorization_code',
					code,
					client_id: APP.key,
					client_secret: APP.secret,
					redirect_uri: REDIRECT_URI,
				} )
			);
			assert.equal( res.status, 400 );
			assert.equal( JSON.parse( res.text ).error, 'invalid_grant' );
		} finally {
			await t.control.reset();
			await t.sandbox.registerApp( APP );
		}
	} );

	test( 'a form body under another Content-Type, or none, carries no parameters (RFC 6749 §4.1.3, §6)', async () => {
		const { token } = await connect( t.sandbox );
		const fields = new URLSearchParams( {
			grant_type: 'refresh_token',
			refresh_token: token.refresh_token as string,
			client_id: APP.key,
			client_secret: APP.secret,
		} ).toString();
		for ( const init of [
			{ headers: { 'Content-Type': 'text/plain' }, body: fields },
			// A byte body: fetch adds no Content-Type at all.
			{ body: Buffer.from( fields ) },
		] ) {
			const res = await raw( api(), '/oauth2/token', init );
			assert.equal( res.status, 400, res.text );
			assert.equal( res.type, 'application/json' );
			assert.deepEqual( JSON.parse( res.text ), {
				error: 'invalid_request',
				error_description: 'No grant_type provided',
			} );
		}
		const ok = await raw( api(), '/oauth2/token', {
			headers: {
				'Content-Type':
					'application/x-www-form-urlencoded; charset=utf-8',
			},
			body: fields,
		} );
		assert.equal( ok.status, 200, ok.text );
	} );

	test( 'refresh with a JSON body (DBX-JS dataOnBody) and a narrower scope', async () => {
		const { token } = await connect( t.sandbox );
		const res = await raw( api(), '/oauth2/token', {
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( {
				grant_type: 'refresh_token',
				refresh_token: token.refresh_token,
				client_id: APP.key,
				client_secret: APP.secret,
				scope: 'files.metadata.read',
			} ),
		} );
		assert.equal( res.status, 200, res.text );
		const body = JSON.parse( res.text );
		assert.equal( body.scope, 'files.metadata.read' );
		const denied = await raw( api(), '/2/users/get_current_account', {
			headers: { Authorization: `Bearer ${ body.access_token }` },
		} );
		assert.equal( denied.status, 401 );
		assert.equal(
			JSON.parse( denied.text ).error.required_scope,
			'account_info.read'
		);
	} );
} );

describe( 'token lifetime and control over grants', () => {
	test( 'tokens expire (lifetime set at runtime) and refresh works after', async () => {
		await t.control.setTokenLifetime( 1 );
		try {
			const { token, auth, dbx } = await connect( t.sandbox );
			assert.equal( token.expires_in, 1 );
			await new Promise( ( r ) => setTimeout( r, 1100 ) );
			const res = await raw(
				t.sandbox.dropbox.apiBase,
				'/2/users/get_current_account',
				{ headers: { Authorization: `Bearer ${ token.access_token }` } }
			);
			assert.equal( res.status, 401 );
			assert.equal(
				JSON.parse( res.text ).error[ '.tag' ],
				'expired_access_token'
			);
			// The SDK sees the token is (nearly) expired and refreshes before the call.
			await t.control.setTokenLifetime( 14400 );
			await dbx.usersGetCurrentAccount();
			assert.notEqual( auth.getAccessToken(), token.access_token );
		} finally {
			await t.control.setTokenLifetime( 14400 );
		}
	} );

	test( 'expire all access tokens now; revoke all grants', async () => {
		const { token } = await connect( t.sandbox );
		assert.ok( ( await t.control.expireAccessTokens() ) >= 1 );
		const expired = await raw(
			t.sandbox.dropbox.apiBase,
			'/2/users/get_current_account',
			{ headers: { Authorization: `Bearer ${ token.access_token }` } }
		);
		assert.equal(
			JSON.parse( expired.text ).error[ '.tag' ],
			'expired_access_token'
		);
		assert.ok( ( await t.control.revokeAllGrants() ) >= 1 );
		const refresh = await raw(
			t.sandbox.dropbox.apiBase,
			'/oauth2/token',
			form( {
				grant_type: 'refresh_token',
				refresh_token: token.refresh_token as string,
				client_id: APP.key,
				client_secret: APP.secret,
			} )
		);
		assert.equal( refresh.status, 400 );
		assert.equal(
			JSON.parse( refresh.text ).error_description,
			'refresh token is invalid or revoked'
		);
		assert.ok( ( await t.control.grants() ).every( ( g ) => g.revoked ) );
	} );
} );
