import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { DropboxResponseError, files } from 'dropbox';

import {
	apiArg,
	bearer,
	connect,
	jsonRequest,
	PLAIN_TEXT,
	raw,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

let t: TestSandbox;
let token: string;
let api: string;
let content: string;

before( async () => {
	t = await startTestSandbox();
	token = ( await connect( t.sandbox ) ).token.access_token as string;
	api = t.sandbox.dropbox.apiBase;
	content = t.sandbox.dropbox.contentBase;
} );
after( async () => t.stop() );

const json = ( body: unknown ) => jsonRequest( token, body );
const TEXT = PLAIN_TEXT;

describe( 'faults: 429, 5xx, latency, dropped connections, request counts', () => {
	test( '429 JSON with Retry-After, for the next N requests of one route', async () => {
		await t.control.addFault( {
			route: 'files/list_folder',
			kind: 'status',
			status: 429,
			retryAfter: 15,
			count: 2,
		} );
		for ( let i = 0; i < 2; i++ ) {
			const res = await raw(
				api,
				'/2/files/list_folder',
				json( { path: '' } )
			);
			assert.equal( res.headers.get( 'retry-after' ), '15' );
			const body = JSON.parse( res.text );
			assert.equal( res.status, 429 );
			assert.equal( res.type, 'application/json' );
			assert.match( body.error_summary, /^too_many_requests\/\.{0,3}$/ );
			assert.deepEqual( body.error, {
				reason: { '.tag': 'too_many_requests' },
				retry_after: 15,
			} );
		}
		assert.equal(
			( await raw( api, '/2/files/list_folder', json( { path: '' } ) ) )
				.status,
			200
		);
		assert.equal( ( await t.control.faults() ).length, 0 );
	} );

	test( '429 plain text still carries Retry-After', async () => {
		await t.control.addFault( {
			route: 'files/get_thumbnail_batch',
			kind: 'status',
			status: 429,
			body: 'text',
			retryAfter: 3,
			count: 1,
		} );
		const res = await raw(
			content,
			'/2/files/get_thumbnail_batch',
			json( { entries: [] } )
		);
		assert.equal( res.status, 429 );
		assert.equal( res.type, TEXT );
		assert.equal( res.headers.get( 'retry-after' ), '3' );
	} );

	test( '500 and 503 (with Retry-After) until cleared; the SDK sees them', async () => {
		const fault = await t.control.addFault( {
			route: 'files/*',
			kind: 'status',
			status: 503,
			retryAfter: 2,
		} );
		for ( let i = 0; i < 3; i++ ) {
			const res = await raw(
				api,
				'/2/files/get_metadata',
				json( { path: '/Portfolio' } )
			);
			assert.equal( res.status, 503 );
			assert.equal( res.headers.get( 'retry-after' ), '2' );
		}
		await t.control.removeFault( fault.id );
		await t.control.addFault( { kind: 'status', status: 500, count: 1 } );
		const { dbx } = await connect( t.sandbox ).catch( () => ( {
			dbx: null,
		} ) );
		assert.equal(
			dbx,
			null,
			'the 500 hit the first request of the connect flow'
		);
		const { dbx: ok } = await connect( t.sandbox );
		await t.control.addFault( {
			route: 'files/get_metadata',
			kind: 'status',
			status: 500,
			count: 1,
		} );
		await assert.rejects(
			ok.filesGetMetadata( { path: '/Portfolio' } ),
			( error: DropboxResponseError< unknown > ) => error.status === 500
		);
		assert.equal(
			( await ok.filesGetMetadata( { path: '/Portfolio' } ) ).result.name,
			'Portfolio'
		);
	} );

	test( 'latency and a dropped connection', async () => {
		await t.control.addFault( {
			route: 'users/get_current_account',
			kind: 'latency',
			latencyMs: 300,
			count: 1,
		} );
		const started = Date.now();
		assert.equal(
			(
				await raw( api, '/2/users/get_current_account', {
					headers: bearer( token ),
				} )
			).status,
			200
		);
		assert.ok( Date.now() - started >= 290 );
		await t.control.addFault( {
			route: 'files/download',
			kind: 'drop',
			count: 1,
		} );
		await assert.rejects(
			fetch( `${ content }/2/files/download`, {
				method: 'POST',
				headers: bearer( token, {
					'Dropbox-API-Arg': apiArg( {
						path: '/Portfolio/Nature/Aqua.jpg',
					} ),
				} ),
			} )
		);
		const again = await fetch( `${ content }/2/files/download`, {
			method: 'POST',
			headers: bearer( token, {
				'Dropbox-API-Arg': apiArg( {
					path: '/Portfolio/Nature/Aqua.jpg',
				} ),
			} ),
		} );
		assert.equal( again.status, 200 );
	} );

	test( 'response-phase latency: the request takes effect before the answer is sent', async () => {
		const { access_token: victim } = ( await connect( t.sandbox ) )
			.token as { access_token: string };
		await t.control.addFault( {
			route: 'auth/token/revoke',
			kind: 'latency',
			latencyMs: 400,
			phase: 'response',
			count: 1,
		} );
		const started = Date.now();
		const revoking = raw( api, '/2/auth/token/revoke', {
			headers: bearer( victim ),
		} );
		await new Promise( ( done ) => setTimeout( done, 150 ) );
		const meanwhile = await raw( api, '/2/users/get_current_account', {
			headers: bearer( victim ),
		} );
		assert.equal( meanwhile.status, 401, 'Already revoked.' );
		assert.equal( ( await revoking ).status, 200 );
		assert.ok( Date.now() - started >= 390 );
	} );

	test( 'request counts per route (GET), reset (POST); faulted requests count too', async () => {
		await t.control.resetRequestCounts();
		await t.control.addFault( {
			route: 'files/get_metadata',
			kind: 'status',
			status: 429,
			count: 1,
		} );
		await raw(
			api,
			'/2/files/get_metadata',
			json( { path: '/Portfolio' } )
		);
		await raw(
			api,
			'/2/files/get_metadata',
			json( { path: '/Portfolio' } )
		);
		await raw(
			content,
			'/2/files/get_thumbnail_batch',
			json( { entries: [] } )
		);
		const { counts, total } = await t.control.requestCounts();
		assert.deepEqual( counts, {
			'files/get_metadata': 2,
			'files/get_thumbnail_batch': 1,
		} );
		assert.equal( total, 3 );
		await t.control.resetRequestCounts();
		assert.equal( ( await t.control.requestCounts() ).total, 0 );
	} );
} );

describe( 'hosts', () => {
	test( 'a route on the wrong host is a 404, as in production', async () => {
		assert.equal(
			(
				await raw(
					content,
					'/2/files/list_folder',
					json( { path: '' } )
				)
			).status,
			404
		);
		assert.equal(
			(
				await raw( api, '/2/files/download', {
					headers: bearer( token, {
						'Dropbox-API-Arg': apiArg( { path: '/x' } ),
					} ),
				} )
			).status,
			404
		);
		assert.equal(
			(
				await raw( t.sandbox.dropbox.authBase, '/oauth2/token', {
					body: 'grant_type=refresh_token',
				} )
			).status,
			404
		);
		assert.equal(
			( await fetch( `${ api }/oauth2/authorize?client_id=x` ) ).status,
			404
		);
		assert.equal(
			(
				await raw(
					t.sandbox.dropbox.linkBase,
					'/2/files/list_folder',
					json( { path: '' } )
				)
			).status,
			404
		);
		const requests = ( await t.control.requestCounts() ).counts;
		assert.equal(
			requests[ 'files/list_folder' ],
			undefined,
			'wrong-host requests reach no route'
		);
	} );

	test( 'an unknown temporary link is 404', async () => {
		assert.equal(
			(
				await fetch(
					`${ t.sandbox.dropbox.linkBase }/cd/0/get/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/x.jpg`
				)
			).status,
			404
		);
	} );

	test( 'the SDK surfaces a 409 as a DropboxResponseError with the parsed envelope', async () => {
		const { dbx } = await connect( t.sandbox );
		await assert.rejects(
			dbx.filesGetThumbnailV2( {
				resource: { '.tag': 'path', path: '/Edge Cases/IMG_2040.heic' },
			} as files.ThumbnailV2Arg ),
			(
				error: DropboxResponseError< { error: { '.tag': string } } >
			) => {
				assert.equal( error.status, 409 );
				assert.equal(
					error.error.error[ '.tag' ],
					'unsupported_extension'
				);
				return true;
			}
		);
	} );
} );
