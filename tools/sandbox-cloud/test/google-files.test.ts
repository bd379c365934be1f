import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { FOLDERS } from '../src/library/layout-common';
import { startTestSandbox, type TestSandbox } from './helpers';
import {
	drive,
	DRIVE_JSON,
	filesPath,
	FOLDER,
	googleClient,
	googleConnect,
	idOfPath,
	quoted,
} from './google-helpers';

let t: TestSandbox;
let access: string;

before( async () => {
	t = await startTestSandbox();
	access = ( await googleConnect( t, await googleClient( t ) ) ).access_token;
} );
after( async () => t.stop() );

const list = ( params: Record< string, string | number > ) =>
	drive( t, access, filesPath( params ) );

describe( 'files.list (GET /drive/v3/files)', () => {
	test( 'fields: nested selections, int64 as strings, nextPageToken only when asked', async () => {
		const ceremony = await idOfPath( t, access, FOLDERS.ceremony );
		const res = await list( {
			q: `'${ ceremony }' in parents and trashed = false`,
			fields: 'files(id,name,size,imageMediaMetadata(width,height,time,cameraMake),modifiedTime,md5Checksum,parents)',
			pageSize: 2,
			orderBy: 'name',
		} );
		assert.equal( res.status, 200 );
		assert.deepEqual( Object.keys( res.json ), [ 'files' ] );
		const [ first ] = res.json.files;
		assert.equal( first.name, 'IMG_4101.jpg' );
		assert.deepEqual( first.parents, [ ceremony ] );
		const onDisk = readFileSync(
			join( t.sandbox.libraryDir, FOLDERS.ceremony, 'IMG_4101.jpg' )
		);
		assert.equal( first.size, String( onDisk.length ) );
		assert.match( first.md5Checksum, /^[0-9a-f]{32}$/ );
		assert.match(
			first.modifiedTime,
			/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
		);
		assert.deepEqual( Object.keys( first.imageMediaMetadata ).sort(), [
			'cameraMake',
			'height',
			'time',
			'width',
		] );
		assert.equal( first.imageMediaMetadata.cameraMake, 'Canon' );
		assert.equal( first.imageMediaMetadata.time, '2026:05:16 14:00:00' );
		const withToken = await list( {
			q: `'${ ceremony }' in parents`,
			fields: 'nextPageToken,files/id',
			pageSize: 2,
		} );
		assert.match( withToken.json.nextPageToken, /^~!!~/ );
		assert.deepEqual( Object.keys( withToken.json.files[ 0 ] ), [ 'id' ] );
		const star = await list( {
			q: `'${ ceremony }' in parents`,
			fields: '*',
			pageSize: 1,
		} );
		const file = star.json.files[ 0 ];
		for ( const field of [
			'kind',
			'thumbnailLink',
			'iconLink',
			'owners',
			'sha256Checksum',
			'thumbnailVersion',
		] ) {
			assert.ok( field in file, field );
		}
		assert.equal( typeof file.thumbnailVersion, 'string' );
	} );

	test( 'trashed items are listed unless q says trashed = false', async () => {
		const ceremony = await idOfPath( t, access, FOLDERS.ceremony );
		const all = await list( {
			q: `'${ ceremony }' in parents`,
			fields: 'files(name,trashed,explicitlyTrashed)',
		} );
		assert.equal( all.json.files.length, 7 );
		const trashed = all.json.files.filter( ( f: any ) => f.trashed );
		assert.deepEqual( trashed, [
			{
				name: 'IMG_4100 (blurry).jpg',
				trashed: true,
				explicitlyTrashed: true,
			},
		] );
		const live = await list( {
			q: `'${ ceremony }' in parents and trashed = false`,
		} );
		assert.equal( live.json.files.length, 6 );
		const onlyTrash = await list( {
			q: `'${ ceremony }' in parents and trashed = true`,
		} );
		assert.equal( onlyTrash.json.files.length, 1 );
		// A trashed folder's children are trashed too, but not explicitly.
		const wedding = await idOfPath( t, access, FOLDERS.smithWedding );
		const rejects = (
			await list( {
				q: `'${ wedding }' in parents and name = 'Rejects'`,
				fields: 'files(id,trashed)',
			} )
		).json.files[ 0 ];
		assert.equal( rejects.trashed, true );
		const inside = await list( {
			q: `'${ rejects.id }' in parents`,
			fields: 'files(name,trashed,explicitlyTrashed)',
			orderBy: 'name',
		} );
		assert.deepEqual( inside.json.files, [
			{ name: 'Reject 1.jpg', trashed: true, explicitlyTrashed: false },
			{ name: 'Reject 2.jpg', trashed: true, explicitlyTrashed: false },
		] );
	} );

	test( 'q: mimeType, name contains, not, or, parentheses, escapes', async () => {
		const wedding = await idOfPath( t, access, FOLDERS.smithWedding );
		const names = async ( q: string ) =>
			(
				await list( { q, fields: 'files(name)', orderBy: 'name' } )
			).json.files.map( ( f: any ) => f.name );
		assert.deepEqual(
			await names(
				`'${ wedding }' in parents and mimeType = '${ FOLDER }' and trashed = false`
			),
			[ 'Ceremony', 'Reception' ]
		);
		assert.deepEqual(
			await names(
				`'${ wedding }' in parents and mimeType != '${ FOLDER }'`
			),
			[ 'Running order.txt', 'Shot list' ]
		);
		assert.deepEqual(
			await names(
				`'${ wedding }' in parents and not mimeType contains 'folder'`
			),
			[ 'Running order.txt', 'Shot list' ]
		);
		assert.deepEqual(
			await names(
				`'${ wedding }' in parents and (name contains 'cere' or name contains 'shot')`
			),
			[ 'Ceremony', 'Shot list' ]
		);
		// "contains" matches the start of a word, not the middle of one.
		assert.deepEqual(
			await names(
				`'${ wedding }' in parents and name contains 'emony'`
			),
			[]
		);
		const edge = await idOfPath( t, access, FOLDERS.edgeCases );
		assert.deepEqual(
			await names(
				`'${ edge }' in parents and name = ${ quoted( 'Tom & Jerry\'s "best" shot.jpg' ) }`
			),
			[ 'Tom & Jerry\'s "best" shot.jpg' ]
		);
		const images = await names(
			`'${ edge }' in parents and mimeType contains 'image/' and trashed = false`
		);
		assert.ok( images.includes( 'IMG_2040.heic' ) );
		assert.ok( ! images.includes( 'readme.txt' ) );
		const recent = await names(
			`'${ edge }' in parents and modifiedTime < '2026-03-16T00:00:00' and mimeType contains 'image/'`
		);
		assert.deepEqual( recent, [ 'IMG_2040.heic' ] );
	} );

	test( 'unsupported q is 400 invalid on q', async () => {
		for ( const q of [
			"name = 'unterminated",
			'trashed = maybe',
			"properties has { key='a' and value='b' }",
			"'x' in parents and",
			"name contains 'a\\qb'",
		] ) {
			const res = await list( { q } );
			assert.equal( res.status, 400, q );
			assert.equal( res.type, DRIVE_JSON );
			assert.deepEqual( res.json.error.errors[ 0 ], {
				message: 'Invalid Value',
				domain: 'global',
				reason: 'invalid',
				location: 'q',
				locationType: 'parameter',
			} );
		}
	} );
} );

