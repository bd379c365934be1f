import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { FOLDERS } from '../src/library/layout-common';
import { DEFAULT_MAX_PAGE_ENTRIES } from '../src/shared/page-plan';
import { startTestSandbox, type TestSandbox } from './helpers';
import {
	drive,
	DRIVE_JSON,
	filesPath,
	FOLDER,
	googleClient,
	googleConnect,
	idOfPath,
	listAll,
} from './google-helpers';

let t: TestSandbox;
let access: string;

before( async () => {
	t = await startTestSandbox( 'full' );
	access = ( await googleConnect( t, await googleClient( t ) ) ).access_token;
} );
after( async () => t.stop() );

const list = ( params: Record< string, string | number > ) =>
	drive( t, access, filesPath( params ) );

describe( 'files.list at scale (the full library)', () => {
	test( 'without fields: kind, id, name, mimeType only; pretty JSON, exact content type', async () => {
		const res = await list( { q: "'root' in parents" } );
		assert.equal( res.status, 200 );
		assert.equal( res.type, DRIVE_JSON );
		assert.match( res.text, /^\{\n {2}"kind": "drive#fileList",\n/ );
		assert.equal( res.json.incompleteSearch, false );
		const names = res.json.files.map( ( f: any ) => f.name ).sort();
		assert.deepEqual( names, [
			'Apps',
			'Clients',
			'Edge Cases',
			'Portfolio',
			'Scale',
			'📷 Favourites',
		] );
		for ( const file of res.json.files ) {
			assert.deepEqual( Object.keys( file ).sort(), [
				'id',
				'kind',
				'mimeType',
				'name',
			] );
			assert.equal( file.mimeType, FOLDER );
			assert.match( file.id, /^1[\w-]{32}$/ );
		}
		const compact = await list( {
			q: "'root' in parents",
			prettyPrint: 'false',
		} );
		assert.match( compact.text, /^\{"kind":"drive#fileList"/ );
	} );

	test( 'orderBy: name, name_natural, modifiedTime desc, folder', async () => {
		const scale = await idOfPath( t, access, '/Scale/Big' );
		// A first page holds a third of pageSize - 1 up to pageSize - 1 files (partial pages): at least 3 here.
		const firstNames = async ( orderBy: string ) =>
			(
				await list( {
					q: `'${ scale }' in parents`,
					orderBy,
					fields: 'files(name,modifiedTime,mimeType)',
					pageSize: 10,
				} )
			).json.files;
		const firstThree = async ( orderBy: string ) =>
			( await firstNames( orderBy ) )
				.slice( 0, 3 )
				.map( ( f: any ) => f.name );
		assert.deepEqual( await firstThree( 'folder,name' ), [
			'Session 001',
			'Session 002',
			'Session 003',
		] );
		assert.deepEqual( await firstThree( 'name desc' ), [
			'Session 200',
			'Session 199',
			'Session 198',
		] );
		const byTime = await firstNames( 'modifiedTime desc' );
		assert.ok( byTime[ 0 ].modifiedTime >= byTime[ 1 ].modifiedTime );
		const favourites = await idOfPath( t, access, FOLDERS.nature );
		assert.ok( favourites );
		const unknown = await list( { orderBy: 'size' } );
		assert.equal( unknown.status, 400 );
		assert.equal( unknown.json.error.errors[ 0 ].location, 'orderBy' );
		const fullText = await list( {
			q: "fullText contains 'Elephants'",
			orderBy: 'name',
		} );
		assert.equal( fullText.status, 400 );
		assert.equal( fullText.json.error.errors[ 0 ].reason, 'badRequest' );
	} );

	test( '/Scale/Big: 5,200 children over pages below 1,000, fast, stable tokens', async () => {
		const big = await idOfPath( t, access, '/Scale/Big' );
		// Lift the server-side cap so only pageSize (coerced to 1000) bounds the pages.
		await t.control.setGoogleMaxPageEntries( 5000 );
		const params = {
			q: `'${ big }' in parents and trashed = false and mimeType contains 'image/'`,
			fields: 'nextPageToken,files(id,name,thumbnailLink,imageMediaMetadata(width,height,time),modifiedTime,size)',
			pageSize: 5000,
			orderBy: 'name_natural',
		};
		const started = Date.now();
		const { files, pages, sizes } = await listAll( t, access, params );
		const seconds = ( Date.now() - started ) / 1000;
		assert.equal( files.length, 5000 );
		assert.ok(
			Math.max( ...sizes ) < 1000 && Math.max( ...sizes ) >= 333,
			`pageSize above 1000 is coerced to 1000: ${ sizes.join( ',' ) }`
		);
		assert.ok( pages > 5 && pages <= 20, `${ pages } pages` );
		assert.equal( new Set( files.map( ( f ) => f.id ) ).size, 5000 );
		assert.equal( files[ 0 ].name, 'DSC_00001.jpg' );
		assert.equal( files[ 4999 ].name, 'DSC_05000.jpg' );
		assert.ok( seconds < 10, `${ pages } pages took ${ seconds } s` );
		const first = await list( params );
		const second = await list( {
			...params,
			pageToken: first.json.nextPageToken,
		} );
		const again = await list( {
			...params,
			pageToken: first.json.nextPageToken,
		} );
		assert.deepEqual(
			second.json.files.map( ( f: any ) => f.id ),
			again.json.files.map( ( f: any ) => f.id )
		);
		const other = await list( {
			q: `'${ big }' in parents`,
			pageToken: first.json.nextPageToken,
		} );
		assert.equal( other.status, 400, 'a token belongs to its query' );
		assert.equal( other.json.error.errors[ 0 ].location, 'pageToken' );
		const made = await list( {
			...params,
			pageToken: '~!!~AI9FV7made-up',
		} );
		assert.equal( made.status, 400 );
		const folders = await listAll( t, access, {
			q: `'${ big }' in parents and mimeType = '${ FOLDER }'`,
			pageSize: 1000,
		} );
		assert.equal( folders.files.length, 200 );
		await t.control.setGoogleMaxPageEntries( DEFAULT_MAX_PAGE_ENTRIES );
	} );

	test( 'partial pages by default: varying, below pageSize, an empty one with nextPageToken; every file once', async () => {
		const big = await idOfPath( t, access, '/Scale/Big' );
		const params = {
			q: `'${ big }' in parents and mimeType contains 'image/'`,
			fields: 'nextPageToken,files(id)',
			pageSize: 1000,
		};
		const { files, pages, sizes } = await listAll( t, access, params );
		assert.equal( files.length, 5000 );
		assert.equal( new Set( files.map( ( f ) => f.id ) ).size, 5000 );
		assert.ok(
			sizes.every( ( n ) => n <= DEFAULT_MAX_PAGE_ENTRIES ),
			sizes.join( ',' )
		);
		assert.ok( new Set( sizes.filter( ( n ) => n > 0 ) ).size > 3 );
		// listAll follows nextPageToken, so an empty page before the last one still had a token.
		assert.ok( sizes.slice( 0, -1 ).includes( 0 ), sizes.join( ',' ) );
		assert.ok( pages > 100, `${ pages } pages` );
	} );

	test( 'maxPageEntries (control API) caps every files.list page; nothing is lost or repeated', async () => {
		const big = await idOfPath( t, access, '/Scale/Big' );
		const settings = await t.control.setGoogleMaxPageEntries( 7 );
		assert.equal( settings.maxPageEntries, 7 );
		try {
			const { files, sizes } = await listAll( t, access, {
				q: `'${ big }' in parents and mimeType = '${ FOLDER }'`,
				orderBy: 'name',
				pageSize: 1000,
			} );
			assert.ok(
				sizes.every( ( n ) => n <= 7 ),
				sizes.join( ',' )
			);
			assert.ok( sizes.includes( 7 ) );
			assert.equal( files.length, 200 );
			assert.deepEqual(
				files.map( ( f ) => f.name ),
				Array.from(
					{ length: 200 },
					( _, i ) =>
						`Session ${ String( i + 1 ).padStart( 3, '0' ) }`
				)
			);
		} finally {
			await t.control.setGoogleMaxPageEntries( DEFAULT_MAX_PAGE_ENTRIES );
		}
	} );

	test( 'without a parent filter: the whole drive (folders by mimeType)', async () => {
		const { files } = await listAll( t, access, {
			q: `mimeType = '${ FOLDER }' and name = 'Ceremony'`,
			pageSize: 1000,
		} );
		assert.equal( files.length, 1 );
	} );
} );
