/**
 * The bench on the production-like stack (tools/production-stack): the
 * warm render (scenario 1), the image scenario (3) and the cold first view
 * in Chromium (the cold-browser scenario), unchanged, against
 * a site on nginx + PHP-FPM + MariaDB + Redis instead of PHP's built-in
 * server on SQLite, printed beside the built-in figures; then the same
 * site on two nginx + PHP-FPM nodes behind a balancer for the load test
 * (scenario 7, load.ts). Shares the bench's sandbox Dropbox.
 *
 * Ports: CCG_BENCH_STACK_PORT (default 8950): MariaDB, Redis +1, the site
 * (one nginx, later the balancer) +2, the two nodes +3 and +4.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	makeFolders,
	publishGalleries,
	trustBalancer,
} from '../../production-stack/node-galleries';
import { startNodes } from '../../production-stack/nodes';
import { ensureStackSite, resetStackSite } from '../../production-stack/site';
import { startStack } from '../../production-stack/stack';
import { connectDropbox, findFolder } from '../connect';
import { benchFolderPath, type Environment } from '../environment';
import { createPages, importMedia } from '../fixtures';
import { checkStaticImages } from '../php';
import { scenario, type ScenarioResult } from '../results';
import type { WpUser } from '../wp-client';
import { coldBrowser } from './cold-browser';
import type { BenchContext } from './context';
import { images } from './images';
import { loadAcrossNodes } from './load';
import { warmRender } from './warm-render';

export const STACK_LABEL = 'nginx + PHP-FPM, MariaDB + Redis';
const BUILT_IN_LABEL = "PHP's built-in server, SQLite";
const LOAD = { visitors: 100, seconds: 60, galleries: 5, perPage: 20 };

function ports() {
	const base = Number( process.env.CCG_BENCH_STACK_PORT ?? 8950 );
	if ( ! Number.isInteger( base ) || base < 1024 || base > 65530 ) {
		throw new Error(
			`CCG_BENCH_STACK_PORT=${ process.env.CCG_BENCH_STACK_PORT } is not a port number.`
		);
	}
	return {
		mariadb: base,
		redis: base + 1,
		site: base + 2,
		nodes: [ base + 3, base + 4 ],
	};
}

/** The same scenario measured on the stack: its id and title say so. */
function onStack( result: ScenarioResult ): ScenarioResult {
	return {
		...result,
		id: `stack-${ result.id }`,
		title: `${ result.title }, on ${ STACK_LABEL }`,
	};
}

/** The ratios of scenarios 1 and 3 on both servers, side by side. */
function beside(
	builtIn: ScenarioResult[],
	stack: ScenarioResult[]
): ScenarioResult {
	const result = scenario(
		'stack-beside-built-in',
		`Ratios on both servers (scenarios 1 and 3): ${ BUILT_IN_LABEL } / ${ STACK_LABEL }`
	);
	for ( const id of [ 'warm-render', 'images' ] ) {
		const a = builtIn.find( ( r ) => r.id === id );
		const b = stack.find( ( r ) => r.id === `stack-${ id }` );
		for ( const r of a?.ratios ?? [] ) {
			const other = b?.ratios.find( ( x ) => x.label === r.label );
			if ( other ) {
				result.rows.push( {
					label: r.label,
					values: {
						[ BUILT_IN_LABEL ]: r.value,
						[ STACK_LABEL ]: other.value,
					},
				} );
				result.ratios.push( {
					label: `${ r.label }, ${ STACK_LABEL }`,
					value: other.value,
				} );
			}
		}
	}
	return result;
}

