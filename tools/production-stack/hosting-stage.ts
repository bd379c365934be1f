/**
 * `npm test`'s hosting stages: the production-like stack (MariaDB, Redis,
 * PHP-FPM) with its own sandbox clouds, and per web server (nginx, Apache)
 * a site on it that runs the object-cache drop-in's tests, the plugin's
 * hosting-dependent PHPUnit tests, the static-thumbnail check and the
 * public-gallery end-to-end test.
 *
 * Ports: CCG_TEST_HOSTING_PORT (default 8920) is the sandbox's base (+0..+9),
 * MariaDB +10, Redis +11, nginx +12, Apache +13; the multisite network +20
 * (multisite-stage.ts), the release-zip site +21 (zip-check.ts), the two
 * nodes' balancer +23 and the nodes +24, +25 (nodes-stage.ts).
 */
import path from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox-cloud/src/index';
import { startStack, type Stack, type WebServerKind } from './stack';
import { ensureStackSite, resetStackSite, type StackSite } from './site';
import { staticThumbnailsServedWithoutPhp } from './static-check';
import { cacheFolderNotListed } from './listing-check';
import { multisitePort, multisiteStages } from './multisite-stage';
import { releaseZipInstallsOnMariaDb } from './zip-check';
import { twoNodeStages } from './nodes-stage';

export type StageRunner = (
	name: string,
	body: () => Promise< number | boolean >
) => Promise< boolean >;

type Run = (
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv }
) => Promise< number >;

export function hostingPorts() {
	const base = Number( process.env.CCG_TEST_HOSTING_PORT ?? 8920 );
	if ( ! Number.isInteger( base ) || base < 1024 || base > 65520 ) {
		throw new Error(
			`CCG_TEST_HOSTING_PORT=${ process.env.CCG_TEST_HOSTING_PORT } is not a port number.`
		);
	}
	return {
		sandbox: base,
		mariadb: base + 10,
		redis: base + 11,
		nginx: base + 12,
		apache: base + 13,
	};
}

export async function hostingStages(
	root: string,
	stage: StageRunner,
	run: Run,
	{ built }: { built: boolean }
): Promise< void > {
	const ports = hostingPorts();
	let sandbox: Sandbox | undefined;
	let stack: Stack | undefined;
	const sites: Partial< Record< WebServerKind, StackSite > > = {};
	let constants: Record< string, string > = {};
	try {
		const up = await stage(
			'hosting: stack (MariaDB, Redis, PHP-FPM, sandbox clouds)',
			async () => {
				sandbox = await startSandbox( {
					basePort: ports.sandbox,
					dataDir: path.join( root, '.local/test/hosting-sandbox' ),
					log: () => {},
				} );
				stack = await startStack( 'test', {
					mariadb: ports.mariadb,
					redis: ports.redis,
				} );
				constants = {
					CCG_DROPBOX_AUTH_BASE: sandbox.dropbox.authBase,
					CCG_DROPBOX_API_BASE: sandbox.dropbox.apiBase,
					CCG_DROPBOX_CONTENT_BASE: sandbox.dropbox.contentBase,
					CCG_GOOGLE_AUTH_BASE: sandbox.google.authBase,
					CCG_GOOGLE_TOKEN_BASE: sandbox.google.tokenBase,
					CCG_GOOGLE_API_BASE: sandbox.google.apiBase,
				};
				for ( const [ kind, redisDatabase ] of [
					[ 'nginx', 1 ],
					[ 'apache', 2 ],
				] as const ) {
					sites[ kind ] = await ensureStackSite(
						{
							name: `hosting-${ kind }`,
							port: ports[ kind ],
							redisDatabase,
							constants,
						},
						stack.db,
						stack.redis
					);
				}
				await sandbox.allowGoogleRedirects(
					Object.values( sites ).map( ( site ) => site.url )
				);
				return true;
			}
		);
		if ( ! up || ! stack || ! sandbox ) {
			return;
		}
		for ( const kind of [ 'nginx', 'apache' ] as const ) {
			const site = sites[ kind ] as StackSite;
			const env = {
				CCG_WP_PATH: site.dir,
				CCG_WP_VERSION: site.version,
				CCG_SANDBOX_CONTROL: sandbox.controlBase,
				WP_BASE_URL: site.url,
				WP_USERNAME: site.adminUser,
				WP_PASSWORD: site.adminPassword,
			};
			const activeStack = stack;
			await resetStackSite( site, activeStack.db, activeStack.redis );
			const server = await activeStack.serve( site, kind );
			try {
				if ( kind === 'nginx' ) {
					await stage( 'hosting: object-cache drop-in (Redis)', () =>
						run(
							'phpunit',
							[ '-c', 'tests/hosting/phpunit.xml.dist' ],
							{ cwd: root, env }
						)
					);
				}
				await stage(
					`hosting (${ kind }): phpunit locks, refresh, listings, images`,
					() =>
						run(
							'phpunit',
							[ '-c', 'tests/hosting/phpunit-plugin.xml.dist' ],
							{ cwd: root, env }
						)
				);
				await stage(
					`hosting (${ kind }): static thumbnails without PHP`,
					() => staticThumbnailsServedWithoutPhp( site )
				);
				if ( built ) {
					await resetStackSite(
						site,
						activeStack.db,
						activeStack.redis
					);
					await stage(
						`hosting (${ kind }): e2e public gallery`,
						() =>
							run(
								path.join(
									root,
									'node_modules/.bin/playwright'
								),
								[ 'test', 'tests/e2e/public-gallery.spec.ts' ],
								{
									cwd: root,
									env: {
										...env,
										STORAGE_STATE_PATH: path.join(
											root,
											`artifacts/storage-states/admin-hosting-${ kind }.json`
										),
									},
								}
							)
					);
				}
				if ( kind === 'apache' ) {
					await stage(
						'hosting (apache, AllowOverride All): cache folder not listed',
						() => cacheFolderNotListed( site, 'AllowOverride All' )
					);
				}
			} finally {
				await server.stop();
			}
			if ( kind === 'apache' ) {
				// The least WordPress needs: a directive the host does not
				// allow in .htaccess would be a 500 for every thumbnail.
				const minimal = await activeStack.serve( site, kind, {
					allowOverride: 'FileInfo',
				} );
				try {
					await stage(
						'hosting (apache, AllowOverride FileInfo): cache folder not listed, missing files reach WordPress',
						() =>
							cacheFolderNotListed(
								site,
								'AllowOverride FileInfo'
							)
					);
				} finally {
					await minimal.stop();
				}
			}
		}
		if ( built ) {
			const activeStack = stack;
			await stage( 'hosting: release zip installs on MariaDB', () =>
				releaseZipInstallsOnMariaDb( root, activeStack, {
					name: 'hosting-zip',
					port: ports.sandbox + 21,
					redisDatabase: 4,
					constants,
				} )
			);
		}
		await multisiteStages( root, stage, run, {
			stack,
			port: multisitePort( ports.sandbox ),
			redisDatabase: 3,
			constants,
			sandboxControl: sandbox.controlBase,
		} );
		await twoNodeStages( stage, stack, sandbox, ports.sandbox );
	} finally {
		await stack?.stop();
		await sandbox?.stop();
	}
}
