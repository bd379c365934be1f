/**
 * 3. Images: requests per second for one warm thumbnail through the URL
 * the plugin puts in the page (its uploads file, when the site's static
 * images check passed) against the same bytes as a static file served by
 * the same PHP server (the physical limit), and through the PHP fallback
 * (`/?ccg_image=`), with its 304. Then the thumbnails of a page with the
 * disk cache emptied: each static URL misses, reaches WordPress and is
 * rebuilt (one Dropbox call each), against the same misses through the
 * query URLs.
 */
import fs from 'node:fs';
import path from 'node:path';

import { fetchAll, getOk, loadTest, timedGet } from '../http';
import { median, must, ratio } from '../stats';
import { scenario, type ScenarioResult } from '../results';
import { sumCounts, type BenchContext } from './context';
import { imageUrls } from './html';

const STATIC_PATH = '/customer-cloud-gallery/i/';

function isStatic( url: string ): boolean {
	return new URL( url ).pathname.includes( STATIC_PATH );
}

/**
 * The signed token in either kind of URL.
 */
function tokenOf( url: string ): string {
	const parsed = new URL( url );
	return isStatic( url )
		? path.basename( parsed.pathname, '.jpg' )
		: ( parsed.searchParams.get( 'ccg_image' ) ?? '' );
}

export async function images( ctx: BenchContext ): Promise< ScenarioResult > {
	const { env, opts, pages, staticImages } = ctx;
	const result = scenario(
		'images',
		`Images: one warm thumbnail, ${ opts.concurrency } clients, ${ opts.loadRounds } × ${ opts.loadSeconds } s per target; then a page's thumbnails from an empty cache`
	);
	const page = await getOk( pages.cloudN );
	const sources = imageUrls( page.body.toString() ).map( ( src ) =>
		new URL( src, env.site.url ).toString()
	);
	const url = sources[ 0 ];
	if ( ! url ) {
		throw new Error( 'the gallery page has no plugin image URL' );
	}
	const emittedStatic = isStatic( url );
	const queryUrl = ( src: string ) =>
		`${ env.site.url }/?ccg_image=${ tokenOf( src ) }`;
	const fallback = queryUrl( url );

	const first = await getOk( url );
	const warm = await getOk( url );
	const fallbackWarm = await getOk( fallback );
	if ( ! fallbackWarm.body.equals( warm.body ) ) {
		throw new Error( 'the emitted URL and /?ccg_image= differ' );
	}
	const etag = String( fallbackWarm.headers.etag ?? '' );
	const staticName = 'ccg-bench-static.jpg';
	fs.writeFileSync( path.join( env.site.dir, staticName ), warm.body );
	const staticUrl = `${ env.site.url }/${ staticName }`;
	const staticBody = ( await getOk( staticUrl ) ).body;
	if ( ! staticBody.equals( warm.body ) ) {
		throw new Error( 'the static copy does not serve the same bytes' );
	}
	const revalidate = await timedGet( fallback, { 'If-None-Match': etag } );

	const emittedLabel = `emitted URL (${ emittedStatic ? 'uploads file' : '?ccg_image=…' }), 200`;
	const targets: Array<
		[ string, string, Record< string, string >, number ]
	> = [
		[ emittedLabel, url, {}, 200 ],
		[ 'static file, same bytes, 200', staticUrl, {}, 200 ],
		[ 'PHP fallback (?ccg_image=…), 200', fallback, {}, 200 ],
		[
			'PHP fallback with If-None-Match, 304',
			fallback,
			{ 'If-None-Match': etag },
			304,
		],
	];
	const rps: Record< string, number[] > = {};
	const errors: Record< string, number > = {};
	for ( const target of [ url, staticUrl, fallback ] ) {
		await loadTest( target, {
			concurrency: opts.concurrency,
			seconds: opts.loadSeconds / 2,
			expectStatus: 200,
		} );
	}
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

	// Misses: the page's thumbnails with the disk cache emptied, through
	// the emitted (static) URLs, then through the query URLs.
	const cacheDir = path.join(
		env.site.dir,
		'wp-content/uploads/customer-cloud-gallery/i'
	);
	const misses: Record< string, string[] > = {
		'miss, rebuilt through its uploads URL': sources,
		'miss through ?ccg_image=…': sources.map( queryUrl ),
	};
	const missRps: Record< string, number[] > = {};
	const missCalls: Record< string, number > = {};
	for ( let round = 0; round < opts.loadRounds; round++ ) {
		for ( const [ label, list ] of Object.entries( misses ) ) {
			fs.rmSync( cacheDir, { recursive: true, force: true } );
			await env.control.resetRequestCounts();
			const ms = await fetchAll( list, opts.concurrency );
			( missRps[ label ] ??= [] ).push( list.length / ( ms / 1000 ) );
			missCalls[ label ] = sumCounts(
				( await env.control.requestCounts() ).counts
			);
		}
	}
	const rebuilt = await getOk( url );
	for ( const [ label, list ] of Object.entries( misses ) ) {
		result.rows.push( {
			label,
			values: {
				'req/s': median( must( missRps, label ) ),
				'Dropbox calls per image':
					must( missCalls, label ) / list.length,
			},
		} );
	}

	const med = ( i: number ) =>
		median( must( rps, targets[ i ]?.[ 0 ] ?? '' ) );
	const missLabels = Object.keys( misses );
	const missMed = ( i: number ) =>
		median( must( missRps, missLabels[ i ] ?? '' ) );
	result.ratios.push(
		{
			label: 'req/s: emitted URL / static file',
			value: ratio( med( 0 ), med( 1 ) ),
		},
		{
			label: 'req/s: PHP fallback / static file',
			value: ratio( med( 2 ), med( 1 ) ),
		},
		{
			label: 'req/s: PHP fallback 304 / static file',
			value: ratio( med( 3 ), med( 1 ) ),
		},
		{
			label: 'req/s: miss rebuilt via uploads URL / miss via ?ccg_image=',
			value: ratio( missMed( 0 ), missMed( 1 ) ),
		}
	);
	result.notes.push(
		`Static images check: ${ staticImages.ok ? 'passed' : `FAILED (${ staticImages.detail })` }; the page's image URLs are ${ emittedStatic ? 'uploads files' : '/?ccg_image= URLs' }.`,
		`Fallback If-None-Match ${ etag || '(no ETag!)' } → HTTP ${ revalidate.status }${ revalidate.status === 304 ? ' (ok)' : ' (expected 304)' }; ` +
			`Cache-Control: ${ fallbackWarm.headers[ 'cache-control' ] ?? '(none)' }; first fetch of the emitted URL HTTP ${ first.status }, ${ warm.body.length } bytes.`,
		`Misses: ${ sources.length } thumbnails, ${ opts.concurrency } at a time, no Dropbox latency; after a rebuild the next request for the uploads URL was answered by ${ rebuilt.headers[ 'x-content-type-options' ] ? 'WordPress (not static!)' : 'the web server (no nosniff header, which the plugin always sends)' }. PHP's built-in server sends no ETag or 304 for static files; Apache and nginx do.`
	);
	if ( ! etag || revalidate.status !== 304 ) {
		result.rows.push( {
			label: 'If-None-Match → 304',
			values: { ok: NaN },
		} );
	}
	if ( ! staticImages.ok || ! emittedStatic ) {
		result.rows.push( {
			label: 'static images check passed and URLs are static',
			values: { ok: NaN },
		} );
	}
	return result;
}
