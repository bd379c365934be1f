/**
 * The built-in server's router and a file written while a request for it
 * is on its way (a thumbnail that another request has just fetched): PHP's
 * built-in server looks for the file before it runs the router, and answers
 * 404 when the router hands it a file that was not there yet. The router
 * must send such a file itself. A wrapper router writes the file just
 * before ours runs, which is that race every time.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { phpDir } from '../paths';

async function freePort(): Promise< number > {
	const server = net.createServer();
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = server.address() as AddressInfo;
	await new Promise< void >( ( resolve ) => server.close( () => resolve() ) );
	return port;
}

async function waitUntilUp( url: string ): Promise< void > {
	for ( let i = 0; i < 100; i++ ) {
		try {
			await ( await fetch( url ) ).arrayBuffer();
			return;
		} catch {
			await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		}
	}
	throw new Error( `${ url } did not come up` );
}

describe( 'router.php: files that appear while their request is on its way', () => {
	let root: string;
	let server: ChildProcess;
	let base: string;

	before( async () => {
		root = mkdtempSync( path.join( os.tmpdir(), 'ccg-router-' ) );
		// Writes late.jpg after the server has looked for it, then runs ours.
		const wrapper = path.join( root, '.race-router.php' );
		writeFileSync(
			wrapper,
			`<?php\nif ( '/late.jpg' === parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ) {\n\tfile_put_contents( __DIR__ . '/late.jpg', 'written late' );\n}\nreturn require ${ JSON.stringify(
				path.join( phpDir, 'router.php' )
			) };\n`
		);
		writeFileSync( path.join( root, 'early.jpg' ), 'there all along' );
		const port = await freePort();
		base = `http://127.0.0.1:${ port }`;
		server = spawn(
			'php',
			[ '-S', `127.0.0.1:${ port }`, '-t', root, wrapper ],
			{
				stdio: 'ignore',
			}
		);
		await waitUntilUp( `${ base }/early.jpg` );
	} );

	after( () => {
		server?.kill();
		rmSync( root, { recursive: true, force: true } );
	} );

	it( 'sends a file written after the server looked, instead of the server’s 404', async () => {
		assert.equal( existsSync( path.join( root, 'late.jpg' ) ), false );
		const late = await fetch( `${ base }/late.jpg` );
		assert.equal( late.status, 200 );
		assert.equal( late.headers.get( 'content-type' ), 'image/jpeg' );
		assert.equal( late.headers.get( 'content-length' ), '12' );
		assert.equal( await late.text(), 'written late' );

		const head = await fetch( `${ base }/late.jpg`, { method: 'HEAD' } );
		assert.equal( head.status, 200 );
		assert.equal( await head.text(), '' );
	} );

	it( 'leaves a file that was there to the server', async () => {
		const early = await fetch( `${ base }/early.jpg` );
		assert.equal( early.status, 200 );
		assert.equal( early.headers.get( 'content-type' ), 'image/jpeg' );
		assert.equal(
			early.headers.get( 'x-powered-by' ),
			null,
			'sent by the server, no PHP script output'
		);
		assert.equal( await early.text(), 'there all along' );
	} );
} );
