import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { Dropbox } from 'dropbox';

import { ControlError } from '../src/control-client';
import { APP, connect, startTestSandbox, type TestSandbox } from './helpers';

interface Received {
	method: string;
	url: URL;
	headers: Record< string, string | string[] | undefined >;
	body: string;
}

/** Inside the port range this project's helpers may use. */
const SITE_PORT = 9791;

let t: TestSandbox;
let dbx: Dropbox;
let site: Server;
let received: Received[] = [];
/** How the fake site answers the challenge: echo it, or something else. */
let echo = true;
let nature: string[];

const hook = ( path: string ) => `http://127.0.0.1:${ SITE_PORT }${ path }`;

before( async () => {
	t = await startTestSandbox();
	dbx = ( await connect( t.sandbox ) ).dbx;
	nature = t.sandbox
		.manifest!.photos.map( ( p ) => p.path )
		.filter( ( p ) => p.startsWith( '/Portfolio/Nature/' ) )
		.sort();
	site = createServer( ( req, res ) => {
		const chunks: Buffer[] = [];
		req.on( 'data', ( c: Buffer ) => chunks.push( c ) );
		req.on( 'end', () => {
			const url = new URL( req.url ?? '/', hook( '' ) );
			received.push( {
				method: req.method ?? '',
				url,
				headers: req.headers,
				body: Buffer.concat( chunks ).toString( 'utf8' ),
			} );
			res.writeHead( 200, {
				'Content-Type': 'text/plain',
				'X-Content-Type-Options': 'nosniff',
			} );
			const challenge = url.searchParams.get( 'challenge' );
			// Not echoing: the JSON-encoded challenge, as a REST API would send it.
			const answer = echo ? challenge : `"${ challenge }"`;
			res.end( req.method === 'GET' && challenge !== null ? answer : '' );
		} );
	} );
	await new Promise< void >( ( resolve ) =>
		site.listen( SITE_PORT, '127.0.0.1', resolve )
	);
} );
after( async () => {
	await new Promise( ( resolve ) => site.close( resolve ) );
	await t.stop();
} );
beforeEach( () => {
	received = [];
	echo = true;
} );

describe( 'Dropbox webhooks: registered URIs are verified, then notified with a signature', () => {
	test( 'a library change: the challenge GET, then a POST signed with the app secret naming the account', async () => {
		await t.control.registerApp( {
			key: APP.key,
			webhookUris: [ hook( '/hook-a' ) ],
		} );
		await t.control.putFile( '/Portfolio/Nature/webhook-a.jpg', {
			copyOf: nature[ 0 ]!,
		} );
		const deliveries = await t.control.webhookDeliveries();
		assert.equal( deliveries.at( -1 )?.outcome, 'delivered' );

		assert.deepEqual(
			received.map( ( r ) => r.method ),
			[ 'GET', 'POST' ]
		);
		const [ get, post ] = received as [ Received, Received ];
		assert.equal( get.url.pathname, '/hook-a' );
		assert.match(
			get.url.searchParams.get( 'challenge' ) ?? '',
			/^\S{16,}$/
		);

		const account = ( await dbx.usersGetCurrentAccount() ).result;
		const body = JSON.parse( post.body ) as {
			list_folder: { accounts: string[] };
			delta: { users: number[] };
		};
		assert.deepEqual( body.list_folder.accounts, [ account.account_id ] );
		assert.equal( body.delta.users.length, 1 );
		assert.equal( typeof body.delta.users[ 0 ], 'number' );
		assert.equal(
			post.headers[ 'x-dropbox-signature' ],
			createHmac( 'sha256', APP.secret )
				.update( post.body )
				.digest( 'hex' )
		);
		assert.equal( post.headers[ 'content-type' ], 'application/json' );

		// Verified once: the next change is only a POST.
		received = [];
		await t.control.deleteFile( '/Portfolio/Nature/webhook-a.jpg' );
		await t.control.webhookDeliveries();
		assert.deepEqual(
			received.map( ( r ) => r.method ),
			[ 'POST' ]
		);
	} );

	test( 'a URI that does not echo the challenge exactly gets no notification', async () => {
		echo = false;
		await t.control.registerApp( {
			key: APP.key,
			webhookUris: [ hook( '/hook-b' ) ],
		} );
		await t.control.putFile( '/Portfolio/Nature/webhook-b.jpg', {
			copyOf: nature[ 1 ]!,
		} );
		const deliveries = await t.control.webhookDeliveries();
		assert.equal( deliveries.at( -1 )?.outcome, 'verification failed' );
		assert.deepEqual(
			received.map( ( r ) => r.method ),
			[ 'GET' ]
		);
		await t.control.deleteFile( '/Portfolio/Nature/webhook-b.jpg' );
		await t.control.webhookDeliveries();
	} );

	test( 'an app no account has connected is never called', async () => {
		await t.control.registerApp( {
			key: 'nobodyconnected',
			secret: 'nobodysecret',
			name: 'Nobody Connected',
			webhookUris: [ hook( '/hook-c' ) ],
		} );
		await t.control.registerApp( { key: APP.key, webhookUris: [] } );
		await t.control.putFile( '/Portfolio/Nature/webhook-c.jpg', {
			copyOf: nature[ 2 ]!,
		} );
		await t.control.webhookDeliveries();
		assert.deepEqual( received, [] );
		await t.control.deleteFile( '/Portfolio/Nature/webhook-c.jpg' );
		await t.control.deleteApp( 'nobodyconnected' );
	} );

	test( 'the App Console refuses a webhook URI that is not an http(s) URL', async () => {
		await assert.rejects(
			t.control.registerApp( {
				key: APP.key,
				webhookUris: [ 'ftp://example.com/hook' ],
			} ),
			( error: unknown ) =>
				error instanceof ControlError && error.status === 400
		);
	} );
} );
