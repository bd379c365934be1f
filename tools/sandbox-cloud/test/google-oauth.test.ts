import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startTestSandbox, type TestSandbox } from './helpers';
import {
	authUrl,
	drive,
	DRIVE_METADATA_READONLY,
	DRIVE_READONLY,
	filesPath,
	GOOGLE_REDIRECT_URI,
	googleClient,
	googleCode,
	googleConnect,
	googleConsent,
	OAUTH_JSON,
	pkcePair,
	tokenCall,
} from './google-helpers';

let t: TestSandbox;
before( async () => {
	t = await startTestSandbox();
} );
after( async () => t.stop() );

describe( 'Google consent page (/o/oauth2/v2/auth)', () => {
	test( 'Allow redirects with state, a 4/0A code and the granted scopes', async () => {
		const client = await googleClient( t );
		const page = await fetch( authUrl( t, client ) );
		const html = await page.text();
		assert.equal( page.status, 200 );
		assert.match( html, /<button[^>]*value="allow">Allow<\/button>/ );
		assert.match( html, /<button[^>]*value="cancel">Cancel<\/button>/ );
		assert.match(
			html,
			/Sandbox Photographer &lt;photographer@sandbox\.test&gt;/
		);
		assert.match(
			html,
			/<label><input type="checkbox" name="scope" value="https:\/\/www\.googleapis\.com\/auth\/drive\.readonly" checked> <span>See and download all your Google Drive files/
		);
		const { redirect } = await googleCode( t, client );
		assert.equal(
			`${ redirect.origin }${ redirect.pathname }`,
			'http://localhost:8888/wp-admin/admin-post.php'
		);
		assert.equal(
			redirect.searchParams.get( 'action' ),
			'ccg_oauth_google'
		);
		assert.equal( redirect.searchParams.get( 'state' ), 'state-123' );
		assert.match(
			redirect.searchParams.get( 'code' )!,
			/^4\/0A[\w-]{40,}$/
		);
		assert.equal( redirect.searchParams.get( 'scope' ), DRIVE_READONLY );
		// Google leaves the slash of the code unescaped in the redirect.
		assert.match( redirect.search, /[?&]code=4\/0A/ );
	} );

	test( 'Cancel redirects with error=access_denied and the state', async () => {
		const client = await googleClient( t );
		const { status, location } = await googleConsent(
			t,
			authUrl( t, client ),
			{
				decision: 'cancel',
			}
		);
		assert.equal( status, 302 );
		const url = new URL( location! );
		assert.equal( url.searchParams.get( 'error' ), 'access_denied' );
		assert.equal( url.searchParams.get( 'state' ), 'state-123' );
		assert.equal( url.searchParams.get( 'code' ), null );
	} );

	test( 'bad requests get an error page and never a redirect', async () => {
		const client = await googleClient( t );
		const cases: Array< [ Record< string, string >, number, RegExp ] > = [
			[
				{ redirect_uri: 'http://localhost:8888/other' },
				400,
				/Error 400: redirect_uri_mismatch/,
			],
			[
				{ client_id: 'nope.apps.googleusercontent.com' },
				401,
				/Error 401: invalid_client/,
			],
			[
				{ scope: 'https://www.googleapis.com/auth/drive.nonsense' },
				400,
				/Error 400: invalid_scope/,
			],
			[ { scope: '' }, 400, /Missing required parameter: scope/ ],
			[ { response_type: 'token' }, 400, /unsupported_response_type/ ],
			[ { access_type: 'forever' }, 400, /Invalid access_type/ ],
			[
				{
					code_challenge_method: 'S512',
					code_challenge: 'x'.repeat( 43 ),
				},
				400,
				/code_challenge_method/,
			],
		];
		for ( const [ params, status, text ] of cases ) {
			const res = await fetch( authUrl( t, client, params ), {
				redirect: 'manual',
			} );
			assert.equal( res.status, status, JSON.stringify( params ) );
			assert.equal( res.headers.get( 'location' ), null );
			assert.match( await res.text(), text );
		}
	} );

	test( 'prompt=none: a code when the scopes are granted, else consent_required', async () => {
		const client = await googleClient( t );
		const first = await fetch( authUrl( t, client, { prompt: 'none' } ), {
			redirect: 'manual',
		} );
		assert.equal( first.status, 302 );
		assert.equal(
			new URL( first.headers.get( 'location' )! ).searchParams.get(
				'error'
			),
			'consent_required'
		);
		await googleConnect( t, client );
		const again = await fetch( authUrl( t, client, { prompt: 'none' } ), {
			redirect: 'manual',
		} );
		assert.equal( again.status, 302 );
		assert.match(
			new URL( again.headers.get( 'location' )! ).searchParams.get(
				'code'
			)!,
			/^4\/0A/
		);
	} );
} );