export async function productionStack(
	ctx: BenchContext,
	builtIn: ScenarioResult[]
): Promise< ScenarioResult[] > {
	const { opts, log } = ctx;
	const { sandbox, control } = ctx.env;
	const p = ports();
	log(
		`production stack: MariaDB :${ p.mariadb }, Redis :${ p.redis }, site :${ p.site }`
	);
	const stack = await startStack( 'bench', {
		mariadb: p.mariadb,
		redis: p.redis,
	} );
	const results: ScenarioResult[] = [];
	try {
		const site = await ensureStackSite(
			{
				name: 'bench-stack',
				port: p.site,
				redisDatabase: 1,
				constants: {
					CCG_DROPBOX_AUTH_BASE: sandbox.dropbox.authBase,
					CCG_DROPBOX_API_BASE: sandbox.dropbox.apiBase,
					CCG_DROPBOX_CONTENT_BASE: sandbox.dropbox.contentBase,
					CCG_GOOGLE_AUTH_BASE: sandbox.google.authBase,
					CCG_GOOGLE_TOKEN_BASE: sandbox.google.tokenBase,
					CCG_GOOGLE_API_BASE: sandbox.google.apiBase,
					DISABLE_WP_CRON: true,
				},
			},
			stack.db,
			stack.redis
		);
		await resetStackSite( site, stack.db, stack.redis );
		// Scenario 7 connects Google Drive here too: the Cloud Console
		// client accepts this site's redirect URI beside the bench site's.
		await sandbox.allowGoogleRedirects( [ ctx.env.site.url, site.url ] );
		fs.rmSync( path.join( site.dir, 'wp-content/uploads' ), {
			recursive: true,
			force: true,
		} );
		// As on the built-in site (environment.ts): one load generator's misses are not a crawler's.
		const budget = path.join(
			site.dir,
			'wp-content/mu-plugins/bench-miss-budget.php'
		);
		fs.writeFileSync(
			budget,
			"<?php\nadd_filter( 'ccg_image_miss_budget', '__return_zero' );\n"
		);
		const server = await stack.serve( site, 'nginx' );
		let admin: WpUser | undefined;
		try {
			const env: Environment = {
				sandbox,
				control,
				site,
				server: { url: site.url, stop: server.stop },
				stop: server.stop,
			};
			log(
				'production stack: connecting Dropbox, importing media, creating the pages'
			);
			// The load's folders first: the site caches the folders it lists.
			makeFolders( sandbox.libraryDir, LOAD.galleries, 2 * LOAD.perPage );
			admin = await connectDropbox( env );
			const small = await findFolder( admin, benchFolderPath( opts.n ) );
			const big = await findFolder( admin, '/Scale/5000 photos' );
			const media = await importMedia( env, opts );
			const stackCtx: BenchContext = {
				...ctx,
				env,
				pages: await createPages( env, opts, { small, big }, media ),
				folders: { ...ctx.folders, small, big },
				editor: admin,
				staticImages: await checkStaticImages( site ),
			};
			for ( const [ id, run ] of [
				[ 'warm-render', warmRender ],
				[ 'images', images ],
				[ 'cold-browser', coldBrowser ],
			] as const ) {
				log( `scenario ${ id } on the production stack` );
				results.push( onStack( await run( stackCtx ) ) );
			}
		} finally {
			await server.stop();
		}
		// `--only production-stack` ran no built-in scenario to set beside.
		const side = beside( builtIn, results );
		if ( side.rows.length ) {
			results.push( side );
		}

		// Visitors are counted by address again, as on a real site behind a balancer.
		fs.rmSync( budget, { force: true } );
		trustBalancer( site );
		const nodes = await startNodes( stack, site, {
			mode: 'shared',
			nodePorts: p.nodes,
		} );
		try {
			const world = { site, sandbox, control };
			log(
				`production stack: two nodes behind the balancer, ${ LOAD.galleries } galleries of ${ 2 * LOAD.perPage } photos`
			);
			const galleries = await publishGalleries(
				world,
				LOAD.galleries,
				2 * LOAD.perPage,
				LOAD.perPage,
				admin
			);
			results.push(
				await loadAcrossNodes( world, nodes, galleries, LOAD, log )
			);
		} finally {
			await nodes.stop();
		}
	} finally {
		await stack.stop();
	}
	return results;
}
