/**
 * npm run bench [-- --smoke] [-- --json <file>]
 *
 * Sets up its own sandbox Dropbox and WordPress 7.1 site ("bench", port
 * 8975, sandbox 8985..8994), connects Dropbox, creates the pages, runs the
 * six scenarios of issue 8 and the two of issue 15 (cold in Chromium,
 * change to visible; they connect Google Drive too) and prints medians and
 * ratios measured in the same run; writes them as JSON. --smoke runs every
 * scenario once with tiny sizes and exits non-zero when one produces no
 * numbers (it never judges timings). See README.md beside this file.
 */
import os from 'node:os';
import path from 'node:path';

import { connectDropbox, findFolder } from './connect';
import {
	startEnvironment,
	benchFolderPath,
	type Environment,
} from './environment';
import { createPages, importMedia } from './fixtures';
import { parseOptions } from './options';
import { checkStaticImages } from './php';
import { formatScenario, writeJson } from './report';
import { problems, type ScenarioResult } from './results';
import { changeVisible } from './scenarios/change-visible';
import { coldBrowser } from './scenarios/cold-browser';
import { coldRender } from './scenarios/cold-render';
import type { BenchContext } from './scenarios/context';
import { editor } from './scenarios/editor';
import { images } from './scenarios/images';
import { memory } from './scenarios/memory';
import { productionStack } from './scenarios/stack';
import { warmRender } from './scenarios/warm-render';
import { weight } from './scenarios/weight';

const root = path.resolve( __dirname, '../..' );
const opts = parseOptions( process.argv.slice( 2 ), root );
const started = Date.now();
const log = ( line: string ) =>
	process.stderr.write(
		`[bench ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) }s] ${ line }\n`
	);

const scenarios: Array<
	[ string, ( ctx: BenchContext ) => Promise< ScenarioResult > ]
> = [
	[ 'warm-render', warmRender ],
	[ 'cold-render', coldRender ],
	[ 'images', images ],
	[ 'weight', weight ],
	[ 'editor', editor ],
	[ 'memory', memory ],
	[ 'cold-browser', coldBrowser ],
	[ 'change-visible', changeVisible ],
];

/** `--only a,b`: run just these scenarios (set-up is the same; `production-stack` for scenarios 9 and 10). */
const onlyAt = process.argv.indexOf( '--only' );
const only =
	onlyAt >= 0 ? ( process.argv[ onlyAt + 1 ] ?? '' ).split( ',' ) : null;
const chosen = only
	? scenarios.filter( ( [ id ] ) => only.includes( id ) )
	: scenarios;

async function setUp( env: Environment ): Promise< BenchContext > {
	log( 'connecting Dropbox' );
	const admin = await connectDropbox( env );
	const small = await findFolder( admin, benchFolderPath( opts.n ) );
	const big = await findFolder( admin, '/Scale/5000 photos' );
	const scaleBig = await findFolder( admin, '/Scale/Big' );
	if ( small.photoCount !== opts.n || big.photoCount < 5000 ) {
		throw new Error(
			`unexpected folders: ${ small.path } ${ small.photoCount } photos, ${ big.path } ${ big.photoCount }`
		);
	}
	log( `importing ${ opts.n } photos into the Media Library` );
	const media = await importMedia( env, opts );
	log( 'creating the pages' );
	const pages = await createPages( env, opts, { small, big }, media );
	// Without a gallery folder only administrators browse the account
	// (issue #14), and the bench's galleries span /Bench and /Scale, so the
	// administrator walks the tree: the same requests an editor makes.
	const editorUser = admin;
	// WP-Cron is off here: run the check that decides the image URLs now.
	const staticImages = await checkStaticImages( env.site );
	log(
		staticImages.ok
			? 'static images check passed: thumbnails get uploads URLs'
			: `static images check failed (${ staticImages.detail }): thumbnails keep /?ccg_image= URLs`
	);
	return {
		env,
		opts,
		pages,
		folders: { small, big, scaleBig },
		editor: editorUser,
		staticImages,
		log,
	};
}

async function main(): Promise< number > {
	log(
		opts.smoke
			? 'smoke mode: every scenario once, tiny sizes, no timing judged'
			: `full run: N = ${ opts.n }, warm-up ${ opts.warmup }, ${ opts.samples } samples`
	);
	const env = await startEnvironment( opts, log );
	for ( const signal of [ 'SIGINT', 'SIGTERM' ] as const ) {
		process.once( signal, () => {
			log( `${ signal }: stopping the server and the sandbox` );
			env.stop().finally( () => process.exit( 130 ) );
		} );
	}
	const results: ScenarioResult[] = [];
	const failures: string[] = [];
	try {
		const ctx = await setUp( env );
		for ( const [ id, run ] of chosen ) {
			log( `scenario ${ id }` );
			try {
				const result = await run( ctx );
				results.push( result );
				const found = problems( result );
				if ( found.length ) {
					failures.push( `${ id }: ${ found.join( '; ' ) }` );
				}
			} catch ( error ) {
				failures.push(
					`${ id }: ${ ( error as Error ).stack ?? error }`
				);
			}
		}
		// Smoke: the two-node load runs in npm test's hosting stage instead
		// (tools/production-stack/nodes-stage.ts); starting the stack here
		// would cost more than the whole smoke run.
		if (
			! opts.smoke &&
			( ! only || only.includes( 'production-stack' ) )
		) {
			log(
				'production stack (scenarios 1, 3 and the cold view again, then the two-node load)'
			);
			try {
				for ( const result of await productionStack( ctx, results ) ) {
					results.push( result );
					const found = problems( result );
					if ( found.length ) {
						failures.push(
							`${ result.id }: ${ found.join( '; ' ) }`
						);
					}
				}
			} catch ( error ) {
				failures.push(
					`production stack: ${ ( error as Error ).stack ?? error }`
				);
			}
		}
	} finally {
		await env.stop();
	}
	const seconds = ( Date.now() - started ) / 1000;
	const header = [
		`# Customer Cloud Gallery bench${ opts.smoke ? ' (smoke: numbers are not meaningful)' : '' }`,
		'',
		`${ new Date().toISOString() } · ${ os.cpus().length } cores · node ${ process.version } · WordPress 7.1 on PHP's built-in server (${ opts.workers } workers) · N = ${ opts.n } · ${ opts.samples } samples after ${ opts.warmup } warm-up · medians · ${ seconds.toFixed( 0 ) } s`,
		'',
	].join( '\n' );
	process.stdout.write(
		header +
			'\n' +
			results
				.map( ( r, i ) => formatScenario( r, i + 1 ) )
				.join( '\n\n' ) +
			'\n'
	);
	writeJson( opts.jsonFile, {
		date: new Date().toISOString(),
		smoke: opts.smoke,
		seconds,
		options: opts,
		results,
		failures,
	} );
	log(
		`results written to ${ path.relative( process.cwd(), opts.jsonFile ) }`
	);
	if ( failures.length ) {
		process.stderr.write(
			`\nFAILED:\n${ failures.map( ( f ) => `- ${ f }` ).join( '\n' ) }\n`
		);
		return 1;
	}
	return 0;
}

main().then(
	( code ) => process.exit( code ),
	( error ) => {
		process.stderr.write(
			`bench failed: ${ ( error as Error ).stack ?? error }\n`
		);
		process.exit( 1 );
	}
);
