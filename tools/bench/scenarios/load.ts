/**
 * Load on two web nodes (tools/production-stack/nodes.ts): `visitors`
 * concurrent visitors, each a client address of its own, for `seconds`
 * over five galleries of two pages, each visit a page's HTML and then its
 * images, six at a time as a browser fetches them. Everything starts cold
 * (no listing, no thumbnail on any node). In the first half visitors view page 1; halfway every access
 * token expires and visitors browse on through "Load more" to page 2,
 * whose thumbnails nobody has fetched: the provider is needed again, with
 * a dead token. Fails on any error (a placeholder instead of a photo is
 * one), on more or fewer than one token call for the expiry, one listing
 * call per gallery, or a thumbnail fetched twice (shared uploads).
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { forgetCaches } from '../../production-stack/across-nodes';
import type { Gallery, NodeWorld } from '../../production-stack/node-galleries';
import { get } from '../../production-stack/node-http';
import type { Nodes } from '../../production-stack/nodes';
import {
	summarize,
	thumbnailsAskedFor,
} from '../../production-stack/provider-calls';
import { scenario, type ScenarioResult } from '../results';
import { imageUrls } from './html';

/** Browsers open six connections per host (HTTP/1.1). */
const CONNECTIONS_PER_VISITOR = 6;

export interface LoadSize {
	visitors: number;
	seconds: number;
}

function percentile( sorted: number[], p: number ): number {
	if ( sorted.length === 0 ) {
		return NaN;
	}
	return (
		sorted[
			Math.min(
				sorted.length - 1,
				Math.ceil( ( p / 100 ) * sorted.length ) - 1
			)
		] ?? NaN
	);
}

