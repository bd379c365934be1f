import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startTestSandbox, type TestSandbox } from './helpers';
import {
	authUrl,
	drive,
	DRIVE_READONLY,
	filesPath,
	GOOGLE_REDIRECT_URI,
	googleClient,
	googleCode,
	googleConnect,
	OAUTH_JSON,
	tokenCall,
} from './google-helpers';

let t: TestSandbox;
before( async () => {
	t = await startTestSandbox();
} );
after( async () => t.stop() );

const DAY = 24 * 3600;

describe( 'Google revoke (POST /revoke)', () => {
	test( 'revoking the refresh token kills it and its access tokens', async () => {
		const client = await googleClient( t );
		const token = await googleConnect( t, client );
		const res = await tokenCall( t, '/revoke', {
			token: token.refresh_token!,
		} );
		assert.equal( res.status, 200 );
		assert.equal( res.type, OAUTH_JSON );
		assert.deepEqual( res.json, {} );
		const api = await drive( t, token.access_token, filesPath( {} ) );
		assert.equal( api.status, 401 );
		assert.equal( api.json.error.errors[ 0 ].reason, 'authError' );
		const refresh = await tokenCall( t, '/token', {
			grant_type: 'refresh_token',
			refresh_token: token.refresh_token!,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} );
		assert.equal( refresh.status, 400 );
		assert.deepEqual( refresh.json, {
			error: 'invalid_grant',
			error_description: 'Token has been expired or revoked.',
		} );
		const again = await tokenCall( t, '/revoke', {
			token: token.refresh_token!,
		} );
		assert.equal( again.status, 400 );
		assert.deepEqual( again.json, {
			error: 'invalid_token',
			error_description: 'Token expired or revoked',
		} );
	} );

	test( 'an access token in the query string revokes the grant too', async () => {
		const client = await googleClient( t );
		const token = await googleConnect( t, client );
		const res = await fetch(
			`${ t.sandbox.google.tokenBase }/revoke?token=${ encodeURIComponent(
				token.access_token
			) }`,
			{ method: 'POST' }
		);
		assert.equal( res.status, 200 );
		const refresh = await tokenCall( t, '/token', {
			grant_type: 'refresh_token',
			refresh_token: token.refresh_token!,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		} );
		assert.equal( refresh.json.error, 'invalid_grant' );
		assert.equal(
			( await tokenCall( t, '/revoke', { token: 'made-up' } ) ).status,
			400
		);
	} );

	test( 'control API: revoke every grant, list grants', async () => {
		const client = await googleClient( t );
		const token = await googleConnect( t, client );
		const grants = await t.control.googleGrants();
		const mine = grants.find( ( g ) => g.clientId === client.clientId )!;
		assert.deepEqual( mine.scopes, [ DRIVE_READONLY ] );
		assert.equal( mine.refreshTokens.length, 1 );
		assert.equal( mine.refreshTokens[ 0 ]!.expiresAt, null );
		assert.ok( ( await t.control.revokeAllGoogleGrants() ) >= 1 );
		assert.equal(
			( await drive( t, token.access_token, filesPath( {} ) ) ).status,
			401
		);
	} );
} );

describe( 'Google token lifetimes (time travel)', () => {
	test( 'codes last 10 minutes, access tokens 3599 s', async () => {
		const client = await googleClient( t );
		const { code } = await googleCode( t, client );
		const token = await googleConnect( t, client, { prompt: 'consent' } );
		await t.control.advanceTime( 601 );
		try {
			const late = await tokenCall( t, '/token', {
				grant_type: 'authorization_code',
				code,
				redirect_uri: GOOGLE_REDIRECT_URI,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			} );
			assert.equal( late.json.error, 'invalid_grant' );
			assert.equal(
				( await drive( t, token.access_token, filesPath( {} ) ) )
					.status,
				200
			);
			await t.control.advanceTime( 3000 );
			const expired = await drive(
				t,
				token.access_token,
				filesPath( {} )
			);
			assert.equal( expired.status, 401 );
			assert.equal( expired.json.error.status, 'UNAUTHENTICATED' );
		} finally {
			await t.control.advanceTime( -3601 );
		}
	} );

	test( 'testing status: refresh tokens expire 7 days after issue; the next consent brings a new one', async () => {
		const client = await googleClient( t, { publishingStatus: 'testing' } );
		const page = await ( await fetch( authUrl( t, client ) ) ).text();
		assert.match( page, /in testing/ );
		const token = await googleConnect( t, client );
		const refresh = () =>
			tokenCall( t, '/token', {
				grant_type: 'refresh_token',
				refresh_token: token.refresh_token!,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			} );
		const [ grant ] = ( await t.control.googleGrants() ).filter(
			( g ) => g.clientId === client.clientId
		);
		assert.ok( grant!.refreshTokens[ 0 ]!.expiresAt );
		try {
			await t.control.advanceTime( 6 * DAY );
			assert.equal( ( await refresh() ).status, 200 );
			await t.control.advanceTime( DAY + 1 );
			const dead = await refresh();
			assert.equal( dead.status, 400 );
			assert.deepEqual( dead.json, {
				error: 'invalid_grant',
				error_description: 'Token has been expired or revoked.',
			} );
			// Without prompt=consent: the old grant's offline access is gone, so a refresh token comes.
			assert.ok( ( await googleConnect( t, client ) ).refresh_token );
		} finally {
			await t.control.advanceTime( -( 7 * DAY + 1 ) );
		}
	} );

	test( 'expiring every access token through the control API', async () => {
		const client = await googleClient( t );
		const token = await googleConnect( t, client );
		assert.ok( ( await t.control.expireGoogleAccessTokens() ) >= 1 );
		assert.equal(
			( await drive( t, token.access_token, filesPath( {} ) ) ).status,
			401
		);
		await t.control.setGoogleTokenLifetime( 60 );
		const short = await googleConnect( t, client, { prompt: 'consent' } );
		assert.equal( short.expires_in, 60 );
		await t.control.setGoogleTokenLifetime( 3599 );
	} );
} );

describe( 'Google Cloud Console (control API)', () => {
	test( 'a default client exists; clients are validated; deleting the default makes a new one', async () => {
		const first = await t.control.defaultGoogleClient();
		assert.match(
			first.clientId,
			/^\d{12}-[a-z0-9]{32}\.apps\.googleusercontent\.com$/
		);
		assert.match( first.clientSecret, /^GOCSPX-[\w-]{28}$/ );
		assert.equal( first.projectNumber, first.clientId.split( '-' )[ 0 ] );
		assert.equal( first.publishingStatus, 'production' );
		assert.equal( first.driveApiEnabled, true );
		assert.deepEqual( t.sandbox.defaultGoogleClient(), first );
		await assert.rejects(
			t.control.registerGoogleClient( {
				redirectUris: [ 'http://example.com/cb' ],
			} ),
			/https/
		);
		await assert.rejects(
			t.control.updateGoogleClient( first.clientId, {
				publishingStatus: 'live' as 'testing',
			} ),
			/publishingStatus/
		);
		const updated = await t.control.updateGoogleClient( first.clientId, {
			redirectUris: [ GOOGLE_REDIRECT_URI ],
		} );
		assert.deepEqual( updated.redirectUris, [ GOOGLE_REDIRECT_URI ] );
		assert.equal( updated.clientSecret, first.clientSecret );
		await t.control.deleteGoogleClient( first.clientId );
		const next = await t.control.defaultGoogleClient();
		assert.notEqual( next.clientId, first.clientId );
	} );
} );
