/**
 * Reading which thumbnails were asked of Dropbox from the sandbox's
 * recordings: single calls and batch entries alike; a retry with a new
 * token after an expiry is not a second fetch, a repeat with one token is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RecordedRequest } from '../../sandbox-cloud/src/shared/recorder';
import { summarize, thumbnailsAskedFor } from '../provider-calls';

const photo = ( path: string ) => ( { '.tag': 'path', path } );

function single( path: string, token: string ): RecordedRequest {
	return {
		host: 'dropbox content',
		method: 'POST',
		url: '/2/files/get_thumbnail_v2',
		headers: [
			[ 'Authorization', `Bearer ${ token }` ],
			[
				'Dropbox-API-Arg',
				JSON.stringify( { resource: photo( path ), size: 'w480h320' } ),
			],
		],
		body: '',
		complete: true,
	};
}

function batch( paths: string[], token: string ): RecordedRequest {
	const body = {
		entries: paths.map( ( path ) => ( {
			resource: photo( path ),
			size: 'w480h320',
		} ) ),
	};
	return {
		host: 'dropbox content',
		method: 'POST',
		url: '/2/files/get_thumbnail_batch',
		headers: [ [ 'Authorization', `Bearer ${ token }` ] ],
		body: Buffer.from( JSON.stringify( body ) ).toString( 'base64' ),
		complete: true,
	};
}

describe( 'thumbnails asked of Dropbox', () => {
	it( 'counts single calls and batch entries together', () => {
		const asked = summarize(
			thumbnailsAskedFor( [
				single( '/a.jpg', 't1' ),
				batch( [ '/b.jpg', '/c.jpg' ], 't1' ),
				{ ...single( '/x', 't1' ), url: '/2/files/list_folder' },
			] )
		);
		assert.deepEqual( asked, {
			asks: 3,
			distinct: 3,
			most: 1,
			retriedWithNewToken: 0,
		} );
	} );

	it( 'finds a photo asked twice with one token, in a batch or not', () => {
		const asked = summarize(
			thumbnailsAskedFor( [
				single( '/a.jpg', 't1' ),
				batch( [ '/a.jpg', '/b.jpg' ], 't1' ),
			] )
		);
		assert.equal( asked.most, 2 );
		assert.equal( asked.distinct, 2 );
	} );

	it( 'counts a retry with the refreshed token apart', () => {
		const asked = summarize(
			thumbnailsAskedFor( [
				single( '/a.jpg', 'expired' ),
				single( '/a.jpg', 'fresh' ),
			] )
		);
		assert.deepEqual( asked, {
			asks: 2,
			distinct: 1,
			most: 1,
			retriedWithNewToken: 1,
		} );
	} );
} );