describe( 'files.get (GET /drive/v3/files/{fileId})', () => {
	test( 'root alias: My Drive with a 0A…Uk9PVA id', async () => {
		const res = await drive(
			t,
			access,
			'/drive/v3/files/root?fields=id,name,mimeType,parents'
		);
		assert.equal( res.status, 200 );
		assert.match( res.json.id, /^0A\w{11}Uk9PVA$/ );
		assert.deepEqual( res.json, {
			id: res.json.id,
			name: 'My Drive',
			mimeType: FOLDER,
		} );
		const byId = await drive(
			t,
			access,
			`/drive/v3/files/${ res.json.id }`
		);
		assert.deepEqual( byId.json, {
			kind: 'drive#file',
			id: res.json.id,
			name: 'My Drive',
			mimeType: FOLDER,
		} );
		const top = await list( { q: `'${ res.json.id }' in parents` } );
		const alias = await list( { q: "'root' in parents" } );
		assert.equal(
			top.json.files.length,
			5,
			'the small library has no /Scale'
		);
		assert.deepEqual( top.json, alias.json );
	} );

	test( '404 body exactly as contract B4', async () => {
		const res = await drive(
			t,
			access,
			'/drive/v3/files/does-not-exist?supportsAllDrives=true'
		);
		assert.equal( res.status, 404 );
		assert.equal( res.type, DRIVE_JSON );
		assert.deepEqual( res.json, {
			error: {
				code: 404,
				message: 'File not found: does-not-exist.',
				errors: [
					{
						message: 'File not found: does-not-exist.',
						domain: 'global',
						reason: 'notFound',
						location: 'fileId',
						locationType: 'parameter',
					},
				],
			},
		} );
	} );

	test( 'imageMediaMetadata: stored size with rotation, camera, GPS location', async () => {
		const ceremony = await idOfPath( t, access, FOLDERS.ceremony );
		const rotated = (
			await list( {
				q: `'${ ceremony }' in parents and name = 'IMG_4105.jpg'`,
				fields: 'files(imageMediaMetadata)',
			} )
		).json.files[ 0 ].imageMediaMetadata;
		assert.equal(
			rotated.rotation,
			1,
			'EXIF orientation 6 is one clockwise turn'
		);
		assert.ok( rotated.height > rotated.width, 'stored sideways' );
		const gpsPhoto = await idOfPath(
			t,
			access,
			`${ FOLDERS.muellerSummer }/Großeltern am Ufer.jpg`
		);
		const res = await drive(
			t,
			access,
			`/drive/v3/files/${ gpsPhoto }?fields=imageMediaMetadata(location,cameraModel,rotation)`
		);
		assert.deepEqual( res.json.imageMediaMetadata, {
			rotation: 0,
			cameraModel: 'X-T4',
			location: { latitude: 47.6603, longitude: 9.1758 },
		} );
	} );

	test( 'alt=media: bytes with the file type, Range; Google Docs and folders are not downloadable', async () => {
		const path = `${ FOLDERS.ceremony }/IMG_4101.jpg`;
		const id = await idOfPath( t, access, path );
		const onDisk = readFileSync( join( t.sandbox.libraryDir, path ) );
		const res = await fetch(
			`${ t.sandbox.google.apiBase }/drive/v3/files/${ id }?alt=media`,
			{
				headers: { Authorization: `Bearer ${ access }` },
			}
		);
		assert.equal( res.status, 200 );
		assert.equal( res.headers.get( 'content-type' ), 'image/jpeg' );
		assert.ok( Buffer.from( await res.arrayBuffer() ).equals( onDisk ) );
		const part = await fetch(
			`${ t.sandbox.google.apiBase }/drive/v3/files/${ id }?alt=media`,
			{
				headers: {
					Authorization: `Bearer ${ access }`,
					Range: 'bytes=0-9',
				},
			}
		);
		assert.equal( part.status, 206 );
		assert.ok(
			Buffer.from( await part.arrayBuffer() ).equals(
				onDisk.subarray( 0, 10 )
			)
		);
		const wedding = await idOfPath( t, access, FOLDERS.smithWedding );
		const doc = (
			await list( {
				q: `'${ wedding }' in parents and name = 'Shot list'`,
				fields: 'files(id,mimeType,size,hasThumbnail)',
			} )
		).json.files[ 0 ];
		assert.deepEqual(
			{ ...doc, id: undefined },
			{
				id: undefined,
				mimeType: 'application/vnd.google-apps.document',
				hasThumbnail: false,
			}
		);
		for ( const target of [ doc.id, wedding ] ) {
			const refused = await drive(
				t,
				access,
				`/drive/v3/files/${ target }?alt=media`
			);
			assert.equal( refused.status, 403 );
			assert.equal(
				refused.json.error.errors[ 0 ].reason,
				'fileNotDownloadable'
			);
		}
	} );

	test( 'a shortcut names its target', async () => {
		const portfolio = await idOfPath( t, access, FOLDERS.portfolio );
		const nature = await idOfPath( t, access, FOLDERS.nature );
		const shortcut = (
			await list( {
				q: `'${ portfolio }' in parents and mimeType = 'application/vnd.google-apps.shortcut'`,
				fields: 'files(name,shortcutDetails)',
			} )
		).json.files;
		assert.deepEqual( shortcut, [
			{
				name: 'Best of Nature',
				shortcutDetails: { targetId: nature, targetMimeType: FOLDER },
			},
		] );
	} );
} );
