import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Dropbox, files } from 'dropbox';
import sharp from 'sharp';

import { contentHashOf } from '../src/dropbox/files/content-hash';
import {
	apiArg,
	bearer,
	connect,
	raw,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

let t: TestSandbox;
let dbx: Dropbox;
let token: string;
let paths: Record< string, string >;

before( async () => {
	t = await startTestSandbox();
	const connection = await connect( t.sandbox );
	dbx = connection.dbx;
	token = connection.token.access_token as string;
	paths = t.sandbox.manifest!.paths;
} );
after( async () => t.stop() );

const onDisk = ( path: string ) => join( t.sandbox.libraryDir, path );

describe( 'files routes through the official SDK', () => {
	test( 'list_folder: root, by path, by id, recursive; entries carry .tag', async () => {
		const root = await dbx.filesListFolder( { path: '' } );
		const names = root.result.entries.map( ( e ) => e.name ).sort();
		assert.deepEqual( names, [
			'Apps',
			'Clients',
			'Edge Cases',
			'Portfolio',
			'📷 Favourites',
		] );
		assert.ok(
			root.result.entries.every( ( e ) => e[ '.tag' ] === 'folder' )
		);
		assert.equal( root.result.has_more, false );

		const ceremony = await dbx.filesListFolder( {
			path: paths.ceremony!.toUpperCase(),
		} );
		const photos = ceremony.result.entries as files.FileMetadataReference[];
		assert.equal( photos.length, 6 );
		for ( const entry of photos ) {
			assert.equal( entry[ '.tag' ], 'file' );
			assert.match( entry.id, /^id:[A-Za-z0-9_-]{22}$/ );
			assert.match( entry.rev, /^[0-9a-f]{9,}$/ );
			assert.match(
				entry.client_modified,
				/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
			);
			assert.match(
				entry.server_modified,
				/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
			);
			assert.equal( entry.path_lower, entry.path_display!.toLowerCase() );
			assert.equal(
				entry.content_hash,
				contentHashOf( readFileSync( onDisk( entry.path_display! ) ) )
			);
			assert.equal(
				entry.media_info,
				undefined,
				'list_folder never carries media_info'
			);
		}
		const folderId = (
			await dbx.filesGetMetadata( { path: paths.ceremony! } )
		).result as files.FolderMetadataReference;
		const byId = await dbx.filesListFolder( { path: folderId.id } );
		assert.deepEqual(
			byId.result.entries.map( ( e ) => e.name ).sort(),
			photos.map( ( e ) => e.name ).sort()
		);

		const recursive = await dbx.filesListFolder( {
			path: paths.smithWedding!,
			recursive: true,
		} );
		const shown = recursive.result.entries.map( ( e ) => e.path_display! );
		assert.equal(
			shown[ 0 ],
			paths.smithWedding,
			'the listed folder comes first'
		);
		assert.ok(
			shown.includes( paths.ceremony! ) &&
				shown.includes( `${ paths.reception }/First dance.webp` )
		);
		for ( const [ i, path ] of shown.entries() ) {
			const parent = path.slice( 0, path.lastIndexOf( '/' ) );
			if ( parent.length >= paths.smithWedding!.length ) {
				assert.ok(
					shown.indexOf( parent ) < i,
					`${ parent } before ${ path }`
				);
			}
		}
	} );

	test( 'get_metadata with include_media_info: dimensions (orientation applied), time_taken, location', async () => {
		const rotated = (
			await dbx.filesGetMetadata( {
				path: paths.rotatedOrientation6!,
				include_media_info: true,
			} )
		).result as files.FileMetadataReference;
		assert.equal( rotated[ '.tag' ], 'file' );
		const meta = rotated.media_info as {
			'.tag': string;
			metadata: files.PhotoMetadataReference;
		};
		assert.equal( meta[ '.tag' ], 'metadata' );
		assert.equal( meta.metadata[ '.tag' ], 'photo' );
		const disk = await sharp(
			onDisk( paths.rotatedOrientation6! )
		).metadata();
		assert.equal( disk.orientation, 6 );
		assert.deepEqual( meta.metadata.dimensions, {
			width: disk.height,
			height: disk.width,
		} );
		assert.equal( meta.metadata.time_taken, '2026-05-16T14:21:00Z' );

		const gps = (
			await dbx.filesGetMetadata( {
				path: paths.gps!,
				include_media_info: true,
			} )
		).result as files.FileMetadataReference;
		const location = (
			gps.media_info as { metadata: files.PhotoMetadataReference }
		 ).metadata.location!;
		assert.ok(
			Math.abs( location.latitude - 47.6603 ) < 1e-3 &&
				Math.abs( location.longitude - 9.1758 ) < 1e-3
		);

		const plain = ( await dbx.filesGetMetadata( { path: paths.noExif! } ) )
			.result as files.FileMetadataReference;
		assert.equal( plain.media_info, undefined );
		const noExif = (
			await dbx.filesGetMetadata( {
				path: paths.noExif!,
				include_media_info: true,
			} )
		).result as files.FileMetadataReference;
		assert.equal(
			( noExif.media_info as { metadata: files.PhotoMetadataReference } )
				.metadata.time_taken,
			undefined
		);

		const folder = await dbx.filesGetMetadata( {
			path: paths.favourites!,
		} );
		assert.equal( folder.result[ '.tag' ], 'folder' );
		assert.equal( folder.result.name, '📷 Favourites' );
	} );

	test( 'get_temporary_link: metadata without .tag, the link serves the bytes, 410 after 4 hours', async () => {
		const res = await dbx.filesGetTemporaryLink( { path: paths.emoji! } );
		assert.equal(
			( res.result.metadata as unknown as Record< string, unknown > )[
				'.tag'
			],
			undefined
		);
		assert.equal( res.result.metadata.path_display, paths.emoji );
		assert.ok(
			res.result.link.startsWith( `${ t.sandbox.dropbox.linkBase }/` )
		);
		const served = await fetch( res.result.link );
		assert.equal( served.status, 200 );
		assert.equal( served.headers.get( 'content-type' ), 'image/jpeg' );
		assert.deepEqual(
			Buffer.from( await served.arrayBuffer() ),
			readFileSync( onDisk( paths.emoji! ) )
		);
		await t.control.ageTemporaryLinks( 4 * 3600 - 60 );
		assert.equal( ( await fetch( res.result.link ) ).status, 200 );
		await t.control.ageTemporaryLinks( 61 );
		const gone = await fetch( res.result.link );
		assert.equal( gone.status, 410 );
	} );

	test( 'download: bytes, Dropbox-API-Result without .tag, rev: and id: paths', async () => {
		const res = await dbx.filesDownload( { path: paths.accents! } );
		const result = res.result as files.FileMetadata & {
			fileBinary: Buffer;
		};
		assert.deepEqual(
			result.fileBinary,
			readFileSync( onDisk( paths.accents! ) )
		);
		assert.equal(
			( result as unknown as Record< string, unknown > )[ '.tag' ],
			undefined
		);
		assert.equal( result.name, 'Café – crème brûlée.jpg' );
		const byRev = await dbx.filesDownload( {
			path: `rev:${ result.rev }`,
		} );
		assert.equal( ( byRev.result as files.FileMetadata ).id, result.id );
		const byId = await dbx.filesDownload( { path: result.id } );
		assert.equal(
			( byId.result as files.FileMetadata ).path_display,
			paths.accents
		);
	} );
} );

describe( 'content routes over raw HTTP', () => {
	test( 'download: exact content type, Etag, Accept-Ranges, GET with arg, Range, If-None-Match', async () => {
		const path = paths.png!;
		const post = await fetch(
			`${ t.sandbox.dropbox.contentBase }/2/files/download`,
			{
				method: 'POST',
				headers: bearer( token, {
					'Dropbox-API-Arg': apiArg( { path } ),
				} ),
			}
		);
		assert.equal( post.status, 200 );
		assert.equal(
			post.headers.get( 'content-type' ),
			'application/octet-stream'
		);
		assert.equal( post.headers.get( 'accept-ranges' ), 'bytes' );
		const result = JSON.parse( post.headers.get( 'dropbox-api-result' )! );
		assert.equal( post.headers.get( 'etag' ), `W/"${ result.rev }"` );
		assert.match(
			post.headers.get( 'dropbox-api-result' )!,
			/\\u00dcbersicht/,
			'non-ASCII is escaped in the header'
		);
		assert.ok(
			/^[\x20-\x7e]*$/.test( post.headers.get( 'dropbox-api-result' )! )
		);
		const bytes = Buffer.from( await post.arrayBuffer() );
		assert.equal( bytes.length, result.size );

		const get = await fetch(
			`${ t.sandbox.dropbox.contentBase }/2/files/download?${ new URLSearchParams( { arg: JSON.stringify( { path } ), authorization: `Bearer ${ token }` } ) }`,
			{ headers: { Range: 'bytes=0-99' } }
		);
		assert.equal( get.status, 206 );
		assert.equal(
			get.headers.get( 'content-range' ),
			`bytes 0-99/${ result.size }`
		);
		assert.deepEqual(
			Buffer.from( await get.arrayBuffer() ),
			bytes.subarray( 0, 100 )
		);

		const cached = await fetch(
			`${ t.sandbox.dropbox.contentBase }/2/files/download`,
			{
				method: 'POST',
				headers: bearer( token, {
					'Dropbox-API-Arg': apiArg( { path } ),
					'If-None-Match': `W/"${ result.rev }"`,
				} ),
			}
		);
		assert.equal( cached.status, 304 );
	} );

	test( 'RPC results are exactly application/json; get_thumbnail_batch lives on the content host only', async () => {
		const rpc = await raw(
			t.sandbox.dropbox.apiBase,
			'/2/files/list_folder',
			{
				headers: bearer( token, {
					'Content-Type': 'application/json',
				} ),
				body: '{"path": ""}',
			}
		);
		assert.equal( rpc.type, 'application/json' );
		const batch = await raw(
			t.sandbox.dropbox.contentBase,
			'/2/files/get_thumbnail_batch',
			{
				headers: bearer( token, {
					'Content-Type': 'application/json',
				} ),
				body: JSON.stringify( { entries: [] } ),
			}
		);
		assert.equal( batch.status, 200 );
		assert.equal( batch.type, 'application/json' );
		assert.equal( batch.text, '{"entries": []}' );
		const wrongHost = await raw(
			t.sandbox.dropbox.apiBase,
			'/2/files/get_thumbnail_batch',
			{
				headers: bearer( token, {
					'Content-Type': 'application/json',
				} ),
				body: '{"entries": []}',
			}
		);
		assert.equal( wrongHost.status, 404 );
	} );
} );
