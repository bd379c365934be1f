import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startTestSandbox, type TestSandbox } from './helpers';
import {
	DRIVE_JSON,
	drive,
	googleClient,
	googleConnect,
	idOfPath,
} from './google-helpers';

let t: TestSandbox;
let token: string;
let nature: string[];

const FIELDS =
	'nextPageToken,newStartPageToken,changes(fileId,removed,file(parents,trashed,mimeType))';

before( async () => {
	t = await startTestSandbox();
	token = ( await googleConnect( t, await googleClient( t ) ) ).access_token;
	nature = t.sandbox
		.manifest!.photos.map( ( p ) => p.path )
		.filter( ( p ) => p.startsWith( '/Portfolio/Nature/' ) )
		.sort();
} );
after( async () => t.stop() );

const changesPath = ( params: Record< string, string | number > ) =>
	`/drive/v3/changes?${ new URLSearchParams(
		Object.entries( params ).map( ( [ k, v ] ) => [ k, String( v ) ] )
	) }`;

async function startToken( params: Record< string, string > = {} ) {
	const res = await drive(
		t,
		token,
		`/drive/v3/changes/startPageToken?${ new URLSearchParams( {
			supportsAllDrives: 'true',
			...params,
		} ) }`
	);
	assert.equal( res.status, 200, res.text );
	return res.json.startPageToken as string;
}

/** Every page from `pageToken`, as a poller follows them. */
async function allChanges( pageToken: string, pageSize = 100 ) {
	const changes: any[] = [];
	let calls = 0;
	let next: string | undefined = pageToken;
	let last: any;
	while ( next ) {
		const res = await drive(
			t,
			token,
			changesPath( {
				pageToken: next,
				pageSize,
				fields: FIELDS,
				supportsAllDrives: 'true',
				includeItemsFromAllDrives: 'true',
			} )
		);
		assert.equal( res.status, 200, res.text );
		calls++;
		last = res.json;
		changes.push( ...res.json.changes );
		next = res.json.nextPageToken;
	}
	return { changes, calls, newStartPageToken: last.newStartPageToken };
}

const bytesOf = ( path: string ) =>
	readFileSync( join( t.sandbox.libraryDir, path ) ).toString( 'base64' );

