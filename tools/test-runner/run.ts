/**
 * `npm test`: every check in one command. Each stage runs even when an
 * earlier one failed (except those that need the environment), and the run
 * ends with a summary and a non-zero exit code on any failure.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
	startTestEnvironment,
	TEST_PORTS,
	testEnv,
	withServer,
	type TestEnvironment,
} from './environment';
import { repositoryPhpFiles } from './php-files';
import { pluginZipInstalls } from './plugin-zip';
import { hostingStages } from '../production-stack/hosting-stage';
import { run } from './process';

const root = path.resolve( __dirname, '../..' );
const bin = ( name: string ) => path.join( root, 'node_modules/.bin', name );

interface Result {
	stage: string;
	ok: boolean;
	seconds: number;
}
const results: Result[] = [];

const selected = ( process.env.CCG_TEST_STAGES ?? '' )
	.split( ',' )
	.map( ( s ) => s.trim() )
	.filter( Boolean );
const wanted = ( name: string ) =>
	selected.length === 0 || selected.some( ( s ) => name.startsWith( s ) );

async function stage(
	name: string,
	body: () => Promise< number | boolean >,
	{ always = false }: { always?: boolean } = {}
): Promise< boolean > {
	if ( ! always && ! wanted( name ) ) {
		return true;
	}
	console.log( `\n━━━ ${ name } ━━━` );
	const started = Date.now();
	let ok = false;
	try {
		const outcome = await body();
		ok = outcome === true || outcome === 0;
	} catch ( error ) {
		console.error( error );
	}
	const seconds = ( Date.now() - started ) / 1000;
	results.push( { stage: name, ok, seconds } );
	console.log(
		`━━━ ${ name }: ${ ok ? 'passed' : 'FAILED' } (${ seconds.toFixed( 1 ) } s)`
	);
	return ok;
}

/** Node test files of the dev tooling (no shell, so no glob expansion). */
function toolingTests(): string[] {
	return [
		'tools/sandbox-cloud/test',
		'tools/local-wordpress/test',
		'tools/production-stack/test',
	].flatMap( ( dir ) =>
		readdirSync( path.join( root, dir ) )
			.filter( ( file ) => file.endsWith( '.test.ts' ) )
			.map( ( file ) => path.join( dir, file ) )
	);
}

async function phpLint(): Promise< boolean > {
	let ok = true;
	const files = repositoryPhpFiles( root );
	for ( const file of files ) {
		if (
			( await run( 'php', [ '-l', '-d', 'display_errors=stderr', file ], {
				cwd: root,
			} ) ) !== 0
		) {
			ok = false;
		}
	}
	console.log( `${ files.length } PHP files checked.` );
	return ok;
}

/**
 * PHP warnings or fatals that the plugin caused during the browser tests.
 */
async function debugLogIsClean( logFile: string ): Promise< boolean > {
	const log = await readFile( logFile, 'utf8' ).catch( () => '' );
	const problems = log
		.split( '\n' )
		.filter( ( line ) =>
			/PHP (Warning|Fatal|Parse|Notice|Deprecated)/.test( line )
		)
		.filter( ( line ) => line.includes( 'customer-cloud-gallery' ) );
	for ( const line of problems ) {
		console.error( line );
	}
	return problems.length === 0;
}

