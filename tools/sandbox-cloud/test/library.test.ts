import assert from 'node:assert/strict';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import sharp from 'sharp';

import { ensureLibrary } from '../src/library/generate';
import {
	bearer,
	connect,
	PHOTO_CACHE,
	raw,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

describe( 'the sample library', () => {
	let t: TestSandbox;
	before( async () => {
		t = await startTestSandbox();
	} );
	after( async () => t.stop() );

	test( 'holds what the manifest says, from real Debian photographs', () => {
		const m = t.sandbox.manifest!;
		assert.equal(
			m.photoSource,
			existsSync( '/usr/bin/apt-get' ) ? 'debian' : 'synthetic'
		);
		for ( const key of [
			'ceremony',
			'portraitCrop',
			'rotatedOrientation6',
			'png',
			'webp',
			'heic',
			'pdf',
			'txt',
			'over20MB',
			'large16MB',
			'xssScript',
			'xssImg',
			'emoji',
			'appFolderCustomerGallery',
		] ) {
			assert.ok( m.paths[ key ], key );
			assert.ok(
				existsSync( join( t.sandbox.libraryDir, m.paths[ key ]! ) ),
				m.paths[ key ]
			);
		}
		assert.equal(
			m.paths.xssScript,
			'/Edge Cases/<script>alert(1)</script>.jpg'
		);
		const byPath = new Map( m.photos.map( ( p ) => [ p.path, p ] ) );
		assert.ok( byPath.get( m.paths.over20MB! )!.bytes > 20 * 1024 * 1024 );
		assert.equal(
			byPath.get( m.paths.rotatedOrientation6! )!.orientation,
			6
		);
		const portrait = byPath.get( m.paths.portraitCrop! )!;
		assert.ok( portrait.height! > portrait.width! );
		assert.ok( m.photos.filter( ( p ) => p.dateTaken ).length >= 30 );
		assert.equal(
			m.paths.scale5000,
			undefined,
			'the small profile has no /Scale folders'
		);
		assert.ok(
			m.licences.length === 0 ||
				existsSync( join( t.sandbox.libraryDir, m.licences[ 0 ]! ) )
		);
	} );

	test( 'hidden sandbox files are not listed; the manifest is served by the control API', async () => {
		const { dbx } = await connect( t.sandbox );
		const names = (
			await dbx.filesListFolder( { path: '', recursive: true } )
		).result.entries.map( ( e ) => e.name );
		assert.ok( ! names.some( ( n ) => n.startsWith( '.sandbox' ) ) );
		assert.deepEqual(
			await t.control.library(),
			JSON.parse( JSON.stringify( t.sandbox.manifest ) )
		);
	} );

	test( 'generation is idempotent and fast when the library is there', async () => {
		const started = Date.now();
		const again = await ensureLibrary(
			t.sandbox.libraryDir,
			t.dataDir,
			{ profile: 'small', photoCacheDir: PHOTO_CACHE },
			() => {}
		);
		assert.ok( Date.now() - started < 500 );
		assert.equal( again?.generatedAt, t.sandbox.manifest!.generatedAt );
	} );
} );

describe( 'restarts and renames', () => {
	test( 'ids, tokens and listing cursors survive a restart; change cursors then ask for a reset', async () => {
		const first = await startTestSandbox();
		const port = Number( new URL( first.sandbox.controlBase ).port ) - 9;
		const { dbx, token } = await connect( first.sandbox );
		const page = (
			await dbx.filesListFolder( { path: '/Portfolio/Nature', limit: 5 } )
		).result;
		const all = (
			await dbx.filesListFolder( { path: '/Portfolio/Nature' } )
		).result;
		const ids = new Map(
			all.entries.map( ( e ) => [ e.name, ( e as { id: string } ).id ] )
		);
		const folderId = (
			( await dbx.filesGetMetadata( { path: '/Portfolio/Nature' } ) )
				.result as { id: string }
		 ).id;
		await first.stop( true );
		// Let this process's HTTP client see the closed keep-alive sockets first.
		await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );

		// Rename a file and its folder on disk while the sandbox is down.
		const lib = first.sandbox.libraryDir;
		renameSync(
			join( lib, 'Portfolio/Nature/Aqua.jpg' ),
			join( lib, 'Portfolio/Nature/Aqua (edited).jpg' )
		);
		renameSync(
			join( lib, 'Portfolio/Nature' ),
			join( lib, 'Portfolio/Natur' )
		);

		const second = await startTestSandbox( 'small', [], {
			dataDir: first.dataDir,
			basePort: port,
		} );
		try {
			const headers = bearer( token.access_token as string, {
				'Content-Type': 'application/json',
			} );
			const listed = await raw(
				second.sandbox.dropbox.apiBase,
				'/2/files/list_folder',
				{ headers, body: JSON.stringify( { path: folderId } ) }
			);
			assert.equal(
				listed.status,
				200,
				'the access token survived the restart'
			);
			const relisted = JSON.parse( listed.text ).entries as Array< {
				name: string;
				id: string;
				path_display: string;
			} >;
			assert.equal(
				relisted.find( ( e ) => e.name === 'Aqua (edited).jpg' )?.id,
				ids.get( 'Aqua.jpg' ),
				'a renamed file keeps its id'
			);
			assert.equal(
				relisted.find( ( e ) => e.name === 'Dune.jpg' )?.id,
				ids.get( 'Dune.jpg' )
			);
			assert.ok(
				relisted.every( ( e ) =>
					e.path_display.startsWith( '/Portfolio/Natur/' )
				)
			);
			const cont = await raw(
				second.sandbox.dropbox.apiBase,
				'/2/files/list_folder/continue',
				{ headers, body: JSON.stringify( { cursor: page.cursor } ) }
			);
			assert.equal( cont.status, 200, cont.text );
			// Pages are approximate: below the limit of 5, never empty here (page 1 of the listing).
			const continued = JSON.parse( cont.text ).entries.length;
			assert.ok( continued >= 1 && continued < 5, `${ continued }` );
			const changes = await raw(
				second.sandbox.dropbox.apiBase,
				'/2/files/list_folder/continue',
				{ headers, body: JSON.stringify( { cursor: all.cursor } ) }
			);
			assert.equal( changes.status, 409 );
			assert.match(
				JSON.parse( changes.text ).error_summary,
				/^reset\//
			);
		} finally {
			await second.stop();
		}
	} );

	test( "a folder with files and no manifest is the developer's own library, used as it is", async () => {
		const dataDir = mkdtempSync( join( tmpdir(), 'ccg-sandbox-own-' ) );
		try {
			const own = join( dataDir, 'mine' );
			mkdirSync( join( own, 'Shoot' ), { recursive: true } );
			writeFileSync(
				join( own, 'Shoot', 'a.jpg' ),
				await sharp( {
					create: {
						width: 30,
						height: 20,
						channels: 3,
						background: '#a00',
					},
				} )
					.jpeg()
					.toBuffer()
			);
			const manifest = await ensureLibrary( own, dataDir, {}, () => {} );
			assert.equal( manifest, null );
			assert.deepEqual( readdirSync( own ), [ 'Shoot' ] );
		} finally {
			rmSync( dataDir, { recursive: true, force: true } );
		}
	} );

	test( 'without apt the library is synthesized with sharp', async () => {
		const dataDir = mkdtempSync( join( tmpdir(), 'ccg-sandbox-synth-' ) );
		try {
			const manifest = await ensureLibrary(
				join( dataDir, 'library' ),
				dataDir,
				{ profile: 'small', sources: 'synthetic' },
				() => {}
			);
			assert.equal( manifest?.photoSource, 'synthetic' );
			const big = manifest!.photos.find(
				( p ) => p.path === manifest!.paths.over20MB
			);
			assert.ok( big!.bytes > 20 * 1024 * 1024 );
			assert.ok( manifest!.photos.length > 40 );
		} finally {
			rmSync( dataDir, { recursive: true, force: true } );
		}
	} );
} );
