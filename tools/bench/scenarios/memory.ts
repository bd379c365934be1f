/**
 * 6. Memory: peak PHP memory of rendering a page's content in a PHP
 * process (runPhp, WordPress already loaded; listings warm): page 1 of the
 * 5,000-photo folder against the N-photo folder, and core's Gallery of N.
 * Each render runs in its own process; the number is the rise of
 * memory_get_peak_usage() over the usage before rendering.
 */
import { getOk } from '../http';
import { phpJson } from '../php';
import { median, must, ratio } from '../stats';
import { scenario, type ScenarioResult } from '../results';
import type { BenchContext } from './context';

async function peak(
	ctx: BenchContext,
	postId: number
): Promise< { peakKb: number; htmlKb: number } > {
	return phpJson(
		ctx.env.site,
		{ id: postId },
		`
$post = get_post( (int) $in['id'] );
$GLOBALS['post'] = $post;
setup_postdata( $post );
$GLOBALS['wp_query']->is_singular = true;
$content = $post->post_content;
gc_collect_cycles();
memory_reset_peak_usage();
$before = memory_get_usage();
$html = apply_filters( 'the_content', $content );
$peak = memory_get_peak_usage() - $before;
echo wp_json_encode( array( 'peakKb' => $peak / 1024, 'htmlKb' => strlen( $html ) / 1024 ) );
`
	);
}

export async function memory( ctx: BenchContext ): Promise< ScenarioResult > {
	const { opts, pages } = ctx;
	const result = scenario(
		'memory',
		'Memory: peak PHP memory rendering the page content'
	);
	const targets = {
		[ `Cloud Gallery, ${ opts.n } photos` ]: must( pages.ids, 'cloudN' ),
		'Cloud Gallery, page 1 of 5,000': must( pages.ids, 'cloud5000' ),
		[ `core Gallery, ${ opts.n } images` ]: must( pages.ids, 'coreN' ),
	};
	// The listings must be warm (an earlier scenario may have cleared them).
	await getOk( pages.cloudN );
	await getOk( pages.cloud5000 );
	const runs = opts.smoke ? 1 : 3;
	const peaks: Record< string, number > = {};
	for ( const [ label, id ] of Object.entries( targets ) ) {
		const samples = [];
		let html = 0;
		for ( let i = 0; i < runs; i++ ) {
			const r = await peak( ctx, id );
			samples.push( r.peakKb );
			html = r.htmlKb;
		}
		peaks[ label ] = median( samples );
		result.rows.push( {
			label,
			values: { 'peak KB': must( peaks, label ), 'HTML KB': html, runs },
		} );
	}
	const [ small = '', big = '', core = '' ] = Object.keys( targets );
	result.ratios.push(
		{
			label: `peak: page 1 of 5,000 / ${ opts.n } photos`,
			value: ratio( must( peaks, big ), must( peaks, small ) ),
		},
		{
			label: `peak: Cloud ${ opts.n } / core ${ opts.n }`,
			value: ratio( must( peaks, small ), must( peaks, core ) ),
		}
	);
	return result;
}
