import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import sharp from 'sharp';

import { contentHashOf } from '../src/dropbox/files/content-hash';
import { IdMap } from '../src/dropbox/files/id-map';
import { Library } from '../src/dropbox/files/library';
import { targetSize } from '../src/dropbox/files/thumbnails';
import {
	buildExifPayload,
	parseExif,
	spliceJpegExif,
} from '../src/shared/exif';

describe( 'building blocks', () => {
	test( 'content_hash test vectors (contract A7)', () => {
		assert.equal(
			contentHashOf( Buffer.alloc( 0 ) ),
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		assert.equal(
			contentHashOf( Buffer.from( 'Hola Leo!\n' ) ),
			'3013d87395fb83dc41f6130651047626ffcbc7c7c2791a02a474d4cb6dddf6c7'
		);
		assert.equal(
			contentHashOf( Buffer.alloc( 4 * 1024 * 1024 + 1, 'a' ) ),
			'5f858b62ccd88447586305aec6fd53c96747cfebf527cbba129a6dfed47d9624'
		);
	} );

	test( 'EXIF written byte-level is read back by sharp and by the parser', async () => {
		const jpeg = await sharp( {
			create: {
				width: 40,
				height: 20,
				channels: 3,
				background: '#3366aa',
			},
		} )
			.jpeg()
			.toBuffer();
		const fields = {
			orientation: 6,
			dateTimeOriginal: '2026:05:16 14:21:00',
			make: 'Canon',
			model: 'Canon EOS R6',
			gps: { latitude: -33.8568, longitude: 151.2153 },
		};
		const stamped = spliceJpegExif( jpeg, buildExifPayload( fields ) );
		const meta = await sharp( stamped ).metadata();
		assert.equal( meta.orientation, 6 );
		assert.deepEqual(
			[ meta.autoOrient?.width, meta.autoOrient?.height ],
			[ 20, 40 ]
		);
		const parsed = parseExif( meta.exif );
		assert.equal( parsed.dateTimeOriginal, fields.dateTimeOriginal );
		assert.equal( parsed.model, 'Canon EOS R6' );
		assert.ok(
			Math.abs( parsed.gps!.latitude - fields.gps.latitude ) < 1e-4 &&
				Math.abs( parsed.gps!.longitude - fields.gps.longitude ) < 1e-4
		);
		assert.equal(
			( await sharp( spliceJpegExif( stamped, null ) ).metadata() ).exif,
			undefined
		);
	} );

	test( 'thumbnail sizes per mode never upscale', () => {
		assert.deepEqual(
			targetSize( 96, 64, 'w256h256', 'strict' ),
			[ 96, 64 ]
		);
		assert.deepEqual(
			targetSize( 4000, 3000, 'w640h480', 'strict' ),
			[ 640, 480 ]
		);
		assert.deepEqual(
			targetSize( 3000, 4000, 'w640h480', 'strict' ),
			[ 360, 480 ]
		);
		assert.deepEqual(
			targetSize( 3000, 4000, 'w640h480', 'bestfit' ),
			[ 480, 640 ]
		);
		assert.deepEqual(
			targetSize( 3000, 4000, 'w640h480', 'fitone_bestfit' ),
			[ 480, 640 ]
		);
		assert.deepEqual(
			targetSize( 5640, 3172, 'w256h256', 'fitone_bestfit' ),
			[ 455, 256 ]
		);
		assert.deepEqual(
			targetSize( 5640, 3172, 'w256h256', 'original' ),
			[ 5640, 3172 ]
		);
	} );

	test( 'a folder moved just after a lookup of an unknown id is still found by its id', async () => {
		const dir = mkdtempSync( join( tmpdir(), 'ccg-library-' ) );
		try {
			mkdirSync( join( dir, 'Portfolio' ) );
			mkdirSync( join( dir, 'Clients' ) );
			const library = new Library( dir, new IdMap( dir, 'salt' ) );
			const portfolio = await library.resolve( '/Portfolio' );
			assert.ok( portfolio );
			const id = library.id( portfolio );

			// A miss walks the whole library; another id must not wait for it.
			assert.equal(
				await library.resolveId( 'id:madeUpAAAAAAAAAAAAAAAA' ),
				null
			);
			renameSync(
				join( dir, 'Portfolio' ),
				join( dir, 'Clients', 'Portfolio' )
			);
			const moved = await library.resolveId( id );

			assert.equal( moved?.rel, '/Clients/Portfolio' );
		} finally {
			rmSync( dir, { recursive: true, force: true } );
		}
	} );
} );
