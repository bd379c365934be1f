/**
 * The symlink-resolving copy, on a temporary tree shaped like extracted
 * Debian packages (absolute links that only make sense inside the root).
 */
import assert from 'node:assert/strict';
import {
	lstat,
	mkdir,
	mkdtemp,
	readFile,
	rm,
	stat,
	symlink,
	writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { copyResolvingSymlinks, linkTree, realpathInRoot } from '../copy-tree';

let tmp: string;
let root: string;

before( async () => {
	tmp = await mkdtemp( path.join( os.tmpdir(), 'ccg-copy-tree-' ) );
	root = path.join( tmp, 'staging' );
	const app = path.join( root, 'usr/share/app' );
	await mkdir( path.join( app, 'js' ), { recursive: true } );
	await mkdir( path.join( root, 'usr/share/javascript/lib/dist' ), {
		recursive: true,
	} );
	await mkdir( path.join( root, 'usr/share/php/mailer' ), {
		recursive: true,
	} );
	await writeFile( path.join( app, 'index.php' ), 'index' );
	await writeFile(
		path.join( root, 'usr/share/javascript/lib/dist/lib.min.js' ),
		'lib'
	);
	await writeFile(
		path.join( root, 'usr/share/php/mailer/Mailer.php' ),
		'mailer'
	);
	// Absolute link: must resolve inside the root, not on the host.
	await symlink(
		'/usr/share/javascript/lib/dist/lib.min.js',
		path.join( app, 'js/lib.js' )
	);
	// Relative link.
	await symlink( '../php/mailer/Mailer.php', path.join( app, 'Mailer.php' ) );
	// A chain: app link → absolute dir link → relative file link.
	await symlink(
		'dist/lib.min.js',
		path.join( root, 'usr/share/javascript/lib/lib.js' )
	);
	await symlink(
		'/usr/share/javascript/lib',
		path.join( root, 'usr/share/javascript/lib-current' )
	);
	await symlink(
		'/usr/share/javascript/lib-current/lib.js',
		path.join( app, 'js/chained.js' )
	);
	// A directory reached through an absolute link.
	await symlink( '/usr/share/php/mailer', path.join( app, 'mailer-dir' ) );
	// Dangling links: one allowed to come from the host, one not.
	await writeFile( path.join( tmp, 'host-ca.crt' ), 'host certificates' );
	await symlink(
		path.join( tmp, 'host-ca.crt' ),
		path.join( app, 'ca.crt' )
	);
	await symlink( '/etc/nowhere/config', path.join( app, 'config.php' ) );
	// `..` above the root stays at the root.
	await symlink(
		'../../../../../usr/share/php/mailer/Mailer.php',
		path.join( app, 'js/escape.php' )
	);
} );

after( async () => {
	await rm( tmp, { recursive: true, force: true } );
} );

describe( 'realpathInRoot', () => {
	it( 'resolves absolute and chained links inside the root', async () => {
		assert.equal(
			await realpathInRoot(
				root,
				path.join( root, 'usr/share/app/js/chained.js' )
			),
			path.join( root, 'usr/share/javascript/lib/dist/lib.min.js' )
		);
	} );

	it( 'never leaves the root', async () => {
		assert.equal(
			await realpathInRoot(
				root,
				path.join( root, 'usr/share/app/js/escape.php' )
			),
			path.join( root, 'usr/share/php/mailer/Mailer.php' )
		);
	} );

	it( 'returns undefined for a dangling link', async () => {
		assert.equal(
			await realpathInRoot(
				root,
				path.join( root, 'usr/share/app/config.php' )
			),
			undefined
		);
	} );
} );

describe( 'copyResolvingSymlinks', () => {
	it( 'copies real files for every link and reports the unresolvable ones', async () => {
		const out = path.join( tmp, 'out' );
		const hostCa = path.join( tmp, 'host-ca.crt' );
		const report = await copyResolvingSymlinks(
			path.join( root, 'usr/share/app' ),
			out,
			{ root, hostFallbacks: [ hostCa ] }
		);

		const read = ( file: string ) =>
			readFile( path.join( out, file ), 'utf8' );
		assert.equal( await read( 'index.php' ), 'index' );
		assert.equal( await read( 'js/lib.js' ), 'lib' );
		assert.equal( await read( 'js/chained.js' ), 'lib' );
		assert.equal( await read( 'Mailer.php' ), 'mailer' );
		assert.equal( await read( 'mailer-dir/Mailer.php' ), 'mailer' );
		assert.equal( await read( 'ca.crt' ), 'host certificates' );
		for ( const file of [ 'js/lib.js', 'mailer-dir', 'ca.crt' ] ) {
			assert.equal(
				( await lstat( path.join( out, file ) ) ).isSymbolicLink(),
				false,
				`${ file } is not a link`
			);
		}
		assert.deepEqual( report.unresolved, [
			{
				link: path.join( 'app', 'config.php' ),
				target: '/etc/nowhere/config',
			},
		] );
		await assert.rejects( stat( path.join( out, 'config.php' ) ) );
	} );
} );

describe( 'linkTree', () => {
	it( 'hardlinks files into real directories and skips top-level names', async () => {
		const src = path.join( tmp, 'core' );
		await mkdir( path.join( src, 'wp-includes' ), { recursive: true } );
		await mkdir( path.join( src, 'wp-content' ), { recursive: true } );
		await writeFile( path.join( src, 'wp-includes/version.php' ), '<?php' );
		await writeFile( path.join( src, 'wp-content/index.php' ), '<?php' );
		const dest = path.join( tmp, 'site' );
		const count = await linkTree( src, dest, new Set( [ 'wp-content' ] ) );
		assert.equal( count, 1 );
		const original = await stat(
			path.join( src, 'wp-includes/version.php' )
		);
		const linked = await stat(
			path.join( dest, 'wp-includes/version.php' )
		);
		assert.equal( linked.ino, original.ino );
		assert.equal(
			( await lstat( path.join( dest, 'wp-includes' ) ) ).isDirectory(),
			true
		);
		await assert.rejects( stat( path.join( dest, 'wp-content' ) ) );
	} );
} );