describe( 'Drive changes: getStartPageToken and changes.list', () => {
	test( 'getStartPageToken answers a decimal token, any Drive scope; an unknown shared drive is 404', async () => {
		const res = await drive(
			t,
			token,
			'/drive/v3/changes/startPageToken?supportsAllDrives=true'
		);
		assert.equal( res.status, 200 );
		assert.equal( res.type, DRIVE_JSON );
		assert.equal( res.json.kind, 'drive#startPageToken' );
		assert.match( res.json.startPageToken, /^[1-9]\d*$/ );
		assert.equal(
			( await drive( t, null, '/drive/v3/changes/startPageToken' ) )
				.status,
			401
		);
		const missing = await drive(
			t,
			token,
			'/drive/v3/changes/startPageToken?supportsAllDrives=true&driveId=0AnotARealDriveUk9PVA'
		);
		assert.equal( missing.status, 404 );
	} );

	test( 'nothing changed: one call, no changes, the same token back as newStartPageToken', async () => {
		const from = await startToken();
		const { changes, calls, newStartPageToken } = await allChanges( from );
		assert.deepEqual( changes, [] );
		assert.equal( calls, 1 );
		assert.equal( newStartPageToken, from );
	} );

	test( 'adds, a replace, a delete and a new folder: each file once, with its parents; deleted ones removed', async () => {
		const folder = await idOfPath( t, token, '/Portfolio/Nature' );
		const from = await startToken();
		const added = [ 1, 2, 3 ].map(
			( n ) => `/Portfolio/Nature/Changes ${ n }.jpg`
		);
		for ( const path of added ) {
			await t.control.putFile( path, {
				base64: bytesOf( nature[ 0 ]! ),
			} );
		}
		await t.control.putFile( nature[ 1 ]!, { copyOf: nature[ 2 ]! } );
		await t.control.putFile( added[ 0 ]!, { copyOf: nature[ 3 ]! } );
		await t.control.deleteFile( added[ 2 ]! );
		await t.control.putFile( '/Portfolio/Nature/New album/One.jpg', {
			copyOf: nature[ 0 ]!,
		} );

		// Pages of at most 2 (often 1): the poller follows nextPageToken.
		const { changes, calls, newStartPageToken } = await allChanges(
			from,
			2
		);
		assert.ok( calls >= 3, `${ calls } calls` );
		const ids = changes.map( ( c ) => c.fileId );
		assert.equal( new Set( ids ).size, ids.length, 'each file once' );
		assert.equal( changes.length, 6 );
		const inNature = changes.filter(
			( c ) => ! c.removed && c.file.parents[ 0 ] === folder
		);
		// Two added, one replaced, and the new folder.
		assert.equal( inNature.length, 4 );
		assert.equal(
			inNature.filter(
				( c ) =>
					c.file.mimeType === 'application/vnd.google-apps.folder'
			).length,
			1
		);
		const removed = changes.filter( ( c ) => c.removed );
		assert.equal( removed.length, 1 );
		assert.equal( removed[ 0 ].file, undefined );
		const album = await idOfPath( t, token, '/Portfolio/Nature/New album' );
		assert.ok(
			changes.some(
				( c ) => ! c.removed && c.file.parents[ 0 ] === album
			)
		);
		for ( const c of changes ) {
			assert.deepEqual(
				Object.keys( c ).sort(),
				c.removed
					? [ 'fileId', 'removed' ]
					: [ 'file', 'fileId', 'removed' ]
			);
		}

		assert.equal( newStartPageToken, await startToken() );
		assert.deepEqual(
			( await allChanges( newStartPageToken ) ).changes,
			[]
		);
		// includeRemoved=false leaves the deletion out.
		const kept = await drive(
			t,
			token,
			changesPath( {
				pageToken: from,
				pageSize: 1000,
				includeRemoved: 'false',
			} )
		);
		assert.equal( kept.status, 200, kept.text );
		assert.ok( kept.json.changes.every( ( c: any ) => ! c.removed ) );
		assert.equal( kept.json.changes[ 0 ].kind, 'drive#change' );
		assert.equal( kept.json.changes[ 0 ].changeType, 'file' );
		assert.match( kept.json.changes[ 0 ].time, /^\d{4}-\d\d-\d\dT.*Z$/ );
	} );

	test( 'refusals: a made-up or future token is 400 invalid on pageToken, none is 400, fields are checked', async () => {
		const from = Number( await startToken() );
		for ( const bad of [
			'abc',
			'0',
			String( from + 5 ),
			'~!!~AI9FV7xyz',
		] ) {
			const res = await drive(
				t,
				token,
				changesPath( { pageToken: bad } )
			);
			assert.equal( res.status, 400, bad );
			assert.equal( res.json.error.errors[ 0 ].reason, 'invalid' );
			assert.equal( res.json.error.errors[ 0 ].location, 'pageToken' );
		}
		assert.equal(
			( await drive( t, token, '/drive/v3/changes' ) ).status,
			400
		);
		const fields = await drive(
			t,
			token,
			changesPath( { pageToken: from, fields: 'changes(nope)' } )
		);
		assert.equal( fields.status, 400 );
		assert.match( fields.text, /Invalid field selection/ );
		const size = await drive(
			t,
			token,
			changesPath( { pageToken: from, pageSize: 0 } )
		);
		assert.equal( size.status, 400 );
	} );

	test( 'a token that saw no change works across a restart: the log is kept', async () => {
		const from = await startToken();
		await t.control.putFile( '/Portfolio/Nature/After restart.jpg', {
			copyOf: nature[ 0 ]!,
		} );
		const basePort = Number( new URL( t.sandbox.google.apiBase ).port ) - 6;
		await t.stop( true );
		// Let this process's HTTP client see the closed keep-alive sockets first.
		await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
		t = await startTestSandbox( 'small', undefined, {
			dataDir: t.dataDir,
			basePort,
		} );
		token = ( await googleConnect( t, await googleClient( t ) ) )
			.access_token;
		const { changes } = await allChanges( from );
		assert.equal( changes.length, 1 );
		assert.equal( changes[ 0 ].removed, false );
	} );
} );