async function main(): Promise< void > {
	await stage( 'lint:js', () =>
		run( bin( 'wp-scripts' ), [ 'lint-js' ], { cwd: root } )
	);
	await stage( 'lint:css', () =>
		run(
			bin( 'wp-scripts' ),
			[ 'lint-style', 'blocks/**/*.scss', 'src/**/*.scss' ],
			{ cwd: root }
		)
	);
	await stage( 'types (tsc --noEmit)', () =>
		run( bin( 'tsc' ), [ '--noEmit' ], { cwd: root } )
	);
	await stage( 'php -l', phpLint );
	await stage( 'jest', () =>
		run( bin( 'wp-scripts' ), [ 'test-unit-js' ], { cwd: root } )
	);
	const built = await stage( 'build', () =>
		run( bin( 'wp-scripts' ), [ 'build' ], { cwd: root } )
	);
	if ( built ) {
		await stage( 'plugin zip installs into a clean WordPress', () =>
			pluginZipInstalls( root, TEST_PORTS.zip )
		);
	}
	await stage( 'tooling tests (sandbox contract, local WordPress)', () =>
		run( bin( 'tsx' ), [ '--test', ...toolingTests() ], { cwd: root } )
	);

	let environment: TestEnvironment | undefined;
	const needsEnvironment =
		selected.length === 0 ||
		selected.some( ( s ) =>
			/^(environment|conformance|phpunit|e2e)/.test( s )
		);
	if ( needsEnvironment ) {
		await stage(
			'environment (sandbox Dropbox and Google, WordPress 7.1 and 6.8)',
			async () => {
				environment = await startTestEnvironment( root );
				return true;
			},
			{ always: true }
		);
	}
	try {
		if ( environment ) {
			const env = environment;
			// The plugin's provider requests against the official clients',
			// on both WordPress HTTP transports (tests/conformance/). It
			// loads the 7.1 site from PHP, so no web server is needed; it
			// removes the app and client it registers and stops recording.
			await stage( 'conformance (plugin vs official clients)', () =>
				run(
					bin( 'tsx' ),
					[ '--test', 'tests/conformance/conformance.test.ts' ],
					{ cwd: root, env: testEnv( env, env.sites[ '7.1' ] ) }
				)
			);
			for ( const version of [ '7.1', '6.8' ] as const ) {
				const site = env.sites[ version ];
				// Some PHPUnit tests request the site over HTTP (image
				// endpoint, a visitor's page view), so the server runs too.
				await stage( `phpunit (WordPress ${ version })`, () =>
					withServer( site, () =>
						run(
							'phpunit',
							[
								'-c',
								'tests/php/phpunit.xml.dist',
								// While working on a test: CCG_PHPUNIT_ARGS="--filter Name"
								...( process.env.CCG_PHPUNIT_ARGS ?? '' )
									.split( ' ' )
									.filter( Boolean ),
							],
							{
								cwd: root,
								env: testEnv( env, site ),
							}
						)
					)
				);
			}
			if ( built ) {
				for ( const version of [ '7.1', '6.8' ] as const ) {
					const site = env.sites[ version ];
					const smoke = version === '6.8';
					await stage(
						`e2e (WordPress ${ version }${ smoke ? ', smoke' : '' })`,
						() =>
							withServer( site, async () => {
								const code = await run(
									bin( 'playwright' ),
									[
										'test',
										...( smoke
											? [ '--grep', '@smoke' ]
											: [] ),
										// While working on a spec: CCG_E2E_SPECS=tests/e2e/x.spec.ts
										...( process.env.CCG_E2E_SPECS ?? '' )
											.split( ' ' )
											.filter( Boolean ),
									],
									{
										cwd: root,
										env: {
											...testEnv( env, site ),
											STORAGE_STATE_PATH: path.join(
												root,
												`artifacts/storage-states/admin-${ version }.json`
											),
										},
									}
								);
								return (
									code === 0 &&
									( await debugLogIsClean( site.debugLog ) )
								);
							} )
					);
				}
			}
		}
	} finally {
		await environment?.sandbox.stop();
	}

	// The production-like stack (tools/production-stack): MariaDB, Redis,
	// nginx and Apache in front of PHP-FPM, with its own sandbox.
	if (
		selected.length === 0 ||
		selected.some(
			( s ) => s.startsWith( 'hosting' ) || 'hosting'.startsWith( s )
		)
	) {
		await hostingStages( root, stage, run, { built } );
	}

	// The benchmark harness in smoke mode: every scenario once, tiny sizes,
	// no timing asserted; it fails only if a scenario yields no numbers.
	if ( built ) {
		await stage( 'bench (smoke)', () =>
			run( bin( 'tsx' ), [ 'tools/bench/run.ts', '--smoke' ], {
				cwd: root,
			} )
		);
	}

	console.log( '\nSummary' );
	for ( const r of results ) {
		console.log(
			`  ${ r.ok ? 'passed' : 'FAILED' }  ${ r.stage } (${ r.seconds.toFixed( 1 ) } s)`
		);
	}
	const failed = results.filter( ( r ) => ! r.ok ).length;
	console.log(
		`stages: ${ results.length - failed } passed, ${ failed } failed`
	);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch( ( error ) => {
	console.error( error );
	process.exitCode = 1;
} );
