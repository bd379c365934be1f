import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { fileId, myDriveKey } from '../src/google/drive/ids';
import { FOLDERS } from '../src/library/layout-common';
import { startTestSandbox, type TestSandbox } from './helpers';
import {
	drive,
	filesPath,
	googleClient,
	googleConnect,
	quoted,
} from './google-helpers';

let t: TestSandbox;
let access: string;

before( async () => {
	t = await startTestSandbox();
	access = ( await googleConnect( t, await googleClient( t ) ) ).access_token;
} );
after( async () => t.stop() );

// Drive answers for any folder id it has, whether or not a client listed its
// parents first: a gallery published before a restart lists its folder
// directly. Ids are stable (derived from the path), as Drive's are.
test( 'files.list of a deep folder nobody listed the parents of finds its photos', async () => {
	const ceremony = fileId( myDriveKey( FOLDERS.ceremony ) );
	const res = await drive(
		t,
		access,
		filesPath( {
			q: `${ quoted( ceremony ) } in parents and trashed = false`,
			fields: 'files(id,name)',
		} )
	);
	assert.equal( res.status, 200 );
	assert.ok( res.json.files.length > 0, JSON.stringify( res.json ) );
	assert.ok(
		res.json.files.some(
			( f: { name: string } ) => f.name === 'IMG_4101.jpg'
		)
	);
} );
