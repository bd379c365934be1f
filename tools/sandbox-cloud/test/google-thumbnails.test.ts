import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import sharp from 'sharp';

import { FOLDERS } from '../src/library/layout-common';
import type { GoogleClient } from '../src/types';
import { startTestSandbox, type TestSandbox } from './helpers';
import {
	drive,
	filesPath,
	googleClient,
	googleConnect,
	idOfPath,
	tokenCall,
	type TokenResponse,
} from './google-helpers';

let t: TestSandbox;
let client: GoogleClient;
let token: TokenResponse;
let access: string;

before( async () => {
	t = await startTestSandbox();
	client = await googleClient( t );
	token = await googleConnect( t, client );
	access = token.access_token;
} );
after( async () => t.stop() );

const list = ( params: Record< string, string | number > ) =>
	drive( t, access, filesPath( params ) );

describe( 'thumbnailLink', () => {
	async function linkOf( path: string ): Promise< string > {
		const id = await idOfPath( t, access, path );
		const res = await drive(
			t,
			access,
			`/drive/v3/files/${ id }?fields=thumbnailLink,hasThumbnail`
		);
		assert.equal( res.json.hasThumbnail, true );
		return res.json.thumbnailLink;
	}
	const fetchThumb = ( link: string, bearer: string | null = access ) =>
		fetch( link, {
			headers: bearer ? { Authorization: `Bearer ${ bearer }` } : {},
		} );

	test( 'needs a Bearer token; sizes =sN, =wN-hM, =wN, =hM; never larger than the photo', async () => {
		const link = await linkOf(
			`${ FOLDERS.nature }/${ await natureFirst() }`
		);
		assert.match(
			link,
			new RegExp(
				`^${ t.sandbox.google.thumbBase }/drive-storage/AJQWtB[\\w-]+=s220$`
			)
		);
		assert.equal( ( await fetchThumb( link, null ) ).status, 403 );
		assert.equal( ( await fetchThumb( link, 'ya29.bogus' ) ).status, 401 );
		const base = link.replace( /=s220$/, '' );
		const size = async ( suffix: string ) => {
			const res = await fetchThumb( `${ base }${ suffix }` );
			assert.equal( res.status, 200, suffix );
			assert.equal( res.headers.get( 'content-type' ), 'image/jpeg' );
			const meta = await sharp(
				Buffer.from( await res.arrayBuffer() )
			).metadata();
			return [ meta.width, meta.height ];
		};
		const [ w, h ] = ( await size( '=s220' ) ) as [ number, number ];
		assert.equal( Math.max( w, h ), 220 );
		assert.equal(
			Math.max( ...( ( await size( '=s100' ) ) as number[] ) ),
			100
		);
		const [ bw, bh ] = ( await size( '=w120-h80' ) ) as [ number, number ];
		assert.ok( bw <= 120 && bh <= 80 && ( bw === 120 || bh === 80 ) );
		assert.equal( ( await size( '=w50' ) )[ 0 ], 50 );
		assert.equal( ( await size( '=h40' ) )[ 1 ], 40 );
		assert.deepEqual( await size( '=w64-h64-c' ), [ 64, 64 ] );
		assert.equal( ( await fetchThumb( `${ base }=q77` ) ).status, 400 );
		// HEIC gets a thumbnail on Drive (1024 × 819), never upscaled.
		const heic = await linkOf( `${ FOLDERS.edgeCases }/IMG_2040.heic` );
		const big = await fetchThumb( heic.replace( /=s220$/, '=s5000' ) );
		const meta = await sharp(
			Buffer.from( await big.arrayBuffer() )
		).metadata();
		assert.deepEqual(
			[ meta.width, meta.height ],
			[ 1024, 819 ],
			'capped at the original size'
		);
		assert.equal(
			(
				await fetchThumb(
					`${ t.sandbox.google.thumbBase }/drive-storage/AJQWtBforged=s220`
				)
			).status,
			404
		);
	} );

	test( 'EXIF orientation is applied; links die 6 hours after the listing', async () => {
		const link = await linkOf( `${ FOLDERS.ceremony }/IMG_4105.jpg` );
		const res = await fetchThumb( link );
		const meta = await sharp(
			Buffer.from( await res.arrayBuffer() )
		).metadata();
		assert.ok( meta.width! > meta.height!, 'shown upright (landscape)' );
		const hours = 6 * 3600;
		await t.control.advanceTime( hours - 10 );
		try {
			const fresh = await tokenCall( t, '/token', {
				grant_type: 'refresh_token',
				refresh_token: token.refresh_token!,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			} );
			assert.equal( fresh.status, 200 );
			assert.equal(
				( await fetchThumb( link, fresh.json.access_token ) ).status,
				200
			);
			await t.control.advanceTime( 11 );
			const gone = await fetchThumb( link, fresh.json.access_token );
			assert.equal( gone.status, 403 );
			assert.match( await gone.text(), /expired/ );
		} finally {
			await t.control.advanceTime( -( hours + 1 ) );
		}
	} );

	test( 'iconLink is served without credentials', async () => {
		const res = await drive(
			t,
			access,
			'/drive/v3/files/root?fields=iconLink'
		);
		const icon = await fetch( res.json.iconLink );
		assert.equal( icon.status, 200 );
		assert.equal( icon.headers.get( 'content-type' ), 'image/png' );
	} );
} );

async function natureFirst(): Promise< string > {
	const nature = await idOfPath( t, access, FOLDERS.nature );
	return (
		await list( {
			q: `'${ nature }' in parents`,
			orderBy: 'name',
			pageSize: 1,
			fields: 'files(name)',
		} )
	).json.files[ 0 ].name;
}
