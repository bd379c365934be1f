import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DropboxResponseError } from 'dropbox';

import {
	APP,
	consent,
	connect,
	raw,
	REDIRECT_URI,
	sdkAuth,
	sdkClient,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

let t: TestSandbox;
before( async () => {
	t = await startTestSandbox();
} );
after( async () => t.stop() );

describe( 'authorization code flow with the official SDK', () => {
	test( 'consent page shows the app name, the scopes and Allow/Cancel buttons', async () => {
		const auth = sdkAuth( t.sandbox );
		const url = String(
			await auth.getAuthenticationUrl(
				REDIRECT_URI,
				's1',
				'code',
				'offline'
			)
		);
		assert.match(
			url,
			/^https:\/\/dropbox\.com\/oauth2\/authorize\?response_type=code&client_id=ccgtestkey1/
		);
		const page = await fetch(
			url.replace( 'https://dropbox.com', t.sandbox.dropbox.authBase )
		);
		assert.equal( page.status, 200 );
		assert.equal(
			page.headers.get( 'content-type' ),
			'text/html; charset=utf-8'
		);
		const html = await page.text();
		assert.match(
			html,
			/Customer Gallery would like to access your Dropbox/
		);
		for ( const scope of APP.scopes ) {
			assert.ok( html.includes( `<code>${ scope }</code>` ), scope );
		}
		assert.match(
			html,
			/<button type="submit" name="decision" value="allow">Allow<\/button>/
		);
		assert.match(
			html,
			/<button type="submit" name="decision" value="cancel">Cancel<\/button>/
		);
	} );

	test( 'code exchange, account, refresh, revoke then 401', async () => {
		const { auth, dbx, token } = await connect( t.sandbox );
		assert.match( token.access_token as string, /^sl\./ );
		assert.equal( token.token_type, 'bearer' );
		assert.equal( token.expires_in, 14400 );
		assert.equal(
			token.scope,
			'account_info.read files.content.read files.metadata.read'
		);
		assert.equal( typeof token.uid, 'string' );
		assert.equal( ( token.account_id as string ).length, 40 );
		assert.ok( token.refresh_token );

		const account = await dbx.usersGetCurrentAccount();
		assert.equal( account.result.name.display_name, 'Alex Photographer' );
		assert.equal( account.result.account_id, token.account_id );

		const firstToken = auth.getAccessToken();
		await auth.refreshAccessToken();
		assert.notEqual( auth.getAccessToken(), firstToken );
		assert.equal(
			auth.getRefreshToken(),
			token.refresh_token,
			'refresh tokens are not rotated'
		);
		await dbx.usersGetCurrentAccount();

		await dbx.authTokenRevoke();
		await assert.rejects(
			dbx.usersGetCurrentAccount(),
			(
				error: DropboxResponseError< { error: { '.tag': string } } >
			) => {
				assert.equal( error.status, 401 );
				assert.equal(
					error.error.error[ '.tag' ],
					'invalid_access_token'
				);
				return true;
			}
		);
		// The revoked grant's refresh token is dead too.
		await assert.rejects(
			( async () => auth.refreshAccessToken() )() as Promise< unknown >,
			( error: DropboxResponseError< { error: string } > ) => {
				assert.equal( error.status, 400 );
				assert.equal( error.error.error, 'invalid_grant' );
				return true;
			}
		);
		// So is the access token issued before the refresh.
		const old = await raw(
			t.sandbox.dropbox.apiBase,
			'/2/users/get_current_account',
			{ headers: { Authorization: `Bearer ${ firstToken }` } }
		);
		assert.equal( old.status, 401 );
	} );

	test( 'PKCE S256 through the SDK (client_id + code_verifier, no secret)', async () => {
		const auth = sdkAuth( t.sandbox, APP, false );
		const url = String(
			await auth.getAuthenticationUrl(
				REDIRECT_URI,
				's2',
				'code',
				'offline',
				undefined,
				undefined,
				true
			)
		);
		assert.match( url, /code_challenge_method=S256&code_challenge=/ );
		const { location } = await consent( t.sandbox, url );
		const code = new URL( location! ).searchParams.get( 'code' )!;
		const res = await auth.getAccessTokenFromCode( REDIRECT_URI, code );
		const token = res.result as Record< string, string >;
		assert.ok( token.refresh_token );
		// A PKCE grant refreshes with client_id alone.
		auth.setRefreshToken( token.refresh_token! );
		await auth.refreshAccessToken();
		await sdkClient( t.sandbox, auth ).usersGetCurrentAccount();
	} );
} );

describe( 'authorize page', () => {
	const authorize = ( q: Record< string, string > ) =>
		fetch(
			`${ t.sandbox.dropbox.authBase }/oauth2/authorize?${ new URLSearchParams( q ) }`,
			{ redirect: 'manual' }
		);

	test( 'unknown client_id or unregistered redirect_uri: an error page, no redirect', async () => {
		for ( const q of [
			{
				client_id: 'nope',
				response_type: 'code',
				redirect_uri: REDIRECT_URI,
			},
			{
				client_id: APP.key,
				response_type: 'code',
				redirect_uri: 'http://localhost:8888/evil',
			},
			{
				client_id: APP.key,
				response_type: 'code',
				redirect_uri: `${ REDIRECT_URI }/`,
			},
		] ) {
			const res = await authorize( q );
			assert.equal( res.status, 400 );
			assert.equal( res.headers.get( 'location' ), null );
			assert.match( await res.text(), /Error \(400\)/ );
		}
	} );

	test( 'Cancel redirects back with error=access_denied and the state', async () => {
		const url = `${ t.sandbox.dropbox.authBase }/oauth2/authorize?${ new URLSearchParams( { client_id: APP.key, response_type: 'code', redirect_uri: REDIRECT_URI, state: 'st&ate' } ) }`;
		const { status, location } = await consent( t.sandbox, url, 'cancel' );
		assert.equal( status, 302 );
		const back = new URL( location! );
		assert.equal( back.searchParams.get( 'action' ), 'ccg_oauth_dropbox' );
		assert.equal( back.searchParams.get( 'error' ), 'access_denied' );
		assert.ok( back.searchParams.get( 'error_description' ) );
		assert.equal( back.searchParams.get( 'state' ), 'st&ate' );
		assert.equal( back.searchParams.get( 'code' ), null );
	} );

	test( 'without scope the grant carries the submitted scopes; account_info.read is always there', async () => {
		const app = {
			...APP,
			key: 'metaonly01',
			scopes: [ 'files.metadata.read' ],
		};
		await t.control.registerApp( app );
		const registered = await t.control.getApp( app.key );
		assert.deepEqual( registered.scopes, [
			'account_info.read',
			'files.metadata.read',
		] );
		const { token, dbx } = await connect( t.sandbox, { app: registered } );
		assert.equal( token.scope, 'account_info.read files.metadata.read' );
		await dbx.filesListFolder( { path: '' } );
		// files.content.read was never submitted: every content route answers 401 missing_scope.
		await assert.rejects(
			dbx.filesGetTemporaryLink( { path: '/Portfolio/Nature/Aqua.jpg' } ),
			(
				error: DropboxResponseError< {
					error: Record< string, string >;
				} >
			) => {
				assert.equal( error.status, 401 );
				assert.equal( error.error.error[ '.tag' ], 'missing_scope' );
				assert.equal(
					error.error.error.required_scope,
					'files.content.read'
				);
				return true;
			}
		);
	} );

	test( 'a scope parameter narrows the grant; a scope the app lacks is an error page', async () => {
		const { token } = await connect( t.sandbox, {
			scope: [ 'files.metadata.read' ],
		} );
		assert.equal( token.scope, 'account_info.read files.metadata.read' );
		const res = await authorize( {
			client_id: 'metaonly01',
			response_type: 'code',
			redirect_uri: REDIRECT_URI,
			scope: 'files.content.read',
		} );
		assert.equal( res.status, 400 );
	} );
} );
