import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Dropbox, DropboxResponseError, files } from 'dropbox';

import { ControlError } from '../src/control-client';
import { connect, startTestSandbox, type TestSandbox } from './helpers';
import { drive, googleClient, googleConnect, idOfPath } from './google-helpers';

let t: TestSandbox;
let dbx: Dropbox;
let googleToken: string;
let nature: string[];

before( async () => {
	t = await startTestSandbox();
	dbx = ( await connect( t.sandbox ) ).dbx;
	googleToken = ( await googleConnect( t, await googleClient( t ) ) )
		.access_token;
	nature = t.sandbox
		.manifest!.photos.map( ( p ) => p.path )
		.filter( ( p ) => p.startsWith( '/Portfolio/Nature/' ) )
		.sort();
	assert.ok( nature.length >= 8 );
} );
after( async () => t.stop() );

const onDisk = ( path: string ) =>
	readFileSync( join( t.sandbox.libraryDir, path ) );

async function metadata( path: string ): Promise< files.FileMetadata > {
	return ( await dbx.filesGetMetadata( { path } ) )
		.result as files.FileMetadata;
}

async function thumbnailV2( path: string ): Promise< Buffer > {
	const res = await dbx.filesGetThumbnailV2( {
		resource: { '.tag': 'path', path },
		size: { '.tag': 'w256h256' },
	} );
	return ( res.result as unknown as { fileBinary: Buffer } ).fileBinary;
}

async function refusal( call: Promise< unknown > ): Promise< unknown > {
	try {
		await call;
	} catch ( error ) {
		return ( error as DropboxResponseError< unknown > ).error;
	}
	assert.fail( 'the call succeeded' );
}

