/**
 * What the plugin guarantees across web nodes that share MariaDB and
 * Redis, checked through the balancer with the sandbox's request counts
 * and recordings; each check fails without its property:
 * - concurrent first views of a gallery make one listing call;
 * - concurrent requests for uncached thumbnails fetch each photo × size
 *   once (shared uploads), or once per node disk (separate uploads, where
 *   each node heals its own), and every URL is served by every node;
 * - an access token that expires under concurrent load is refreshed once.
 */
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';

import { checkStaticImages, clearPluginCaches } from '../bench/php';
import { imageUrls } from '../bench/scenarios/html';
import type { Gallery, NodeWorld } from './node-galleries';
import { get, pool, type Answer } from './node-http';
import type { Nodes } from './nodes';
import { summarize, thumbnailsAskedFor } from './provider-calls';

const VIEWS_PER_GALLERY = 6;
const CONCURRENCY = 16;

/** Forgets listings, locks and every node's thumbnail files. */
export async function forgetCaches( world: NodeWorld, nodes: Nodes ) {
	await clearPluginCaches( world.site );
	for ( const node of nodes.nodes ) {
		rmSync( path.join( node.uploadsDir, 'customer-cloud-gallery' ), {
			recursive: true,
			force: true,
		} );
	}
}

/** Only the thumbnail files, on every node (an eviction, a new disk). */
export function forgetThumbnails( nodes: Nodes ) {
	for ( const [ i, node ] of nodes.nodes.entries() ) {
		const dir = path.join( node.uploadsDir, 'customer-cloud-gallery/i' );
		// Out of the way in one step: PHP may be writing into it meanwhile.
		const gone = `${ dir }.gone-${ Date.now() }-${ i }`;
		try {
			renameSync( dir, gone );
		} catch {
			continue; // Nothing cached on this node (yet).
		}
		rmSync( gone, { recursive: true, force: true } );
	}
}

function expectImage( url: string, answer: Answer, where: string ) {
	// A placeholder (image/svg+xml) is a photo the visitor did not get.
	if (
		answer.status !== 200 ||
		answer.headers[ 'content-type' ] !== 'image/jpeg'
	) {
		throw new Error(
			`${ where } ${ url }: HTTP ${ answer.status } ${ answer.headers[ 'content-type' ] }: ${ answer.body.toString().slice( 0, 200 ) }`
		);
	}
}

/** Each URL from every node at once, so the nodes race for each miss. */
async function fetchFromEveryNode(
	urls: string[],
	nodes: Nodes,
	where: string
) {
	const tasks = urls.flatMap( ( url ) =>
		nodes.nodes.map( ( node ) => async () => {
			expectImage(
				url,
				await get( url, { port: node.port } ),
				`${ where }, node :${ node.port }`
			);
		} )
	);
	await pool( tasks, CONCURRENCY );
}

export async function acrossNodes(
	world: NodeWorld,
	nodes: Nodes,
	galleries: Gallery[],
	log: ( line: string ) => void
): Promise< boolean > {
	const { control } = world;
	const probe = await checkStaticImages( world.site );
	log(
		`static images check: ${ probe.ok ? 'passed' : `FAILED (${ probe.detail })` }, second request ${ probe.static ? 'static' : 'answered by PHP' }`
	);
	if ( ! probe.ok ) {
		return false;
	}

	await forgetCaches( world, nodes );
	await control.resetRequestCounts();
	const before = nodes.balancer.counts();
	const views = galleries.flatMap( ( gallery ) =>
		Array.from( { length: VIEWS_PER_GALLERY }, () => gallery.pageUrl )
	);
	const pages = await pool(
		views.map( ( url ) => () => get( url ) ),
		views.length
	);
	const listings = ( await control.requestCounts() ).counts;
	const perNode = nodes.balancer
		.counts()
		.map( ( n, i ) => n - ( before[ i ] ?? 0 ) );
	log(
		`${ views.length } concurrent first views of ${ galleries.length } galleries (per node ${ perNode.join( ' / ' ) }): files/list_folder ${ listings[ 'files/list_folder' ] ?? 0 }, files/list_folder/continue ${ listings[ 'files/list_folder/continue' ] ?? 0 }`
	);
	const sources = new Map< string, string[] >();
	for ( const [ i, page ] of pages.entries() ) {
		const urls = imageUrls( page.body.toString() );
		if ( page.status !== 200 || urls.length === 0 ) {
			throw new Error(
				`${ views[ i ] }: HTTP ${ page.status }, ${ urls.length } images`
			);
		}
		sources.set( views[ i ] ?? '', urls );
	}
	if ( ( listings[ 'files/list_folder' ] ?? 0 ) !== galleries.length ) {
		log(
			`FAILED: expected one listing call per gallery (${ galleries.length })`
		);
		return false;
	}
	if ( perNode.some( ( n ) => n === 0 ) ) {
		log( 'FAILED: a node got no request' );
		return false;
	}

	const urls = [ ...sources.values() ]
		.flat()
		.map( ( src ) => new URL( src, world.site.url ).toString() );
	await control.startRecording();
	await fetchFromEveryNode( urls, nodes, 'uncached' );
	const asked = summarize( thumbnailsAskedFor( await control.recordings() ) );
	await control.clearRecordings();
	// Shared uploads: once in all. Separate: a node may fetch what only the other's disk holds, but never twice for its own.
	const allowed = nodes.mode === 'shared' ? 1 : nodes.nodes.length;
	log(
		`${ urls.length } uncached thumbnails, each asked for by both nodes at once: ${ asked.asks } photo × size fetched from Dropbox, ${ asked.distinct } distinct, at most ${ asked.most } times one (allowed ${ allowed })`
	);
	if ( asked.distinct < urls.length || asked.most > allowed ) {
		log(
			'FAILED: a thumbnail was fetched more often than allowed, or not at all'
		);
		return false;
	}
	for ( const node of nodes.nodes ) {
		await pool(
			urls.map(
				( url ) => async () =>
					expectImage(
						url,
						await get( url, { port: node.port } ),
						`node :${ node.port }`
					)
			),
			CONCURRENCY
		);
	}
	log(
		`every thumbnail URL answered by each node (${ nodes.nodes.map( ( n ) => n.port ).join( ', ' ) })`
	);

	forgetThumbnails( nodes );
	await control.expireAccessTokens();
	await control.resetRequestCounts();
	await fetchFromEveryNode( urls, nodes, 'after the token expired' );
	const afterExpiry = ( await control.requestCounts() ).counts;
	log(
		`token expired, thumbnails gone, ${ urls.length * nodes.nodes.length } concurrent requests: oauth2/token ${ afterExpiry[ 'oauth2/token' ] ?? 0 }`
	);
	if ( ( afterExpiry[ 'oauth2/token' ] ?? 0 ) !== 1 ) {
		log( 'FAILED: expected one token refresh' );
		return false;
	}
	return true;
}
