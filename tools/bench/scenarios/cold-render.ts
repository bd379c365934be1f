/**
 * 2. Page render, cold: the first view after the plugin's caches are
 * cleared, with the sandbox answering every Dropbox call after a latency
 * (150 ms). Reports time and Dropbox calls by route, for the HTML and then
 * for the first page's thumbnails (fetched by 8 parallel clients, as a
 * browser would). The warm page is the reference for the ratio.
 */
import { fetchAll, getOk } from '../http';
import { median, ratio } from '../stats';
import { clearPluginCaches } from '../php';
import { scenario, type ScenarioResult } from '../results';
import { formatCounts, sumCounts, type BenchContext } from './context';
import { imageUrls } from './html';

export async function coldRender(
	ctx: BenchContext
): Promise< ScenarioResult > {
	const { env, opts, pages } = ctx;
	const result = scenario(
		'cold-render',
		`Page render, cold (caches cleared, Dropbox latency ${ opts.latencyMs } ms on every call)`
	);
	const targets = {
		[ `Cloud Gallery, ${ opts.n } photos` ]: pages.cloudN,
		[ `Cloud Gallery, page 1 of 5,000` ]: pages.cloud5000,
	};
	await env.control.clearFaults();
	await env.control.addFault( {
		route: '*',
		kind: 'latency',
		latencyMs: opts.latencyMs,
	} );
	try {
		for ( const [ label, url ] of Object.entries( targets ) ) {
			const cold: number[] = [];
			const images: number[] = [];
			let htmlCalls: Record< string, number > = {};
			let imageCalls: Record< string, number > = {};
			let warmMs = NaN;
			for ( let i = 0; i < opts.coldSamples; i++ ) {
				await clearPluginCaches( env.site );
				await env.control.resetRequestCounts();
				const page = await getOk( url );
				cold.push( page.totalMs );
				htmlCalls = ( await env.control.requestCounts() ).counts;
				await env.control.resetRequestCounts();
				images.push(
					await fetchAll( imageUrls( page.body.toString() ), 8 )
				);
				imageCalls = ( await env.control.requestCounts() ).counts;
				const warm: number[] = [];
				for ( let j = 0; j < Math.max( 3, opts.warmup ); j++ ) {
					warm.push( ( await getOk( url ) ).totalMs );
				}
				warmMs = median( warm );
			}
			result.rows.push( {
				label,
				values: {
					'cold HTML ms': median( cold ),
					'same page warm ms': warmMs,
					'Dropbox calls (HTML)': sumCounts( htmlCalls ),
					'by route (HTML)': formatCounts( htmlCalls ),
					'first-page images ms': median( images ),
					'Dropbox calls (images)': sumCounts( imageCalls ),
					'by route (images)': formatCounts( imageCalls ),
				},
			} );
			result.ratios.push( {
				label: `cold / warm HTML: ${ label }`,
				value: ratio( median( cold ), warmMs ),
			} );
		}
	} finally {
		await env.control.clearFaults();
	}
	result.notes.push(
		`${ opts.coldSamples } cold sample(s) per page; images: every <img src> of the page, 8 at a time.`
	);
	return result;
}
