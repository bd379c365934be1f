import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { FOLDERS } from '../src/library/layout-common';
import type { GoogleClient } from '../src/types';
import { startTestSandbox, type TestSandbox } from './helpers';
import {
	drive,
	DRIVE_JSON,
	DRIVE_METADATA_READONLY,
	filesPath,
	googleClient,
	googleConnect,
	idOfPath,
} from './google-helpers';

let t: TestSandbox;
let client: GoogleClient;
let access: string;

before( async () => {
	t = await startTestSandbox();
	client = await googleClient( t );
	access = ( await googleConnect( t, client ) ).access_token;
} );
after( async () => t.stop() );

const LIST = filesPath( { q: "'root' in parents" } );

describe( 'Drive error envelopes (contract B5)', () => {
	test( '401 required without credentials, authError with a bad token', async () => {
		const none = await drive( t, null, LIST );
		assert.equal( none.status, 401 );
		assert.equal( none.type, DRIVE_JSON );
		assert.equal(
			none.headers.get( 'www-authenticate' ),
			'Bearer realm="https://accounts.google.com/"'
		);
		assert.deepEqual( none.json.error.errors[ 0 ], {
			message: 'Login Required.',
			domain: 'global',
			reason: 'required',
			location: 'Authorization',
			locationType: 'header',
		} );
		const bad = await drive( t, 'ya29.not-a-token', LIST );
		assert.equal( bad.status, 401 );
		assert.deepEqual( bad.json, {
			error: {
				code: 401,
				message:
					'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
				errors: [
					{
						message: 'Invalid Credentials',
						domain: 'global',
						reason: 'authError',
						location: 'Authorization',
						locationType: 'header',
					},
				],
				status: 'UNAUTHENTICATED',
			},
		} );
		assert.match(
			bad.headers.get( 'www-authenticate' )!,
			/error="invalid_token"/
		);
	} );

	test( 'the access_token query parameter works like the header', async () => {
		const res = await drive(
			t,
			null,
			`${ LIST }&access_token=${ encodeURIComponent( access ) }`
		);
		assert.equal( res.status, 200 );
	} );

	test( 'parameter errors: fields, pageSize, booleans', async () => {
		const fields = await drive(
			t,
			access,
			`${ LIST }&fields=files(id,nosuchfield)`
		);
		assert.equal( fields.status, 400 );
		assert.deepEqual( fields.json.error.errors[ 0 ], {
			message: 'Invalid field selection nosuchfield',
			domain: 'global',
			reason: 'invalidParameter',
			location: 'fields',
			locationType: 'parameter',
		} );
		for ( const bad of [ 'files(id', 'files(id(x))', 'kind,,id' ] ) {
			assert.equal(
				(
					await drive(
						t,
						access,
						`${ LIST }&fields=${ encodeURIComponent( bad ) }`
					)
				).status,
				400,
				bad
			);
		}
		const size = await drive( t, access, `${ LIST }&pageSize=0` );
		assert.equal( size.status, 400 );
		assert.equal(
			size.json.error.message,
			"Invalid value '0'. Values must be within the range: [1, 1000]"
		);
		const flag = await drive(
			t,
			access,
			`${ LIST }&supportsAllDrives=yes`
		);
		assert.equal( flag.status, 400 );
		assert.equal(
			flag.json.error.errors[ 0 ].location,
			'supportsAllDrives'
		);
	} );

	test( 'only GET, only on the API host', async () => {
		const post = await fetch(
			`${ t.sandbox.google.apiBase }/drive/v3/files`,
			{
				method: 'POST',
				headers: { Authorization: `Bearer ${ access }` },
			}
		);
		assert.equal( post.status, 404 );
		for ( const base of [
			t.sandbox.google.authBase,
			t.sandbox.google.tokenBase,
			t.sandbox.google.thumbBase,
			t.sandbox.dropbox.apiBase,
		] ) {
			const res = await fetch( `${ base }/drive/v3/files`, {
				headers: { Authorization: `Bearer ${ access }` },
			} );
			assert.equal( res.status, 404, base );
		}
	} );
} );

