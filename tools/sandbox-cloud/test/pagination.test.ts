import assert from 'node:assert/strict';
import { renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Dropbox, files } from 'dropbox';

import { DEFAULT_MAX_PAGE_ENTRIES } from '../src/shared/page-plan';
import {
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
	t = await startTestSandbox( 'full' );
	const c = await connect( t.sandbox );
	dbx = c.dbx;
	token = c.token.access_token as string;
	paths = t.sandbox.manifest!.paths;
} );
after( async () => t.stop() );

async function listAll( path: string, limit?: number, recursive = false ) {
	const pages: files.ListFolderResult[] = [];
	let page = ( await dbx.filesListFolder( { path, limit, recursive } ) )
		.result;
	pages.push( page );
	while ( page.has_more ) {
		page = ( await dbx.filesListFolderContinue( { cursor: page.cursor } ) )
			.result;
		pages.push( page );
	}
	return {
		pages,
		entries: pages.flatMap( ( p ) => p.entries ),
		cursor: page.cursor,
	};
}

describe( 'approximate pages over the 5,000-photo folder', () => {
	test( 'has_more + continue deliver all 5,000 photos once each, in varying pages below limit with an empty one', async () => {
		const started = Date.now();
		const { pages, entries } = await listAll( paths.scale5000!, 1000 );
		const took = Date.now() - started;
		const sizes = pages.map( ( p ) => p.entries.length );
		// Dropbox's limit is approximate: the server picks each page's size.
		assert.ok(
			sizes.every( ( n ) => n < 1000 && n <= DEFAULT_MAX_PAGE_ENTRIES ),
			sizes.join( ',' )
		);
		assert.ok( new Set( sizes.filter( ( n ) => n > 0 ) ).size > 3 );
		assert.ok(
			pages.some( ( p ) => p.entries.length === 0 && p.has_more ),
			'an empty page that still says has_more'
		);
		assert.ok( pages.length > 100, `${ pages.length } pages` );
		assert.deepEqual(
			pages.map( ( p ) => p.has_more ),
			[ ...pages.slice( 1 ).map( () => true ), false ]
		);
		assert.equal( entries.length, 5000 );
		assert.equal(
			new Set(
				entries.map( ( e ) => ( e as files.FileMetadataReference ).id )
			).size,
			5000
		);
		assert.equal( new Set( entries.map( ( e ) => e.name ) ).size, 5000 );
		assert.ok(
			entries.every(
				( e ) =>
					e[ '.tag' ] === 'file' &&
					/^Photo \d{4}\.jpg$/.test( e.name )
			)
		);
		// Name order is not the listing order (the order is unspecified, as on Dropbox).
		const names = entries.map( ( e ) => e.name );
		assert.notDeepEqual( names, [ ...names ].sort() );
		// Modified dates differ and do not follow names, so sorting by date is meaningful.
		const byName = [ ...entries ].sort( ( a, b ) =>
			a.name.localeCompare( b.name )
		) as files.FileMetadataReference[];
		const dates = byName.map( ( e ) => e.client_modified );
		assert.ok( new Set( dates ).size > 4900 );
		assert.notDeepEqual( dates, [ ...dates ].sort() );
		console.log(
			`# listed 5,000 photos in ${ pages.length } pages in ${ took } ms`
		);
	} );

	test( 'without limit the server still sizes the page', async () => {
		const first = (
			await dbx.filesListFolder( { path: paths.scale5000! } )
		).result;
		assert.ok( first.entries.length >= 1 );
		assert.ok( first.entries.length <= DEFAULT_MAX_PAGE_ENTRIES );
		assert.equal( first.has_more, true );
	} );

	test( 'continuing the same cursor twice gives the same page', async () => {
		const first = (
			await dbx.filesListFolder( { path: paths.scale5000!, limit: 700 } )
		).result;
		const a = (
			await dbx.filesListFolderContinue( { cursor: first.cursor } )
		).result;
		const b = (
			await dbx.filesListFolderContinue( { cursor: first.cursor } )
		).result;
		assert.deepEqual( a, b );
		assert.ok( a.entries.length >= 1 );
		const names = new Set( first.entries.map( ( e ) => e.name ) );
		assert.ok( a.entries.every( ( e ) => ! names.has( e.name ) ) );
	} );

	test( 'maxPageEntries (control API) caps every page; nothing is lost or repeated', async () => {
		const settings = await t.control.setMaxPageEntries( 7 );
		assert.equal( settings.maxPageEntries, 7 );
		try {
			const { pages, entries } = await listAll(
				paths.scale200Folders!,
				2000,
				true
			);
			const sizes = pages.map( ( p ) => p.entries.length );
			assert.ok(
				sizes.every( ( n ) => n <= 7 ),
				sizes.join( ',' )
			);
			assert.ok( sizes.includes( 7 ) );
			assert.ok(
				pages.some( ( p ) => p.has_more && ! p.entries.length )
			);
			assert.equal( entries.length, 1 + 200 + 600 );
			assert.equal(
				new Set( entries.map( ( e ) => e.path_lower ) ).size,
				801
			);
		} finally {
			await t.control.setMaxPageEntries( DEFAULT_MAX_PAGE_ENTRIES );
		}
	} );

	test( '/Scale/Big: 5,000 photos and 200 subfolders in one folder', async () => {
		const { entries } = await listAll( paths.scaleBig!, 2000 );
		assert.equal( entries.length, 5200 );
		assert.equal(
			entries.filter( ( e ) => e[ '.tag' ] === 'folder' ).length,
			200
		);
		assert.equal(
			entries.filter( ( e ) => e[ '.tag' ] === 'file' ).length,
			5000
		);
	} );

	test( 'recursive listing puts parents before children across pages', async () => {
		const { entries } = await listAll( paths.scale200Folders!, 300, true );
		assert.equal( entries.length, 1 + 200 + 600 );
		const index = new Map(
			entries.map( ( e, i ) => [ e.path_lower!, i ] )
		);
		for ( const [ i, e ] of entries.entries() ) {
			const parent = e.path_lower!.slice(
				0,
				e.path_lower!.lastIndexOf( '/' )
			);
			if ( index.has( parent ) ) {
				assert.ok( index.get( parent )! < i );
			}
		}
	} );
} );

