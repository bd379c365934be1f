import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Dropbox, DropboxResponseError } from 'dropbox';

import { connect, startTestSandbox, type TestSandbox } from './helpers';

let t: TestSandbox;
let dbx: Dropbox;
let paths: Record< string, string >;

before( async () => {
	t = await startTestSandbox();
	dbx = ( await connect( t.sandbox ) ).dbx;
	paths = t.sandbox.manifest!.paths;
} );
after( async () => t.stop() );

describe( 'app folder apps', () => {
	test( 'paths are relative to /Apps/<app name>; outside paths are not found; the folder is created on first link', async () => {
		const app = {
			key: 'appfolder01',
			secret: 'appfoldersecret',
			name: 'Customer Gallery',
			redirectUris: [ 'http://localhost:8888/cb' ],
			accessType: 'app_folder' as const,
			scopes: [ 'files.metadata.read', 'files.content.read' ],
		};
		await t.control.registerApp( app );
		const { dbx: scoped } = await connect( t.sandbox, { app } );
		const root = await scoped.filesListFolder( { path: '' } );
		assert.deepEqual(
			root.result.entries.map( ( e ) => e.path_display ).sort(),
			[ '/Sample Gallery', '/Welcome.jpg' ]
		);
		const inner = await scoped.filesListFolder( {
			path: '/sample gallery',
		} );
		assert.deepEqual(
			inner.result.entries.map( ( e ) => e.path_lower ).sort(),
			[ '/sample gallery/sample 1.jpg', '/sample gallery/sample 2.jpg' ]
		);
		const link = await scoped.filesGetTemporaryLink( {
			path: '/Welcome.jpg',
		} );
		assert.equal( link.result.metadata.path_display, '/Welcome.jpg' );
		await assert.rejects(
			scoped.filesGetMetadata( { path: paths.ceremony! } ),
			( error: DropboxResponseError< { error_summary: string } > ) => {
				assert.equal( error.status, 409 );
				assert.match( error.error.error_summary, /^path\/not_found\// );
				return true;
			}
		);
		const other = { ...app, key: 'appfolder02', name: 'Brand New App' };
		await t.control.registerApp( other );
		const { dbx: fresh } = await connect( t.sandbox, { app: other } );
		assert.deepEqual(
			( await fresh.filesListFolder( { path: '' } ) ).result.entries,
			[]
		);
		const folder = await dbx.filesGetMetadata( {
			path: '/Apps/Brand New App',
		} );
		assert.equal( folder.result[ '.tag' ], 'folder' );
	} );
} );
