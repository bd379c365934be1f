import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startTestSandbox, type TestSandbox } from './helpers';
import {
	drive,
	filesPath,
	FOLDER,
	googleClient,
	googleConnect,
	idOfPath,
	listAll,
} from './google-helpers';

let t: TestSandbox;
let access: string;
const ALL_DRIVES = {
	supportsAllDrives: 'true',
	includeItemsFromAllDrives: 'true',
};

before( async () => {
	t = await startTestSandbox();
	access = ( await googleConnect( t, await googleClient( t ) ) ).access_token;
} );
after( async () => t.stop() );

const list = ( params: Record< string, string | number > ) =>
	drive( t, access, filesPath( params ) );

describe( 'shared drives', () => {
	test( 'drives.list: names, fields, pageSize pagination', async () => {
		const res = await drive(
			t,
			access,
			'/drive/v3/drives?fields=nextPageToken,drives(id,name)'
		);
		assert.equal( res.status, 200 );
		assert.deepEqual(
			res.json.drives.map( ( d: any ) => d.name ),
			[ 'Archive 2024', 'Studio Shared' ]
		);
		for ( const d of res.json.drives ) {
			assert.match( d.id, /^0A[\w]{11}Uk9PVA$/ );
		}
		const page1 = await drive( t, access, '/drive/v3/drives?pageSize=1' );
		assert.equal( page1.json.drives.length, 1 );
		assert.equal( page1.json.kind, 'drive#driveList' );
		assert.deepEqual( Object.keys( page1.json.drives[ 0 ] ), [
			'kind',
			'id',
			'name',
		] );
		const page2 = await drive(
			t,
			access,
			`/drive/v3/drives?pageSize=1&pageToken=${ encodeURIComponent(
				page1.json.nextPageToken
			) }`
		);
		assert.equal( page2.json.drives[ 0 ].name, 'Studio Shared' );
		assert.equal( page2.json.nextPageToken, undefined );
		const tooBig = await drive(
			t,
			access,
			'/drive/v3/drives?pageSize=101'
		);
		assert.equal( tooBig.status, 400 );
	} );

	test( 'items need supportsAllDrives + includeItemsFromAllDrives; the root folder id is the drive id', async () => {
		const drives = (
			await drive( t, access, '/drive/v3/drives?fields=drives(id,name)' )
		).json.drives;
		const studio = drives.find(
			( d: any ) => d.name === 'Studio Shared'
		).id;
		const top = await list( {
			q: `'${ studio }' in parents`,
			...ALL_DRIVES,
			fields: 'files(name,driveId,parents)',
			orderBy: 'name',
		} );
		assert.deepEqual( top.json.files, [
			{ name: 'Clients', driveId: studio, parents: [ studio ] },
			{ name: 'Studio handbook', driveId: studio, parents: [ studio ] },
		] );
		assert.deepEqual(
			( await list( { q: `'${ studio }' in parents` } ) ).json.files,
			[],
			'without the flags shared-drive items stay hidden'
		);
		assert.deepEqual(
			(
				await list( {
					q: `'${ studio }' in parents`,
					supportsAllDrives: 'true',
				} )
			).json.files,
			[]
		);
		const anderson = await idOfPath(
			t,
			access,
			'/Clients/Anderson Engagement 2026',
			studio
		);
		const photos = await list( {
			q: `'${ anderson }' in parents and trashed = false and mimeType contains 'image/'`,
			...ALL_DRIVES,
			fields: 'files(name,thumbnailLink,driveId)',
			orderBy: 'name_natural',
		} );
		assert.equal( photos.json.files.length, 10 );
		assert.equal( photos.json.files[ 0 ].name, 'Anderson 01.jpg' );
		assert.equal( photos.json.files[ 0 ].driveId, studio );
		const corpus = await listAll( t, access, {
			corpora: 'drive',
			driveId: studio,
			...ALL_DRIVES,
			q: "mimeType contains 'image/'",
		} );
		assert.equal(
			corpus.files.length,
			11,
			'10 photos and a trashed outtake'
		);
		const mine = await listAll( t, access, {
			q: "name contains 'Anderson'",
		} );
		assert.equal(
			mine.files.length,
			0,
			'corpora=user does not search shared drives'
		);
		const everywhere = await listAll( t, access, {
			q: "name contains 'Anderson'",
			corpora: 'allDrives',
			...ALL_DRIVES,
		} );
		assert.equal( everywhere.files.length, 12 );
	} );

	test( 'corpora/driveId mistakes are refused as Drive refuses them', async () => {
		const drives = ( await drive( t, access, '/drive/v3/drives' ) ).json
			.drives;
		const noCorpora = await list( {
			driveId: drives[ 0 ].id,
			...ALL_DRIVES,
		} );
		assert.equal( noCorpora.status, 400 );
		assert.equal(
			noCorpora.json.error.message,
			'The driveId parameter must be specified if and only if corpora is set to drive.'
		);
		const noInclude = await list( {
			corpora: 'drive',
			driveId: drives[ 0 ].id,
			supportsAllDrives: 'true',
		} );
		assert.equal( noInclude.status, 403 );
		const unknown = await list( {
			corpora: 'drive',
			driveId: '0AnopeUk9PVA',
			...ALL_DRIVES,
		} );
		assert.equal( unknown.status, 404 );
	} );

	test( 'files.get of a shared-drive item is 404 without supportsAllDrives', async () => {
		const studio = (
			await drive( t, access, '/drive/v3/drives' )
		).json.drives.find( ( d: any ) => d.name === 'Studio Shared' ).id;
		const clients = await idOfPath( t, access, '/Clients', studio );
		const without = await drive(
			t,
			access,
			`/drive/v3/files/${ clients }`
		);
		assert.equal( without.status, 404 );
		const withFlag = await drive(
			t,
			access,
			`/drive/v3/files/${ clients }?supportsAllDrives=true&fields=id,name,driveId,parents`
		);
		assert.deepEqual( withFlag.json, {
			id: clients,
			name: 'Clients',
			parents: [ studio ],
			driveId: studio,
		} );
		const root = await drive(
			t,
			access,
			`/drive/v3/files/${ studio }?supportsAllDrives=true&fields=id,name,mimeType`
		);
		assert.deepEqual( root.json, {
			id: studio,
			name: 'Studio Shared',
			mimeType: FOLDER,
		} );
	} );
} );