/** The page's "Load more" link: a plain link to the next server-rendered page. */
function nextPageUrl( html: string, base: string ): string | null {
	const link =
		/<a\b[^>]*class="ccg-gallery__load-more"[^>]*\shref="([^"]+)"/.exec(
			html
		);
	return link?.[ 1 ]
		? new URL( link[ 1 ].replace( /&#0?38;|&amp;/g, '&' ), base ).toString()
		: null;
}

/** 127.0.0.2, 127.0.0.3, …: one loopback address per visitor. */
function visitorAddress( v: number ): string {
	const n = v + 2;
	return `127.0.${ Math.floor( n / 256 ) }.${ n % 256 }`;
}

export async function loadAcrossNodes(
	world: NodeWorld,
	nodes: Nodes,
	galleries: Gallery[],
	size: LoadSize,
	log: ( line: string ) => void
): Promise< ScenarioResult > {
	const { control } = world;
	const result = scenario(
		'load-two-nodes',
		`Load: 2 nginx + PHP-FPM nodes (${ nodes.mode } uploads) behind a round-robin balancer, MariaDB + Redis, ${ size.visitors } visitors × ${ size.seconds } s over ${ galleries.length } galleries, cold start; halfway tokens expire and visitors browse on to page 2`
	);
	await forgetCaches( world, nodes );
	await control.resetRequestCounts();
	await control.startRecording();
	const latencies: Record< 'page' | 'image', number[] > = {
		page: [],
		image: [],
	};
	const errors: string[] = [];
	const started = Date.now();
	const deadline = started + size.seconds * 1000;
	let secondHalf = false;
	const nextPages = new Map< string, string >();
	let tokensBeforeExpiry = -1;
	let callsBeforeExpiry = 0;
	const halfway = ( async () => {
		await sleep( ( size.seconds * 1000 ) / 2 );
		const atExpiry = await control.requestCounts();
		tokensBeforeExpiry = atExpiry.counts[ 'oauth2/token' ] ?? 0;
		callsBeforeExpiry = atExpiry.total;
		await control.expireAccessTokens();
		secondHalf = true;
		log(
			`load: halfway (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s): tokens expired, visitors browse on to page 2`
		);
	} )().catch( ( error: Error ) => {
		errors.push( `halfway: ${ error.message }` );
	} );
	const fetchOne = async (
		kind: 'page' | 'image',
		url: string,
		localAddress: string
	) => {
		try {
			const answer = await get( url, { localAddress } );
			const type = String( answer.headers[ 'content-type' ] );
			if (
				answer.status !== 200 ||
				( kind === 'image' && type !== 'image/jpeg' )
			) {
				errors.push(
					`${ kind } ${ url }: HTTP ${ answer.status } ${ type }`
				);
				return null;
			}
			latencies[ kind ].push( answer.ms );
			return answer;
		} catch ( error ) {
			errors.push(
				`${ kind } ${ url }: ${ ( error as Error ).message }`
			);
			return null;
		}
	};
	const visitor = async ( v: number ) => {
		const address = visitorAddress( v );
		for ( let visit = 0; Date.now() < deadline; visit++ ) {
			const gallery = galleries[
				( v + visit ) % galleries.length
			] as Gallery;
			// The second half follows the "Load more" link a page 1 showed
			// (a visitor who saw page 1 before clicks it).
			const known = secondHalf
				? nextPages.get( gallery.pageUrl )
				: undefined;
			let page = await fetchOne(
				'page',
				known ?? gallery.pageUrl,
				address
			);
			if ( page && ! known ) {
				const next = nextPageUrl(
					page.body.toString(),
					world.site.url
				);
				if ( ! next ) {
					errors.push( `${ gallery.pageUrl }: no "Load more" link` );
					continue;
				}
				nextPages.set( gallery.pageUrl, next );
				if ( secondHalf ) {
					page = await fetchOne( 'page', next, address );
				}
			}
			const sources = page ? imageUrls( page.body.toString() ) : [];
			// As a browser does: a few connections per host at a time.
			const connection = async () => {
				for (
					let src = sources.shift();
					src !== undefined && Date.now() < deadline;
					src = sources.shift()
				) {
					await fetchOne(
						'image',
						new URL( src, world.site.url ).toString(),
						address
					);
				}
			};
			await Promise.all(
				Array.from( { length: CONNECTIONS_PER_VISITOR }, connection )
			);
		}
	};
	await Promise.all(
		Array.from( { length: size.visitors }, ( _, v ) => visitor( v ) )
	);
	const seconds = ( Date.now() - started ) / 1000;
	await halfway;
	const asked = summarize( thumbnailsAskedFor( await control.recordings() ) );
	await control.clearRecordings();
	const counts = ( await control.requestCounts() ).counts;

	const all = [ ...latencies.page, ...latencies.image ];
	for ( const [ label, list ] of [
		[ 'page HTML', latencies.page ],
		[ 'thumbnails', latencies.image ],
		[ 'all requests', all ],
	] as const ) {
		const sorted = [ ...list ].sort( ( a, b ) => a - b );
		result.rows.push( {
			label,
			values: {
				requests: list.length,
				'req/s': list.length / seconds,
				'p50 ms': percentile( sorted, 50 ),
				'p95 ms': percentile( sorted, 95 ),
			},
		} );
	}
	const tokenCalls = counts[ 'oauth2/token' ] ?? 0;
	// What the second half asked of Dropbox besides tokens: a miss fetches
	// its page's window (MissBatch), so a small gallery may be on disk whole
	// before the expiry, and then nothing needs a new token.
	const callsAfterExpiry =
		Object.values( counts ).reduce( ( sum, n ) => sum + n, 0 ) -
		callsBeforeExpiry -
		( tokenCalls - Math.max( 0, tokensBeforeExpiry ) );
	const listingCalls = counts[ 'files/list_folder' ] ?? 0;
	result.rows.push( {
		label: 'errors (must be 0)',
		values: { errors: errors.length },
	} );
	for ( const [ route, n ] of Object.entries( counts ).sort() ) {
		result.rows.push( {
			label: `Dropbox ${ route }`,
			values: { calls: n },
		} );
	}
	result.rows.push( {
		label: 'thumbnails fetched from Dropbox',
		values: {
			'photo × size asks': asked.asks,
			distinct: asked.distinct,
			'most for one, same token': asked.most,
			'asked again after the expiry': asked.retriedWithNewToken,
		},
	} );
	result.ratios.push(
		{ label: 'token calls per expiry (must be 1)', value: tokenCalls },
		{
			label: 'listing calls per gallery (must be 1)',
			value: listingCalls / galleries.length,
		},
		{
			label: 'p95 / p50, all requests',
			value:
				percentile(
					[ ...all ].sort( ( a, b ) => a - b ),
					95
				) /
				percentile(
					[ ...all ].sort( ( a, b ) => a - b ),
					50
				),
		}
	);
	const perNode = nodes.balancer.counts();
	result.notes.push(
		`${ seconds.toFixed( 1 ) } s; requests per node (balancer, since it started): ${ perNode.join( ' / ' ) }; oauth2/token calls before the expiry: ${ tokensBeforeExpiry }.`
	);
	if ( callsAfterExpiry === 0 ) {
		result.notes.push(
			'No Dropbox call after the expiry: every thumbnail the second half asked for was already on disk, so nothing needed a new token (0 token calls is right).'
		);
	}
	if ( errors.length ) {
		result.notes.push(
			`errors (first 5): ${ errors.slice( 0, 5 ).join( '; ' ) }`
		);
	}
	const failed = [
		errors.length > 0 && `${ errors.length } errors`,
		tokenCalls !== 1 &&
			! ( tokenCalls === 0 && callsAfterExpiry === 0 ) &&
			`${ tokenCalls } token calls for one expiry`,
		listingCalls !== galleries.length &&
			`${ listingCalls } listing calls for ${ galleries.length } galleries`,
		nodes.mode === 'shared' &&
			asked.most > 1 &&
			'a thumbnail fetched twice',
		! secondHalf && 'the halfway step did not run',
	].filter( Boolean );
	if ( failed.length ) {
		// A non-finite value is what makes results.problems() fail the scenario.
		result.rows.push( {
			label: `FAILED: ${ failed.join( '; ' ) }`,
			values: { ok: NaN },
		} );
	}
	return result;
}