describe( 'cursors after the last page', () => {
	test( 'report real changes: added, modified and deleted files', async () => {
		const folder = `${ paths.scale200Folders }/Folder 007`;
		const abs = join( t.sandbox.libraryDir, folder );
		const listed = await listAll( folder );
		assert.equal( listed.entries.length, 3 );
		const quiet = (
			await dbx.filesListFolderContinue( { cursor: listed.cursor } )
		).result;
		assert.deepEqual( quiet.entries, [] );
		assert.equal( quiet.has_more, false );

		writeFileSync(
			join( abs, 'New upload.jpg' ),
			Buffer.from( 'not really a jpeg' )
		);
		writeFileSync(
			join( abs, 'Photo 1.jpg' ),
			Buffer.from( 'replaced content' )
		);
		utimesSync(
			join( abs, 'Photo 1.jpg' ),
			new Date( '2026-06-01T10:00:00Z' ),
			new Date( '2026-06-01T10:00:00Z' )
		);
		rmSync( join( abs, 'Photo 2.jpg' ) );
		renameSync(
			join( abs, 'Photo 3.jpg' ),
			join( abs, 'Photo 3 (renamed).jpg' )
		);

		const changes = (
			await dbx.filesListFolderContinue( { cursor: quiet.cursor } )
		).result;
		const byName = new Map( changes.entries.map( ( e ) => [ e.name, e ] ) );
		assert.equal( byName.get( 'New upload.jpg' )?.[ '.tag' ], 'file' );
		const modified = byName.get(
			'Photo 1.jpg'
		) as files.FileMetadataReference;
		assert.equal( modified[ '.tag' ], 'file' );
		assert.equal( modified.client_modified, '2026-06-01T10:00:00Z' );
		assert.equal( modified.size, 16 );
		assert.equal( byName.get( 'Photo 2.jpg' )?.[ '.tag' ], 'deleted' );
		assert.equal( byName.get( 'Photo 3.jpg' )?.[ '.tag' ], 'deleted' );
		assert.equal(
			byName.get( 'Photo 3 (renamed).jpg' )?.[ '.tag' ],
			'file'
		);
		assert.equal( changes.entries.length, 5 );
		// The same cursor gives the same change set; the next cursor is quiet again.
		assert.deepEqual(
			( await dbx.filesListFolderContinue( { cursor: quiet.cursor } ) )
				.result,
			changes
		);
		assert.deepEqual(
			( await dbx.filesListFolderContinue( { cursor: changes.cursor } ) )
				.result.entries,
			[]
		);
	} );

	test( 'a cursor from another app is an invalid cursor', async () => {
		const first = ( await dbx.filesListFolder( { path: '' } ) ).result;
		const other = {
			key: 'otherapp01',
			secret: 'othersecret',
			name: 'Other',
			redirectUris: [ 'http://localhost:9999/cb' ],
			accessType: 'full' as const,
			scopes: [ 'files.metadata.read' ],
		};
		await t.control.registerApp( other );
		const { token: otherToken } = await connect( t.sandbox, {
			app: other,
		} );
		const res = await raw(
			t.sandbox.dropbox.apiBase,
			'/2/files/list_folder/continue',
			{
				headers: bearer( otherToken.access_token as string, {
					'Content-Type': 'application/json',
				} ),
				body: JSON.stringify( { cursor: first.cursor } ),
			}
		);
		assert.equal( res.status, 400 );
		assert.equal(
			res.text,
			'Error in call to API function "files/list_folder/continue": Invalid cursor'
		);
		const own = await raw(
			t.sandbox.dropbox.apiBase,
			'/2/files/list_folder/continue',
			{
				headers: bearer( token, {
					'Content-Type': 'application/json',
				} ),
				body: JSON.stringify( { cursor: first.cursor } ),
			}
		);
		assert.equal( own.status, 200 );
	} );
} );

describe( 'control API', () => {
	test( 'reset restores the default page cap of both providers; bad values are refused', async () => {
		await t.control.setMaxPageEntries( 3 );
		await t.control.setGoogleMaxPageEntries( 4 );
		assert.equal( ( await t.control.googleSettings() ).maxPageEntries, 4 );
		await assert.rejects(
			t.control.setMaxPageEntries( 0 ),
			/maxPageEntries/
		);
		await assert.rejects(
			t.control.setGoogleMaxPageEntries( 2.5 ),
			/maxPageEntries/
		);
		await t.control.reset();
		assert.equal(
			( await t.control.settings() ).maxPageEntries,
			DEFAULT_MAX_PAGE_ENTRIES
		);
		assert.equal(
			( await t.control.googleSettings() ).maxPageEntries,
			DEFAULT_MAX_PAGE_ENTRIES
		);
	} );
} );
