/**
 * 5. Editor: the REST calls the block's sidebar makes to open the folder
 * tree down to /Scale/Big (200 subfolders, 5,000 photos): GET /folders for
 * the root, then Scale, then Big; and the preview of the first page
 * (block-renderer, context=edit) as the administrator (no gallery folder
 * is set, so editors would browse nothing). Cold (caches cleared) and
 * warm, with the sandbox latency on every Dropbox call; Dropbox calls
 * counted.
 */
import { listFolder } from '../connect';
import { median, ratio } from '../stats';
import { clearPluginCaches } from '../php';
import { scenario, type ScenarioResult } from '../results';
import { formatCounts, sumCounts, type BenchContext } from './context';

async function timed< T >(
	body: () => Promise< T >
): Promise< { ms: number; value: T } > {
	const start = process.hrtime.bigint();
	const value = await body();
	return { ms: Number( process.hrtime.bigint() - start ) / 1e6, value };
}

export async function editor( ctx: BenchContext ): Promise< ScenarioResult > {
	const { env, opts, editor: user, folders } = ctx;
	const result = scenario(
		'editor',
		`Editor: folder tree to /Scale/Big and preview (Dropbox latency ${ opts.latencyMs } ms)`
	);

	const openTree = async () => {
		let requests = 1;
		const root = await listFolder( user, '' );
		const scale = root.folders.find( ( f ) => f.name === 'Scale' );
		if ( ! scale ) {
			throw new Error( 'no /Scale in the gallery root' );
		}
		const scaleListing = await listFolder( user, scale.id );
		requests++;
		const big = scaleListing.folders.find( ( f ) => f.name === 'Big' );
		if ( ! big ) {
			throw new Error( 'no /Scale/Big' );
		}
		const bigListing = await listFolder( user, big.id );
		requests++;
		return {
			requests,
			subfolders: bigListing.folders.length,
			photos: bigListing.photoCount,
		};
	};
	const attributes = new URLSearchParams( {
		context: 'edit',
		'attributes[provider]': 'dropbox',
		'attributes[folderId]': folders.scaleBig.id,
		'attributes[folderPath]': folders.scaleBig.path,
	} );
	const preview = async () => {
		const body = await user.rest< { rendered: string } >(
			`/wp/v2/block-renderer/customer-cloud-gallery/gallery?${ attributes }`
		);
		const photos = ( body.rendered.match( /<img\b/g ) ?? [] ).length;
		if ( photos === 0 ) {
			throw new Error(
				`the preview shows no photo: ${ body.rendered.slice( 0, 300 ) }`
			);
		}
		return { requests: 1, photos };
	};

	await env.control.clearFaults();
	await env.control.addFault( {
		route: '*',
		kind: 'latency',
		latencyMs: opts.latencyMs,
	} );
	try {
		for ( const [ label, action ] of [
			[ 'folder tree root → Scale → Big', openTree ],
			[ 'preview of page 1 (block-renderer)', preview ],
		] as const ) {
			const cold: number[] = [];
			let coldCalls: Record< string, number > = {};
			let requests = 0;
			let shown = '';
			for ( let i = 0; i < opts.coldSamples; i++ ) {
				await clearPluginCaches( env.site );
				await env.control.resetRequestCounts();
				const r = await timed( action );
				cold.push( r.ms );
				coldCalls = ( await env.control.requestCounts() ).counts;
				requests = r.value.requests;
				shown = JSON.stringify( r.value );
			}
			await env.control.resetRequestCounts();
			const warm: number[] = [];
			for ( let i = 0; i < opts.samples; i++ ) {
				warm.push( ( await timed( action ) ).ms );
			}
			const warmCalls = ( await env.control.requestCounts() ).counts;
			result.rows.push( {
				label,
				values: {
					'REST requests': requests,
					'cold ms': median( cold ),
					'warm ms': median( warm ),
					'Dropbox calls cold': sumCounts( coldCalls ),
					'by route (cold)': formatCounts( coldCalls ),
					'Dropbox calls warm (all samples)': sumCounts( warmCalls ),
				},
			} );
			result.ratios.push( {
				label: `cold / warm: ${ label }`,
				value: ratio( median( cold ), median( warm ) ),
			} );
			result.notes.push( `${ label }: ${ shown }` );
		}
	} finally {
		await env.control.clearFaults();
	}
	return result;
}
