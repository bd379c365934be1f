import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startTestSandbox, type TestSandbox } from './helpers';
import {
	GOOGLE_REDIRECT_URI,
	googleClient,
	googleCode,
	googleConnect,
	OAUTH_JSON,
	pkcePair,
	tokenCall,
} from './google-helpers';

let t: TestSandbox;
before( async () => {
	t = await startTestSandbox();
} );
after( async () => t.stop() );

describe( 'Google token endpoint errors (POST /token)', () => {
	test( 'a form body under another Content-Type, or none, carries no parameters (RFC 6749 §4.1.3, §6)', async () => {
		const client = await googleClient( t );
		const { refresh_token: refreshToken } = await googleConnect(
			t,
			client
		);
		const fields = new URLSearchParams( {
			grant_type: 'refresh_token',
			refresh_token: refreshToken as string,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} ).toString();
		const url = `${ t.sandbox.google.tokenBase }/token`;
		for ( const init of [
			{ headers: { 'Content-Type': 'text/plain' }, body: fields },
			// A byte body: fetch adds no Content-Type at all.
			{ body: Buffer.from( fields ) },
		] ) {
			const res = await fetch( url, { method: 'POST', ...init } );
			assert.equal( res.status, 400 );
			assert.equal( res.headers.get( 'content-type' ), OAUTH_JSON );
			assert.equal(
				( ( await res.json() ) as { error: string } ).error,
				'unsupported_grant_type'
			);
		}
		const ok = await fetch( url, {
			method: 'POST',
			headers: {
				'Content-Type':
					'application/x-www-form-urlencoded; charset=UTF-8',
			},
			body: fields,
		} );
		assert.equal( ok.status, 200 );
		// The same holds for /revoke (contract B1.4: a form body).
		const revoke = await fetch( `${ t.sandbox.google.tokenBase }/revoke`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain' },
			body: new URLSearchParams( {
				token: refreshToken as string,
			} ).toString(),
		} );
		assert.equal( revoke.status, 400 );
		assert.equal(
			( ( await revoke.json() ) as { error: string } ).error,
			'invalid_request'
		);
	} );

	test( 'client authentication: body or HTTP Basic; wrong secret 401 invalid_client', async () => {
		const client = await googleClient( t );
		const { code } = await googleCode( t, client );
		const basic = await fetch( `${ t.sandbox.google.tokenBase }/token`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: `Basic ${ Buffer.from(
					`${ client.clientId }:${ client.clientSecret }`
				).toString( 'base64' ) }`,
			},
			body: new URLSearchParams( {
				grant_type: 'authorization_code',
				code,
				redirect_uri: GOOGLE_REDIRECT_URI,
			} ),
		} );
		assert.equal( basic.status, 200 );
		const errors: Array< [ Record< string, string >, number, object ] > = [
			[
				{ client_secret: 'GOCSPX-wrong-secret-123456' },
				401,
				{ error: 'invalid_client', error_description: 'Unauthorized' },
			],
			[
				{
					client_id:
						'123456-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com',
				},
				401,
				{
					error: 'invalid_client',
					error_description: 'The OAuth client was not found.',
				},
			],
			[
				{ client_secret: '' },
				400,
				{
					error: 'invalid_request',
					error_description: 'client_secret is missing.',
				},
			],
			[
				{ grant_type: 'password' },
				400,
				{
					error: 'unsupported_grant_type',
					error_description: 'Invalid grant_type: password',
				},
			],
			[
				{ code: 'garbage' },
				400,
				{
					error: 'invalid_grant',
					error_description: 'Malformed auth code.',
				},
			],
		];
		for ( const [ override, status, body ] of errors ) {
			const res = await tokenCall( t, '/token', {
				grant_type: 'authorization_code',
				code: '4/0Aunknown-code',
				redirect_uri: GOOGLE_REDIRECT_URI,
				client_id: client.clientId,
				client_secret: client.clientSecret,
				...override,
			} );
			assert.equal( res.status, status, JSON.stringify( override ) );
			assert.equal( res.type, OAUTH_JSON );
			assert.deepEqual( res.json, body );
		}
	} );

	test( 'redirect_uri and PKCE verifier must match', async () => {
		const client = await googleClient( t );
		const exchange = async ( fields: Record< string, string > ) => {
			const { verifier, challenge } = pkcePair( 'plain' );
			const { code } = await googleCode( t, client, {
				code_challenge: challenge,
			} );
			return tokenCall( t, '/token', {
				grant_type: 'authorization_code',
				code,
				redirect_uri: GOOGLE_REDIRECT_URI,
				code_verifier: verifier,
				client_id: client.clientId,
				client_secret: client.clientSecret,
				...fields,
			} );
		};
		assert.equal( ( await exchange( {} ) ).status, 200, 'plain PKCE' );
		assert.deepEqual(
			( await exchange( { redirect_uri: 'http://localhost:8888/x' } ) )
				.json,
			{
				error: 'redirect_uri_mismatch',
				error_description: 'Bad Request',
			}
		);
		assert.deepEqual(
			( await exchange( { code_verifier: 'w'.repeat( 50 ) } ) ).json,
			{
				error: 'invalid_grant',
				error_description: 'Invalid code verifier.',
			}
		);
		const { code } = await googleCode( t, client, {
			code_challenge: pkcePair().challenge,
			code_challenge_method: 'S256',
		} );
		assert.deepEqual(
			(
				await tokenCall( t, '/token', {
					grant_type: 'authorization_code',
					code,
					redirect_uri: GOOGLE_REDIRECT_URI,
					client_id: client.clientId,
					client_secret: client.clientSecret,
				} )
			).json,
			{
				error: 'invalid_grant',
				error_description: 'Missing code verifier.',
			}
		);
	} );

	test( 'refresh-token errors: garbage is "Bad Request", another client\'s is unauthorized_client', async () => {
		const client = await googleClient( t );
		const other = await googleClient( t );
		const token = await googleConnect( t, client );
		const garbage = await tokenCall( t, '/token', {
			grant_type: 'refresh_token',
			refresh_token: 'not-a-token',
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} );
		assert.equal( garbage.status, 400 );
		assert.deepEqual( garbage.json, {
			error: 'invalid_grant',
			error_description: 'Bad Request',
		} );
		const foreign = await tokenCall( t, '/token', {
			grant_type: 'refresh_token',
			refresh_token: token.refresh_token!,
			client_id: other.clientId,
			client_secret: other.clientSecret,
		} );
		assert.deepEqual( foreign.json, {
			error: 'unauthorized_client',
			error_description: 'Unauthorized',
		} );
		const missing = await tokenCall( t, '/token', {
			grant_type: 'refresh_token',
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} );
		assert.deepEqual( missing.json, {
			error: 'invalid_request',
			error_description: 'Missing required parameter: refresh_token',
		} );
	} );

	test( 'the token host answers only its own routes: GET is 404, so is a Drive path', async () => {
		assert.equal(
			( await fetch( `${ t.sandbox.google.tokenBase }/token` ) ).status,
			404
		);
		assert.equal(
			( await fetch( `${ t.sandbox.google.tokenBase }/revoke` ) ).status,
			404
		);
		assert.equal(
			( await fetch( `${ t.sandbox.google.tokenBase }/drive/v3/files` ) )
				.status,
			404
		);
		assert.equal(
			(
				await fetch( `${ t.sandbox.google.apiBase }/token`, {
					method: 'POST',
				} )
			).status,
			404
		);
		assert.equal(
			( await fetch( `${ t.sandbox.google.authBase }/drive/v3/files` ) )
				.status,
			404
		);
	} );
} );
