import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { FOLDERS } from '../src/library/layout-common';
import type { GoogleClient } from '../src/types';
import { startTestSandbox, type TestSandbox } from './helpers';
import {
	drive,
	DRIVE_JSON,
	filesPath,
	googleClient,
	googleConnect,
	idOfPath,
	tokenCall,
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

describe( 'faults and request counts', () => {
	test( '403 rateLimitExceeded by default; userRateLimitExceeded by reason; no Retry-After unless asked', async () => {
		await t.control.addFault( {
			route: 'google/drive/v3/files',
			kind: 'status',
			status: 403,
			count: 1,
		} );
		const limited = await drive( t, access, LIST );
		assert.equal( limited.status, 403 );
		assert.equal( limited.type, DRIVE_JSON );
		assert.equal( limited.headers.get( 'retry-after' ), null );
		assert.deepEqual( limited.json, {
			error: {
				code: 403,
				message: 'Rate Limit Exceeded',
				errors: [
					{
						message: 'Rate Limit Exceeded',
						domain: 'usageLimits',
						reason: 'rateLimitExceeded',
					},
				],
			},
		} );
		await t.control.addFault( {
			route: 'google/drive/*',
			kind: 'status',
			status: 403,
			reason: 'userRateLimitExceeded',
			retryAfter: 7,
			count: 1,
		} );
		const user = await drive( t, access, '/drive/v3/files/root' );
		assert.equal( user.headers.get( 'retry-after' ), '7' );
		assert.deepEqual( user.json.error.errors[ 0 ], {
			message: 'User rate limit exceeded.',
			domain: 'usageLimits',
			reason: 'userRateLimitExceeded',
		} );
		assert.equal( ( await drive( t, access, LIST ) ).status, 200 );
	} );

	test( '429, 500 and 503 with Google bodies', async () => {
		await t.control.addFault( {
			route: 'google/drive/v3/files',
			kind: 'status',
			status: 429,
			count: 1,
		} );
		const tooMany = await drive( t, access, LIST );
		assert.equal( tooMany.status, 429 );
		assert.equal( tooMany.headers.get( 'retry-after' ), null );
		assert.deepEqual( tooMany.json.error.errors[ 0 ], {
			message: 'Rate Limit Exceeded',
			domain: 'usageLimits',
			reason: 'rateLimitExceeded',
		} );
		for ( const status of [ 500, 503 ] ) {
			await t.control.addFault( {
				route: 'google/drive/v3/files',
				kind: 'status',
				status,
				count: 1,
			} );
			const res = await drive( t, access, LIST );
			assert.equal( res.status, status );
			assert.equal( res.json.error.code, status );
			assert.equal( res.json.error.errors[ 0 ].reason, 'backendError' );
		}
		await t.control.addFault( {
			route: 'google/token',
			kind: 'status',
			status: 503,
			count: 1,
		} );
		const token = await tokenCall( t, '/token', {
			grant_type: 'refresh_token',
		} );
		assert.equal( token.status, 503 );
		assert.equal( token.json.error, 'internal_failure' );
	} );

	test( 'latency and dropped connections', async () => {
		await t.control.addFault( {
			route: 'google/drive/v3/files/get',
			kind: 'latency',
			latencyMs: 300,
			count: 1,
		} );
		const started = Date.now();
		assert.equal(
			( await drive( t, access, '/drive/v3/files/root' ) ).status,
			200
		);
		assert.ok( Date.now() - started >= 290 );
		await t.control.addFault( {
			route: 'google/thumbnail',
			kind: 'drop',
			count: 1,
		} );
		await assert.rejects(
			fetch(
				`${ t.sandbox.google.thumbBase }/drive-storage/AJQWtBx=s220`
			)
		);
	} );

	test( 'request counts per Google route', async () => {
		await t.control.resetRequestCounts();
		await drive( t, access, LIST );
		await drive( t, access, LIST );
		await drive( t, access, '/drive/v3/files/root' );
		const photo = await idOfPath(
			t,
			access,
			`${ FOLDERS.ceremony }/IMG_4101.jpg`
		);
		const link = (
			await drive(
				t,
				access,
				`/drive/v3/files/${ photo }?fields=thumbnailLink`
			)
		).json.thumbnailLink;
		await drive( t, access, `/drive/v3/files/${ photo }?alt=media` );
		await fetch( link, {
			headers: { Authorization: `Bearer ${ access }` },
		} );
		await drive( t, access, '/drive/v3/drives' );
		await fetch( `${ t.sandbox.google.apiBase }/nothing-here` );
		const { counts } = await t.control.requestCounts();
		assert.equal( counts[ 'google/drive/v3/files' ], 2 + 4 );
		assert.equal( counts[ 'google/drive/v3/files/get' ], 2 );
		assert.equal( counts[ 'google/drive/v3/files/media' ], 1 );
		assert.equal( counts[ 'google/thumbnail' ], 1 );
		assert.equal( counts[ 'google/drive/v3/drives' ], 1 );
		assert.equal(
			Object.keys( counts ).some( ( k ) => k.includes( 'nothing' ) ),
			false
		);
	} );

	test( 'the most requests of a route in flight at once', async () => {
		await t.control.addFault( {
			route: 'google/drive/v3/files/get',
			kind: 'latency',
			latencyMs: 200,
		} );
		try {
			await t.control.resetRequestCounts();
			await Promise.all(
				Array.from( { length: 5 }, () =>
					drive( t, access, '/drive/v3/files/root' )
				)
			);
			await drive( t, access, LIST );
			await drive( t, access, LIST );
			const parallel = await t.control.requestCounts();
			assert.equal(
				parallel.maxInFlight[ 'google/drive/v3/files/get' ],
				5
			);
			assert.equal( parallel.maxInFlight[ 'google/drive/v3/files' ], 1 );

			await t.control.resetRequestCounts();
			assert.deepEqual(
				( await t.control.requestCounts() ).maxInFlight,
				{},
				'A reset forgets the maxima.'
			);
			for ( let i = 0; i < 3; i++ ) {
				await drive( t, access, '/drive/v3/files/root' );
			}
			assert.equal(
				( await t.control.requestCounts() ).maxInFlight[
					'google/drive/v3/files/get'
				],
				1,
				'One after another is one at a time.'
			);
		} finally {
			await t.control.clearFaults();
		}
	} );
} );

describe( 'control API reset', () => {
	test( 'reset clears Google grants; with apps, clients but the default one', async () => {
		const other = await googleClient( t, { publishingStatus: 'testing' } );
		const defaultId = ( await t.control.defaultGoogleClient() ).clientId;
		await t.control.updateGoogleClient( defaultId, {
			driveApiEnabled: false,
		} );
		await t.control.reset();
		assert.equal( ( await drive( t, access, LIST ) ).status, 401 );
		assert.ok( await t.control.googleClient( other.clientId ) );
		await t.control.reset( { apps: true } );
		const { clients } = await t.control.googleClients();
		assert.deepEqual(
			clients.map( ( c ) => c.clientId ),
			[ defaultId ]
		);
		assert.equal( clients[ 0 ]!.driveApiEnabled, true );
	} );
} );
