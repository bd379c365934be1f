import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Dropbox, DropboxResponseError, files } from 'dropbox';
import sharp from 'sharp';

import {
	apiArg,
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
	t = await startTestSandbox();
	const connection = await connect( t.sandbox );
	dbx = connection.dbx;
	token = connection.token.access_token as string;
	paths = t.sandbox.manifest!.paths;
} );
after( async () => t.stop() );

const onDisk = ( path: string ) => join( t.sandbox.libraryDir, path );

describe( 'thumbnails through the official SDK', () => {
	test( 'get_thumbnail_v2: every size and mode gives the expected dimensions; formats decode', async () => {
		// 2560×1600 shown as landscape (stored sideways with orientation 6).
		const expect: Record< string, Record< string, [ number, number ] > > = {
			w32h32: {
				strict: [ 32, 20 ],
				bestfit: [ 32, 20 ],
				fitone_bestfit: [ 51, 32 ],
			},
			w64h64: {
				strict: [ 64, 40 ],
				bestfit: [ 64, 40 ],
				fitone_bestfit: [ 102, 64 ],
			},
			w128h128: {
				strict: [ 128, 80 ],
				bestfit: [ 128, 80 ],
				fitone_bestfit: [ 205, 128 ],
			},
			w256h256: {
				strict: [ 256, 160 ],
				bestfit: [ 256, 160 ],
				fitone_bestfit: [ 410, 256 ],
			},
			w480h320: {
				strict: [ 480, 300 ],
				bestfit: [ 480, 300 ],
				fitone_bestfit: [ 512, 320 ],
			},
			w640h480: {
				strict: [ 640, 400 ],
				bestfit: [ 640, 400 ],
				fitone_bestfit: [ 768, 480 ],
			},
			w960h640: {
				strict: [ 960, 600 ],
				bestfit: [ 960, 600 ],
				fitone_bestfit: [ 1024, 640 ],
			},
			w1024h768: {
				strict: [ 1024, 640 ],
				bestfit: [ 1024, 640 ],
				fitone_bestfit: [ 1229, 768 ],
			},
			w2048h1536: {
				strict: [ 2048, 1280 ],
				bestfit: [ 2048, 1280 ],
				fitone_bestfit: [ 2458, 1536 ],
			},
		};
		for ( const [ size, modes ] of Object.entries( expect ) ) {
			for ( const [ mode, [ width, height ] ] of Object.entries(
				modes
			) ) {
				const res = await dbx.filesGetThumbnailV2( {
					resource: {
						'.tag': 'path',
						path: paths.rotatedOrientation6!,
					},
					size: { '.tag': size },
					mode: { '.tag': mode },
				} as files.ThumbnailV2Arg );
				const image = await sharp(
					( res.result as unknown as { fileBinary: Buffer } )
						.fileBinary
				).metadata();
				assert.equal( image.format, 'jpeg' );
				assert.deepEqual(
					[ image.width, image.height ],
					[ Math.min( width, 2560 ), Math.min( height, 1600 ) ],
					`${ size } ${ mode }`
				);
			}
		}
		// Portrait 1067×1600: bestfit uses the transposed box, fitone_bestfit covers it.
		const portrait = async ( mode: string, format = 'jpeg' ) => {
			const res = await dbx.filesGetThumbnailV2( {
				resource: { '.tag': 'path', path: paths.portraitCrop! },
				size: { '.tag': 'w640h480' },
				mode: { '.tag': mode },
				format: { '.tag': format },
			} as files.ThumbnailV2Arg );
			return sharp(
				( res.result as unknown as { fileBinary: Buffer } ).fileBinary
			).metadata();
		};
		assert.deepEqual(
			[
				( await portrait( 'strict' ) ).width,
				( await portrait( 'strict' ) ).height,
			],
			[ 320, 480 ]
		);
		const best = await portrait( 'bestfit', 'png' );
		assert.deepEqual(
			[ best.format, best.width, best.height ],
			[ 'png', 427, 640 ]
		);
		const cover = await portrait( 'fitone_bestfit', 'webp' );
		assert.deepEqual(
			[ cover.format, cover.width, cover.height ],
			[ 'webp', 480, 720 ]
		);
		const original = await portrait( 'original' );
		assert.deepEqual( [ original.width, original.height ], [ 1067, 1600 ] );
	} );

	test( 'get_thumbnail_v2 honours EXIF orientation (pixels come out upright)', async () => {
		const res = await dbx.filesGetThumbnailV2( {
			resource: { '.tag': 'path', path: paths.orientation8! },
			size: { '.tag': 'w256h256' },
		} as files.ThumbnailV2Arg );
		const thumb = await sharp(
			( res.result as unknown as { fileBinary: Buffer } ).fileBinary
		)
			.resize( 32, 24, { fit: 'fill' } )
			.raw()
			.toBuffer();
		const upright = await sharp( onDisk( paths.orientation8! ) )
			.rotate()
			.resize( 32, 24, { fit: 'fill' } )
			.raw()
			.toBuffer();
		const diff =
			thumb.reduce(
				( sum, v, i ) => sum + Math.abs( v - upright[ i ]! ),
				0
			) / thumb.length;
		assert.ok( diff < 12, `mean pixel difference ${ diff }` );
	} );

	test( 'get_thumbnail_v2 errors: unsupported_extension (.heic, .txt), unsupported_image (> 20 MB), path/not_found', async () => {
		const tagOf = async ( path: string ) => {
			try {
				await dbx.filesGetThumbnailV2( {
					resource: { '.tag': 'path', path },
				} as files.ThumbnailV2Arg );
				return 'ok';
			} catch ( error ) {
				const e = error as DropboxResponseError< {
					error_summary: string;
					error: { '.tag': string };
				} >;
				assert.equal( e.status, 409 );
				return e.error.error_summary.replace( /\.*$/, '' );
			}
		};
		assert.equal( await tagOf( paths.heic! ), 'unsupported_extension/' );
		assert.equal( await tagOf( paths.txt! ), 'unsupported_extension/' );
		assert.equal( await tagOf( paths.over20MB! ), 'unsupported_image/' );
		assert.equal(
			await tagOf( '/Portfolio/nothing.jpg' ),
			'path/not_found/'
		);
		assert.equal( await tagOf( paths.large16MB! ), 'ok' );
	} );

	test( 'get_thumbnail_batch: input order, base64 thumbnails, per-entry failures, too_many_files', async () => {
		const entries = [
			paths.webp!,
			'/missing.jpg',
			paths.heic!,
			paths.png!,
		].map( ( path ) => ( {
			path,
			size: { '.tag': 'w128h128' },
		} ) ) as files.ThumbnailArg[];
		const res = await dbx.filesGetThumbnailBatch( { entries } );
		const out = res.result.entries;
		assert.deepEqual(
			out.map( ( e ) => e[ '.tag' ] ),
			[ 'success', 'failure', 'failure', 'success' ]
		);
		const first = out[ 0 ] as files.GetThumbnailBatchResultData & {
			'.tag': 'success';
		};
		assert.equal( first.metadata.path_display, paths.webp );
		assert.equal(
			( first.metadata as unknown as Record< string, unknown > )[
				'.tag'
			],
			undefined
		);
		const decoded = await sharp(
			Buffer.from( first.thumbnail, 'base64' )
		).metadata();
		assert.equal( decoded.format, 'jpeg' );
		assert.equal( Math.max( decoded.width!, decoded.height! ), 128 );
		assert.deepEqual( ( out[ 1 ] as { failure: unknown } ).failure, {
			'.tag': 'path',
			path: { '.tag': 'not_found' },
		} );
		assert.deepEqual( ( out[ 2 ] as { failure: unknown } ).failure, {
			'.tag': 'unsupported_extension',
		} );

		const tooMany = Array.from( { length: 26 }, () => ( {
			path: paths.webp!,
		} ) ) as files.ThumbnailArg[];
		await assert.rejects(
			dbx.filesGetThumbnailBatch( { entries: tooMany } ),
			(
				error: DropboxResponseError< { error: { '.tag': string } } >
			) => {
				assert.equal( error.status, 409 );
				assert.equal( error.error.error[ '.tag' ], 'too_many_files' );
				return true;
			}
		);
	} );
} );

