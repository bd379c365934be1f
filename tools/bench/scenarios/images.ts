/**
 * 3. Images: requests per second for one warm thumbnail through the
 * plugin's URL against the same bytes as a static file served by the same
 * PHP server (the physical limit), at a fixed concurrency; and whether
 * If-None-Match gets a 304 (and how fast those are).
 */
import fs from 'node:fs';
import path from 'node:path';

import { getOk, loadTest, timedGet } from '../http';
import { median, must, ratio } from '../stats';
import { scenario, type ScenarioResult } from '../results';
import type { BenchContext } from './context';
import { imageUrls } from './html';

export async function images( ctx: BenchContext ): Promise< ScenarioResult > {
	const { env, opts, pages } = ctx;
	const result = scenario(
		'images',
		`Images: one warm thumbnail, ${ opts.concurrency } clients, ${ opts.loadRounds } × ${ opts.loadSeconds } s per target`
	);
	const page = await getOk( pages.cloudN );
	const url = imageUrls( page.body.toString() )[ 0 ];
	if ( ! url ) {
		throw new Error( 'the gallery page has no plugin image URL' );
	}
	const first = await getOk( url );
	const warm = await getOk( url );
	const etag = String( warm.headers.etag ?? '' );
	const staticName = 'ccg-bench-static.jpg';
	fs.writeFileSync( path.join( env.site.dir, staticName ), warm.body );
	const staticUrl = `${ env.site.url }/${ staticName }`;
	const staticBody = ( await getOk( staticUrl ) ).body;
	if ( ! staticBody.equals( warm.body ) ) {
		throw new Error( 'the static copy does not serve the same bytes' );
	}
	const revalidate = await timedGet( url, { 'If-None-Match': etag } );

	const targets: Array<
		[ string, string, Record< string, string >, number ]
	> = [
		[ 'plugin URL (?ccg_image=…), 200', url, {}, 200 ],
		[ 'static file, same bytes, 200', staticUrl, {}, 200 ],
		[
			'plugin URL with If-None-Match, 304',
			url,
			{ 'If-None-Match': etag },
			304,
		],
	];
	const rps: Record< string, number[] > = {};
	const errors: Record< string, number > = {};
	await loadTest( url, {
		concurrency: opts.concurrency,
		seconds: opts.loadSeconds / 2,
		expectStatus: 200,
	} );
	await loadTest( staticUrl, {
		concurrency: opts.concurrency,
		seconds: opts.loadSeconds / 2,
		expectStatus: 200,
	} );
	for ( let round = 0; round < opts.loadRounds; round++ ) {
		for ( const [ label, target, headers, expectStatus ] of targets ) {
			const r = await loadTest( target, {
				concurrency: opts.concurrency,
				seconds: opts.loadSeconds,
				headers,
				expectStatus,
			} );
			( rps[ label ] ??= [] ).push( r.rps );
			errors[ label ] = ( errors[ label ] ?? 0 ) + r.errors;
		}
	}
	for ( const [ label ] of targets ) {
		result.rows.push( {
			label,
			values: {
				'req/s': median( must( rps, label ) ),
				'unexpected answers': errors[ label ] ?? 0,
				bytes: label.includes( '304' ) ? 0 : warm.body.length,
			},
		} );
	}
	const med = ( i: number ) =>
		median( must( rps, targets[ i ]?.[ 0 ] ?? '' ) );
	result.ratios.push(
		{
			label: 'req/s: plugin URL / static file',
			value: ratio( med( 0 ), med( 1 ) ),
		},
		{
			label: 'req/s: plugin 304 / static file',
			value: ratio( med( 2 ), med( 1 ) ),
		}
	);
	result.notes.push(
		`If-None-Match ${ etag || '(no ETag!)' } → HTTP ${ revalidate.status }${ revalidate.status === 304 ? ' (ok)' : ' (expected 304)' }; ` +
			`Cache-Control: ${ warm.headers[ 'cache-control' ] ?? '(none)' }; first fetch HTTP ${ first.status }, ${ warm.body.length } bytes.`
	);
	if ( ! etag || revalidate.status !== 304 ) {
		result.rows.push( {
			label: 'If-None-Match → 304',
			values: { ok: NaN },
		} );
	}
	return result;
}
