/**
 * The hosting stages on two web nodes: the site `hosting-nodes` behind the
 * balancer on CCG_TEST_HOSTING_PORT + 23, nodes on + 24 and + 25, once
 * with shared uploads and once with separate ones (across-nodes.ts). With
 * shared uploads the load test of `npm run bench` also runs here in smoke
 * size: starting the stack inside bench:smoke would cost more than the
 * whole smoke run.
 */
import { formatScenario } from '../bench/report';
import { problems } from '../bench/results';
import { loadAcrossNodes } from '../bench/scenarios/load';
import { SandboxControl, type Sandbox } from '../sandbox-cloud/src/index';
import { acrossNodes } from './across-nodes';
import type { StageRunner } from './hosting-stage';
import { publishGalleries, trustBalancer } from './node-galleries';
import { startNodes, type UploadsMode } from './nodes';
import { ensureStackSite, resetStackSite } from './site';
import type { Stack } from './stack';

const GALLERIES = 5;
const PER_PAGE = 6;
/** Two pages: the load test's second half browses on to page 2. */
const PHOTOS = 2 * PER_PAGE;
export const LOAD_SMOKE = { visitors: 10, seconds: 5 };

export async function twoNodeStages(
	stage: StageRunner,
	stack: Stack,
	sandbox: Sandbox,
	sandboxBase: number
): Promise< void > {
	const balancer = sandboxBase + 23;
	const log = ( line: string ) => console.log( `  ${ line }` );
	for ( const mode of [ 'shared', 'separate' ] as UploadsMode[] ) {
		await stage(
			`hosting (two nginx nodes, ${ mode } uploads): one listing, one fetch per thumbnail${ mode === 'separate' ? ' per disk' : '' }, one token refresh${ mode === 'shared' ? ', load smoke' : '' }`,
			async () => {
				const site = await ensureStackSite(
					{
						name: 'hosting-nodes',
						port: balancer,
						redisDatabase: 5,
						constants: {
							CCG_DROPBOX_AUTH_BASE: sandbox.dropbox.authBase,
							CCG_DROPBOX_API_BASE: sandbox.dropbox.apiBase,
							CCG_DROPBOX_CONTENT_BASE:
								sandbox.dropbox.contentBase,
							CCG_GOOGLE_AUTH_BASE: sandbox.google.authBase,
							CCG_GOOGLE_TOKEN_BASE: sandbox.google.tokenBase,
							CCG_GOOGLE_API_BASE: sandbox.google.apiBase,
						},
					},
					stack.db,
					stack.redis
				);
				await resetStackSite( site, stack.db, stack.redis );
				trustBalancer( site );
				const nodes = await startNodes( stack, site, {
					mode,
					nodePorts: [ balancer + 1, balancer + 2 ],
				} );
				try {
					const world = {
						site,
						sandbox,
						control: new SandboxControl( sandbox.controlBase ),
					};
					const galleries = await publishGalleries(
						world,
						GALLERIES,
						PHOTOS,
						PER_PAGE
					);
					if (
						! ( await acrossNodes( world, nodes, galleries, log ) )
					) {
						return false;
					}
					if ( mode !== 'shared' ) {
						return true;
					}
					const load = await loadAcrossNodes(
						world,
						nodes,
						galleries,
						LOAD_SMOKE,
						log
					);
					console.log( formatScenario( load, 7 ) );
					const found = problems( load );
					found.forEach( ( p ) => log( `FAILED: ${ p }` ) );
					return found.length === 0;
				} finally {
					await nodes.stop();
				}
			}
		);
	}
}