describe( 'thumbnails over raw HTTP', () => {
	test( 'get_thumbnail_v2 raw: Dropbox-API-Result is {"file_metadata": …} with escaped non-ASCII; download-style Content-Type rules', async () => {
		const res = await fetch(
			`${ t.sandbox.dropbox.contentBase }/2/files/get_thumbnail_v2`,
			{
				method: 'POST',
				headers: bearer( token, {
					'Dropbox-API-Arg': apiArg( {
						resource: { '.tag': 'path', path: paths.emoji },
						format: 'jpeg',
						size: 'w64h64',
						mode: 'strict',
					} ),
				} ),
			}
		);
		assert.equal( res.status, 200 );
		assert.equal(
			res.headers.get( 'content-type' ),
			'application/octet-stream'
		);
		const header = res.headers.get( 'dropbox-api-result' )!;
		assert.ok(
			header.startsWith(
				'{"file_metadata": {"name": "\\ud83c\\udf05 Sunrise'
			),
			header
		);
		const parsed = JSON.parse( header );
		assert.equal( parsed.file_metadata.path_display, paths.emoji );
		assert.equal( parsed.file_metadata[ '.tag' ], undefined );
		const form = await raw(
			t.sandbox.dropbox.contentBase,
			'/2/files/get_thumbnail_v2',
			{
				headers: bearer( token, {
					'Dropbox-API-Arg': apiArg( {
						resource: { '.tag': 'path', path: paths.emoji },
					} ),
					'Content-Type': 'application/x-www-form-urlencoded',
				} ),
			}
		);
		assert.equal( form.status, 400 );
		assert.equal(
			form.text,
			'Error in call to API function "files/get_thumbnail_v2": You provided a non-empty HTTP "Content-Type" header ("application/x-www-form-urlencoded").  This API function requires that the header be missing or empty.'
		);
		// The one that hid every Dropbox photo: octet-stream is refused too.
		const octet = await raw(
			t.sandbox.dropbox.contentBase,
			'/2/files/get_thumbnail_v2',
			{
				headers: bearer( token, {
					'Dropbox-API-Arg': apiArg( {
						resource: { '.tag': 'path', path: paths.emoji },
					} ),
					'Content-Type': 'application/octet-stream',
				} ),
			}
		);
		assert.equal( octet.status, 400 );
		assert.match(
			octet.text,
			/non-empty HTTP "Content-Type" header \("application\/octet-stream"\)/
		);
	} );
} );