describe( 'scopes', () => {
	test( 'drive.metadata.readonly: metadata yes, no thumbnailLink, no bytes, no drives.list', async () => {
		const meta = await googleConnect( t, await googleClient( t ), {
			scope: DRIVE_METADATA_READONLY,
		} );
		const ceremony = await idOfPath(
			t,
			meta.access_token,
			FOLDERS.ceremony
		);
		const res = await drive(
			t,
			meta.access_token,
			filesPath( {
				q: `'${ ceremony }' in parents and trashed = false`,
				fields: 'files(id,hasThumbnail,thumbnailLink,imageMediaMetadata(width))',
			} )
		);
		assert.equal( res.status, 200 );
		const [ photo ] = res.json.files;
		assert.equal( photo.hasThumbnail, true );
		assert.equal( photo.thumbnailLink, undefined );
		assert.ok( photo.imageMediaMetadata.width > 0 );
		const media = await drive(
			t,
			meta.access_token,
			`/drive/v3/files/${ photo.id }?alt=media`
		);
		assert.equal( media.status, 403 );
		assert.deepEqual( media.json.error.errors[ 0 ], {
			message:
				'Insufficient Permission: Request had insufficient authentication scopes.',
			domain: 'global',
			reason: 'insufficientPermissions',
		} );
		assert.equal( media.json.error.status, 'PERMISSION_DENIED' );
		assert.equal(
			( await drive( t, meta.access_token, '/drive/v3/drives' ) ).status,
			403
		);
		// A thumbnailLink got with another token is refused to this one.
		const link = (
			await drive(
				t,
				access,
				`/drive/v3/files/${ photo.id }?fields=thumbnailLink`
			)
		).json.thumbnailLink;
		const thumb = await fetch( link, {
			headers: { Authorization: `Bearer ${ meta.access_token }` },
		} );
		assert.equal( thumb.status, 403 );
		assert.match( await thumb.text(), /insufficientPermissions/ );
	} );

	test( 'no Drive scope: 403 insufficientPermissions on every Drive call', async () => {
		const basic = await googleConnect( t, await googleClient( t ), {
			scope: 'openid email',
		} );
		for ( const path of [
			LIST,
			'/drive/v3/files/root',
			'/drive/v3/drives',
			'/drive/v3/about?fields=user',
		] ) {
			const res = await drive( t, basic.access_token, path );
			assert.equal( res.status, 403, path );
			assert.equal(
				res.json.error.errors[ 0 ].reason,
				'insufficientPermissions'
			);
		}
	} );

	test( 'drive.file: nothing to see (empty lists, 404 ids)', async () => {
		const own = await googleConnect( t, await googleClient( t ), {
			scope: 'https://www.googleapis.com/auth/drive.file',
		} );
		const res = await drive( t, own.access_token, LIST );
		assert.equal( res.status, 200 );
		assert.deepEqual( res.json.files, [] );
		assert.equal(
			( await drive( t, own.access_token, '/drive/v3/files/root' ) )
				.status,
			404
		);
	} );

	test( 'about.get needs fields and shows the sandbox user', async () => {
		const without = await drive( t, access, '/drive/v3/about' );
		assert.equal( without.status, 400 );
		const res = await drive(
			t,
			access,
			'/drive/v3/about?fields=user(displayName,emailAddress)'
		);
		assert.deepEqual( res.json, {
			user: {
				displayName: 'Sandbox Photographer',
				emailAddress: 'photographer@sandbox.test',
			},
		} );
	} );
} );

describe( 'Drive API disabled in the project', () => {
	test( '403 accessNotConfigured with the project number, until enabled again', async () => {
		await t.control.updateGoogleClient( client.clientId, {
			driveApiEnabled: false,
		} );
		try {
			const res = await drive( t, access, LIST );
			assert.equal( res.status, 403 );
			const n = client.projectNumber;
			const message = `Google Drive API has not been used in project ${ n } before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=${ n } then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`;
			assert.equal( res.json.error.message, message );
			assert.equal( res.json.error.status, 'PERMISSION_DENIED' );
			assert.equal(
				res.json.error.errors[ 0 ].reason,
				'accessNotConfigured'
			);
			assert.equal( res.json.error.errors[ 0 ].domain, 'usageLimits' );
			assert.equal( res.json.error.errors[ 0 ].message, message );
		} finally {
			await t.control.updateGoogleClient( client.clientId, {
				driveApiEnabled: true,
			} );
		}
		assert.equal( ( await drive( t, access, LIST ) ).status, 200 );
	} );
} );