describe( 'Google token endpoint (POST /token)', () => {
	test( 'code exchange with PKCE S256: the fields of B1.3, refresh_token on first offline consent', async () => {
		const client = await googleClient( t );
		const { verifier, challenge } = pkcePair();
		const { code } = await googleCode( t, client, {
			code_challenge: challenge,
			code_challenge_method: 'S256',
		} );
		const res = await tokenCall( t, '/token', {
			grant_type: 'authorization_code',
			code,
			redirect_uri: GOOGLE_REDIRECT_URI,
			code_verifier: verifier,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} );
		assert.equal( res.status, 200 );
		assert.equal( res.type, OAUTH_JSON );
		assert.deepEqual( Object.keys( res.json ), [
			'access_token',
			'expires_in',
			'refresh_token',
			'scope',
			'token_type',
		] );
		assert.match( res.json.access_token, /^ya29\./ );
		assert.equal( res.json.expires_in, 3599 );
		assert.match( res.json.refresh_token, /^1\/\/0/ );
		assert.equal( res.json.scope, DRIVE_READONLY );
		assert.equal( res.json.token_type, 'Bearer' );
		const listed = await drive(
			t,
			res.json.access_token,
			filesPath( { q: "'root' in parents" } )
		);
		assert.equal( listed.status, 200 );

		// The code is single-use.
		const reuse = await tokenCall( t, '/token', {
			grant_type: 'authorization_code',
			code,
			redirect_uri: GOOGLE_REDIRECT_URI,
			code_verifier: verifier,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} );
		assert.equal( reuse.status, 400 );
		assert.deepEqual( reuse.json, {
			error: 'invalid_grant',
			error_description: 'Bad Request',
		} );
	} );

	test( 'refresh: a new access token, no refresh_token', async () => {
		const client = await googleClient( t );
		const first = await googleConnect( t, client );
		const res = await tokenCall( t, '/token', {
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token!,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} );
		assert.equal( res.status, 200 );
		assert.deepEqual( Object.keys( res.json ), [
			'access_token',
			'expires_in',
			'scope',
			'token_type',
		] );
		assert.notEqual( res.json.access_token, first.access_token );
		assert.equal(
			( await drive( t, res.json.access_token, filesPath( {} ) ) ).status,
			200
		);
	} );

	test( 'a repeat consent gives no refresh_token unless prompt=consent', async () => {
		const client = await googleClient( t );
		assert.ok( ( await googleConnect( t, client ) ).refresh_token );
		const repeat = await googleConnect( t, client );
		assert.equal( repeat.refresh_token, undefined );
		assert.equal( repeat.scope, DRIVE_READONLY );
		const online = await googleConnect( t, client, {
			access_type: 'online',
		} );
		assert.equal( online.refresh_token, undefined );
		const forced = await googleConnect( t, client, { prompt: 'consent' } );
		assert.match( forced.refresh_token!, /^1\/\/0/ );
		// After a revoke the next consent is the first one again.
		assert.equal(
			(
				await tokenCall( t, '/revoke', {
					token: forced.refresh_token!,
				} )
			).status,
			200
		);
		assert.ok( ( await googleConnect( t, client ) ).refresh_token );
	} );

	test( 'online access first, offline later: the first offline consent has the refresh_token', async () => {
		const client = await googleClient( t );
		const online = await googleConnect( t, client, {
			access_type: 'online',
		} );
		assert.equal( online.refresh_token, undefined );
		assert.ok( ( await googleConnect( t, client ) ).refresh_token );
	} );

	test( 'unticked drive.readonly: the grant lacks it and Drive says insufficientPermissions', async () => {
		const client = await googleClient( t );
		const token = await googleConnect(
			t,
			client,
			{ scope: `openid email ${ DRIVE_READONLY }` },
			[ DRIVE_READONLY ]
		);
		assert.equal( token.scope, 'openid email' );
		const res = await drive( t, token.access_token, filesPath( {} ) );
		assert.equal( res.status, 403 );
		assert.equal(
			res.json.error.errors[ 0 ].reason,
			'insufficientPermissions'
		);
	} );

	test( 'include_granted_scopes adds the scopes granted before', async () => {
		const client = await googleClient( t );
		await googleConnect( t, client, { scope: DRIVE_METADATA_READONLY } );
		const token = await googleConnect( t, client, {
			scope: 'email',
			include_granted_scopes: 'true',
		} );
		assert.deepEqual( token.scope.split( ' ' ).sort(), [
			'email',
			DRIVE_METADATA_READONLY,
		] );
	} );
} );