describe( 'Dropbox: rev: paths address revisions, kept as Dropbox keeps them', () => {
	test( 'a replaced photo: rev:<old> still gives the old thumbnail and bytes, rev:<new> the new ones, the id stays', async () => {
		const [ path, other ] = [ nature[ 0 ]!, nature[ 1 ]! ];
		const earlier = await metadata( path );
		const oldBytes = onDisk( path );
		const oldThumb = await thumbnailV2( path );

		const change = await t.control.putFile( path, { copyOf: other } );
		assert.deepEqual( change, { kind: 'replaced', path } );

		const now = await metadata( path );
		assert.equal( now.id, earlier.id, 'an overwrite keeps the id' );
		assert.notEqual( now.rev, earlier.rev );
		assert.notEqual( now.content_hash, earlier.content_hash );

		assert.deepEqual(
			await thumbnailV2( `rev:${ earlier.rev }` ),
			oldThumb
		);
		const newThumb = await thumbnailV2( `rev:${ now.rev }` );
		assert.notDeepEqual( newThumb, oldThumb );
		assert.deepEqual( await thumbnailV2( path ), newThumb );

		const old = await metadata( `rev:${ earlier.rev }` );
		assert.equal( old.rev, earlier.rev );
		assert.equal( old.id, earlier.id );
		assert.equal( old.content_hash, earlier.content_hash );

		const download = await dbx.filesDownload( {
			path: `rev:${ earlier.rev }`,
		} );
		assert.deepEqual(
			( download.result as unknown as { fileBinary: Buffer } ).fileBinary,
			oldBytes
		);

		const batch = await dbx.filesGetThumbnailBatch( {
			entries: [
				{ path: `rev:${ earlier.rev }`, size: { '.tag': 'w256h256' } },
				{ path: `rev:${ now.rev }`, size: { '.tag': 'w256h256' } },
			],
		} );
		const [ first, second ] = batch.result
			.entries as Array< files.GetThumbnailBatchResultEntrySuccess >;
		assert.equal( first![ '.tag' ], 'success' );
		assert.equal( first!.metadata.rev, earlier.rev );
		assert.deepEqual( Buffer.from( first!.thumbnail, 'base64' ), oldThumb );
		assert.equal( second!.metadata.rev, now.rev );
		assert.deepEqual(
			Buffer.from( second!.thumbnail, 'base64' ),
			newThumb
		);
	} );

	test( 'a deleted photo: its path is not found, its last rev: still answers (Dropbox keeps deleted revisions)', async () => {
		const path = nature[ 2 ]!;
		const earlier = await metadata( path );
		const oldThumb = await thumbnailV2( path );
		assert.deepEqual( await t.control.deleteFile( path ), {
			kind: 'deleted',
			path,
		} );
		const error = ( await refusal( metadata( path ) ) ) as {
			error_summary: string;
		};
		assert.match( error.error_summary, /^path\/not_found\// );
		assert.deepEqual(
			await thumbnailV2( `rev:${ earlier.rev }` ),
			oldThumb
		);
	} );

	test( 'a rev: that is not 9+ hex digits is a 400 (ReadPath pattern)', async () => {
		for ( const path of [ 'rev:12345678', 'rev:0123456789ABCDEF' ] ) {
			try {
				await thumbnailV2( path );
				assert.fail( `${ path } was accepted` );
			} catch ( error ) {
				const failure = error as DropboxResponseError< unknown >;
				assert.equal( failure.status, 400, path );
				assert.match(
					String( failure.error ),
					/did not match pattern/
				);
			}
		}
	} );

	test( 'a rev the account never had: 409 path/not_found, in the batch a failure', async () => {
		const error = ( await refusal(
			thumbnailV2( 'rev:0123456789abcdef' )
		) ) as { error_summary: string };
		assert.match( error.error_summary, /^path\/not_found\// );
		const batch = await dbx.filesGetThumbnailBatch( {
			entries: [ { path: 'rev:0123456789abcdef' } ],
		} );
		const entry = batch.result
			.entries[ 0 ] as files.GetThumbnailBatchResultEntryFailure;
		assert.equal( entry[ '.tag' ], 'failure' );
		assert.deepEqual( entry.failure, {
			'.tag': 'path',
			path: { '.tag': 'not_found' },
		} );
	} );

	test( 'list_folder/continue reports the new revision and the deletion', async () => {
		const [ path, other, gone ] = [
			nature[ 3 ]!,
			nature[ 4 ]!,
			nature[ 5 ]!,
		];
		let page = await dbx.filesListFolder( { path: '/Portfolio/Nature' } );
		while ( page.result.has_more ) {
			page = await dbx.filesListFolderContinue( {
				cursor: page.result.cursor,
			} );
		}
		const earlier = await metadata( path );
		await t.control.putFile( path, { copyOf: other } );
		await t.control.deleteFile( gone );
		const changes: files.ListFolderResult[ 'entries' ] = [];
		let cursor = page.result.cursor;
		for (;;) {
			const next = await dbx.filesListFolderContinue( { cursor } );
			changes.push( ...next.result.entries );
			cursor = next.result.cursor;
			if ( ! next.result.has_more ) {
				break;
			}
		}
		const changed = changes.find(
			( e ) => e.path_lower === path.toLowerCase()
		) as files.FileMetadataReference;
		assert.equal( changed[ '.tag' ], 'file' );
		assert.notEqual( changed.rev, earlier.rev );
		assert.ok(
			changes.some(
				( e ) =>
					e[ '.tag' ] === 'deleted' &&
					e.path_lower === gone.toLowerCase()
			)
		);
	} );

	test( 'a temporary link is never made for an earlier revision', async () => {
		const path = nature[ 6 ]!;
		const earlier = await metadata( path );
		await t.control.putFile( path, { copyOf: nature[ 7 ]! } );
		const error = ( await refusal(
			dbx.filesGetTemporaryLink( { path: `rev:${ earlier.rev }` } )
		) ) as { error_summary: string };
		assert.match( error.error_summary, /^path\/not_found\// );
	} );
} );

describe( 'Drive: a replaced file has a new md5Checksum and version; its thumbnailLink shows what is there now', () => {
	const fields = 'id,md5Checksum,version,thumbnailVersion,thumbnailLink';

	test( 'replace: same id, new markers, and a link fetched before the change serves the new thumbnail', async () => {
		const path = '/Portfolio/Landscapes';
		const listed = await drive(
			t,
			googleToken,
			`/drive/v3/files?q=${ encodeURIComponent(
				`'${ await idOfPath(
					t,
					googleToken,
					path
				) }' in parents and mimeType = 'image/jpeg'`
			) }&fields=files(name)`
		);
		const names = ( listed.json.files as Array< { name: string } > )
			.map( ( f ) => f.name )
			.sort();
		const target = `${ path }/${ names[ 0 ] }`;
		const id = await idOfPath( t, googleToken, target );
		const earlier = await drive(
			t,
			googleToken,
			`/drive/v3/files/${ id }?fields=${ fields }`
		);
		const link = earlier.json.thumbnailLink as string;
		const oldThumb = Buffer.from(
			await (
				await fetch( link, {
					headers: { Authorization: `Bearer ${ googleToken }` },
				} )
			).arrayBuffer()
		);

		await t.control.putFile( target, { copyOf: nature[ 0 ]! } );
		const now = await drive(
			t,
			googleToken,
			`/drive/v3/files/${ id }?fields=${ fields }`
		);
		assert.equal( now.status, 200 );
		assert.equal( now.json.id, id );
		assert.notEqual( now.json.md5Checksum, earlier.json.md5Checksum );
		assert.notEqual( now.json.version, earlier.json.version );
		assert.notEqual(
			now.json.thumbnailVersion,
			earlier.json.thumbnailVersion
		);

		const stale = await fetch( link, {
			headers: { Authorization: `Bearer ${ googleToken }` },
		} );
		assert.equal( stale.status, 200 );
		assert.notDeepEqual(
			Buffer.from( await stale.arrayBuffer() ),
			oldThumb,
			'Drive documents no revision in a thumbnailLink: the sandbox serves the current thumbnail'
		);
	} );

	test( 'delete: files.get is the B4 404', async () => {
		const target = '/Portfolio/Wildlife/Elephants.jpg';
		const id = await idOfPath( t, googleToken, target );
		await t.control.deleteFile( target );
		const gone = await drive( t, googleToken, `/drive/v3/files/${ id }` );
		assert.equal( gone.status, 404 );
		assert.match( gone.text, new RegExp( `File not found: ${ id }\\.` ) );
	} );
} );

describe( 'control API: library changes', () => {
	test( 'adds a file both providers list', async () => {
		const path = '/Portfolio/Nature/Added by a test.jpg';
		assert.deepEqual(
			await t.control.putFile( path, {
				base64: onDisk( nature[ 0 ]! ).toString( 'base64' ),
			} ),
			{ kind: 'added', path }
		);
		assert.equal( ( await metadata( path ) ).name, 'Added by a test.jpg' );
		assert.ok( await idOfPath( t, googleToken, path ) );
	} );

	test( 'a file added after another was deleted gets its own id, even on the freed inode', async () => {
		const ids = new Set< string >();
		for ( let i = 0; i < 5; i++ ) {
			const path = `/Portfolio/Nature/Short-lived ${ i }.jpg`;
			await t.control.putFile( path, { copyOf: nature[ 0 ]! } );
			const { id } = await metadata( path );
			assert.ok(
				! ids.has( id ),
				`${ path } took the id of a deleted file`
			);
			ids.add( id );
			await t.control.deleteFile( path );
		}
	} );

	test( 'refuses paths outside the library, folders and missing files', async () => {
		for ( const [ call, text ] of [
			[
				() => t.control.putFile( '/../escape.jpg', { base64: '' } ),
				/path must be/,
			],
			[
				() => t.control.putFile( '/Portfolio', { base64: '' } ),
				/not a file/,
			],
			[ () => t.control.deleteFile( '/Nowhere/x.jpg' ), /no file/ ],
			[
				() =>
					t.control.putFile( '/Portfolio/x.jpg', {
						copyOf: '/Nowhere/y.jpg',
					} ),
				/no file/,
			],
		] as Array< [ () => Promise< unknown >, RegExp ] > ) {
			await assert.rejects( call, ( error: unknown ) => {
				assert.ok( error instanceof ControlError );
				assert.equal( error.status, 400 );
				assert.match( error.message, text );
				return true;
			} );
		}
	} );
} );

describe( 'after a restart', () => {
	test( 'rev: of the current and of an earlier revision still resolve, before any listing', async () => {
		const path = nature[ 7 ]!;
		const current = await metadata( path );
		const earlier = await metadata( `rev:${ current.rev }` );
		await t.control.putFile( path, { copyOf: nature[ 0 ]! } );
		const now = await metadata( path );
		const oldThumb = await thumbnailV2( `rev:${ current.rev }` );

		const basePort = Number( new URL( t.sandbox.controlBase ).port ) - 9;
		await t.stop( true );
		// Let this process's HTTP client see the closed keep-alive sockets first.
		await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
		t = await startTestSandbox( 'small', undefined, {
			dataDir: t.dataDir,
			basePort,
		} );
		dbx = ( await connect( t.sandbox ) ).dbx;

		assert.equal( ( await metadata( `rev:${ now.rev }` ) ).rev, now.rev );
		assert.equal(
			( await metadata( `rev:${ current.rev }` ) ).content_hash,
			earlier.content_hash
		);
		assert.deepEqual(
			await thumbnailV2( `rev:${ current.rev }` ),
			oldThumb
		);
		assert.equal( ( await metadata( path ) ).id, current.id );
	} );
} );
