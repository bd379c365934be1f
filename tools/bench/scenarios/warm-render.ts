/**
 * 1. Page render, warm: TTFB and total HTML time of a page with one Cloud
 * Gallery (N photos; page 1 of the 5,000-photo folder) against the same
 * page with a core Gallery of N Media Library images. Samples alternate
 * between the pages so drift hits them alike.
 */
import { getOk } from '../http';
import { median, must, ratio } from '../stats';
import { scenario, type ScenarioResult } from '../results';
import type { BenchContext } from './context';

export async function warmRender(
	ctx: BenchContext
): Promise< ScenarioResult > {
	const { opts, pages } = ctx;
	const result = scenario(
		'warm-render',
		`Page render, warm (N = ${ opts.n }, ${ opts.columns } columns)`
	);
	const targets = {
		[ `Cloud Gallery, ${ opts.n } photos` ]: pages.cloudN,
		[ `Cloud Gallery, page 1 of 5,000 (${ opts.n }/page)` ]:
			pages.cloud5000,
		[ `core Gallery, ${ opts.n } Media Library images` ]: pages.coreN,
	};
	const labels = Object.keys( targets );
	for ( let i = 0; i < opts.warmup; i++ ) {
		for ( const url of Object.values( targets ) ) {
			await getOk( url );
		}
	}
	const ttfb: Record< string, number[] > = {};
	const total: Record< string, number[] > = {};
	const bytes: Record< string, number > = {};
	for ( let i = 0; i < opts.samples; i++ ) {
		for ( const label of labels ) {
			const res = await getOk( must( targets, label ) );
			( ttfb[ label ] ??= [] ).push( res.ttfbMs );
			( total[ label ] ??= [] ).push( res.totalMs );
			bytes[ label ] = res.body.length;
		}
	}
	for ( const label of labels ) {
		result.rows.push( {
			label,
			values: {
				'TTFB ms': median( must( ttfb, label ) ),
				'total ms': median( must( total, label ) ),
				'HTML KB': must( bytes, label ) / 1024,
				samples: must( ttfb, label ).length,
			},
		} );
	}
	const [ cloudN = '', cloud5000 = '', core = '' ] = labels;
	result.ratios.push(
		{
			label: `TTFB: Cloud ${ opts.n } / core`,
			value: ratio(
				median( must( ttfb, cloudN ) ),
				median( must( ttfb, core ) )
			),
		},
		{
			label: `total: Cloud ${ opts.n } / core`,
			value: ratio(
				median( must( total, cloudN ) ),
				median( must( total, core ) )
			),
		},
		{
			label: 'TTFB: Cloud page 1 of 5,000 / core',
			value: ratio(
				median( must( ttfb, cloud5000 ) ),
				median( must( ttfb, core ) )
			),
		},
		{
			label: 'total: Cloud page 1 of 5,000 / core',
			value: ratio(
				median( must( total, cloud5000 ) ),
				median( must( total, core ) )
			),
		}
	);
	return result;
}
