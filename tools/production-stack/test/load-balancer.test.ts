/**
 * The balancer in front of the web nodes: round robin, the visitor's Host
 * passed through (WordPress must see its own address on every node), the
 * client's address appended to X-Forwarded-For, 502 for a node that is down.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';

import { startLoadBalancer, type LoadBalancer } from '../load-balancer';

function freePort(): Promise< number > {
	return new Promise( ( resolve ) => {
		const server = net.createServer().listen( 0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close( () => resolve( port ) );
		} );
	} );
}

function node(
	name: string
): Promise< { server: http.Server; port: number } > {
	const server = http.createServer( ( req, res ) => {
		res.setHeader( 'Content-Type', 'application/json' );
		res.end(
			JSON.stringify( {
				name,
				host: req.headers.host,
				forwarded: req.headers[ 'x-forwarded-for' ],
				url: req.url,
			} )
		);
	} );
	return new Promise( ( resolve ) =>
		server.listen( 0, '127.0.0.1', () =>
			resolve( {
				server,
				port: ( server.address() as net.AddressInfo ).port,
			} )
		)
	);
}

function get(
	port: number,
	headers: Record< string, string > = {}
): Promise< { status: number; body: string } > {
	return new Promise( ( resolve, reject ) => {
		http.get(
			{ host: '127.0.0.1', port, path: '/a?b=1', headers, agent: false },
			( res ) => {
				let body = '';
				res.on( 'data', ( c ) => ( body += c ) );
				res.on( 'end', () =>
					resolve( { status: res.statusCode ?? 0, body } )
				);
			}
		).on( 'error', reject );
	} );
}

describe( 'load balancer', () => {
	const nodes: Array< { server: http.Server; port: number } > = [];
	let balancer: LoadBalancer;
	let port = 0;

	before( async () => {
		nodes.push( await node( 'one' ), await node( 'two' ) );
		port = await freePort();
		balancer = await startLoadBalancer(
			port,
			nodes.map( ( n ) => n.port )
		);
	} );

	after( async () => {
		await balancer.stop();
		for ( const n of nodes ) {
			n.server.closeAllConnections();
			await new Promise( ( resolve ) => n.server.close( resolve ) );
		}
	} );

	it( 'alternates between the nodes and passes Host and the path through', async () => {
		const answers = [];
		for ( let i = 0; i < 4; i++ ) {
			answers.push(
				JSON.parse(
					( await get( port, { Host: 'localhost:1234' } ) ).body
				)
			);
		}
		assert.deepEqual(
			answers.map( ( a ) => a.name ),
			[ 'one', 'two', 'one', 'two' ]
		);
		for ( const a of answers ) {
			assert.equal( a.host, 'localhost:1234' );
			assert.equal( a.url, '/a?b=1' );
		}
		assert.deepEqual( balancer.counts(), [ 2, 2 ] );
	} );

	it( 'appends the address it saw to X-Forwarded-For', async () => {
		const answer = JSON.parse(
			( await get( port, { 'X-Forwarded-For': '203.0.113.9' } ) ).body
		);
		assert.equal( answer.forwarded, '203.0.113.9, 127.0.0.1' );
	} );

	it( 'answers 502 when a node is down', async () => {
		const down = await freePort();
		const other = await freePort();
		const lonely = await startLoadBalancer( other, [ down ] );
		try {
			assert.equal( ( await get( other ) ).status, 502 );
		} finally {
			await lonely.stop();
		}
	} );
} );
