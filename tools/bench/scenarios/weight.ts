/**
 * 4. Visitors' weight: bytes of JavaScript and CSS (raw and gzip) a
 * logged-out visitor downloads for a gallery page, with the lightbox on and
 * off, against core's Gallery with its lightbox, and an empty page of the
 * same theme (the baseline every page pays). External files are fetched;
 * inline <script>/<style> bytes are counted separately (they come with the
 * HTML).
 */
import zlib from 'node:zlib';

import { getOk } from '../http';
import { must, ratio } from '../stats';
import { scenario, type ScenarioResult } from '../results';
import type { BenchContext } from './context';
import { assets } from './html';

interface Weight {
	jsRaw: number;
	jsGzip: number;
	cssRaw: number;
	cssGzip: number;
	files: number;
	modules: number;
	inlineJs: number;
	inlineCss: number;
}

async function weigh( url: string ): Promise< Weight > {
	const html = ( await getOk( url ) ).body.toString();
	const found = assets( html, url );
	const w: Weight = {
		jsRaw: 0,
		jsGzip: 0,
		cssRaw: 0,
		cssGzip: 0,
		files: 0,
		modules: found.modules.length,
		inlineJs: found.inlineScriptBytes,
		inlineCss: found.inlineStyleBytes,
	};
	const sum = async ( urls: string[], kind: 'js' | 'css' ) => {
		for ( const u of urls ) {
			const body = ( await getOk( u ) ).body;
			w.files++;
			w[ `${ kind }Raw` ] += body.length;
			w[ `${ kind }Gzip` ] += zlib.gzipSync( body, { level: 6 } ).length;
		}
	};
	await sum( [ ...found.scripts, ...found.modules ], 'js' );
	await sum( found.styles, 'css' );
	return w;
}

export async function weight( ctx: BenchContext ): Promise< ScenarioResult > {
	const { pages, opts } = ctx;
	const result = scenario(
		'weight',
		"Visitors' weight: JS and CSS a logged-out visitor downloads"
	);
	const targets = {
		'Cloud Gallery, lightbox on': pages.cloudN,
		'Cloud Gallery, lightbox off': pages.cloudNNoLightbox,
		'core Gallery, lightbox on': pages.coreN,
		'empty page (theme baseline)': pages.empty,
	};
	const w: Record< string, Weight > = {};
	for ( const [ label, url ] of Object.entries( targets ) ) {
		w[ label ] = await weigh( url );
		const x = must( w, label );
		result.rows.push( {
			label,
			values: {
				'JS KB': x.jsRaw / 1024,
				'JS gz KB': x.jsGzip / 1024,
				'CSS KB': x.cssRaw / 1024,
				'CSS gz KB': x.cssGzip / 1024,
				'inline JS KB': x.inlineJs / 1024,
				'inline CSS KB': x.inlineCss / 1024,
				files: x.files,
				modules: x.modules,
			},
		} );
	}
	const gz = ( x: Weight ) => x.jsGzip + x.cssGzip;
	const base = must( w, 'empty page (theme baseline)' );
	const over = ( x: Weight ) =>
		gz( x ) -
		gz( base ) +
		( x.inlineJs + x.inlineCss - base.inlineJs - base.inlineCss );
	result.ratios.push(
		{
			label: 'JS+CSS gzip: Cloud lightbox on / core lightbox',
			value: ratio(
				gz( must( w, 'Cloud Gallery, lightbox on' ) ),
				gz( must( w, 'core Gallery, lightbox on' ) )
			),
		},
		{
			label: 'JS+CSS gzip: Cloud lightbox off / core lightbox',
			value: ratio(
				gz( must( w, 'Cloud Gallery, lightbox off' ) ),
				gz( must( w, 'core Gallery, lightbox on' ) )
			),
		},
		{
			label: 'KB over the empty page (gzip + inline): Cloud on',
			value: over( must( w, 'Cloud Gallery, lightbox on' ) ) / 1024,
		},
		{
			label: 'KB over the empty page (gzip + inline): core',
			value: over( must( w, 'core Gallery, lightbox on' ) ) / 1024,
		}
	);
	result.notes.push(
		`N = ${ opts.n }. Script modules: <script type="module" src> and <link rel="modulepreload">; modules loaded only by dynamic import() are not counted.`
	);
	return result;
}
