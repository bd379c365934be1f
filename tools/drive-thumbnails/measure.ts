/**
 * Measures a cold batch of Drive thumbnails against the sandbox Google with
 * 150 ms of latency on every call: one request at a time (concurrency 1)
 * against the default parallel waves (8). Not a test: it prints timings and
 * asserts nothing about them.
 *
 *   npx tsx tools/drive-thumbnails/measure.ts
 *
 * Uses `npm test`'s environment (its ports: CCG_TEST_SANDBOX_PORT,
 * CCG_TEST_PORT_7_1, …) and its WordPress 7.1 site; the PHP side is
 * DriveThumbnailTimings.php, run by PHPUnit for its sandbox helpers.
 */
import path from 'node:path';

import { startTestEnvironment, testEnv } from '../test-runner/environment';
import { run } from '../test-runner/process';

const root = path.resolve( __dirname, '../..' );

async function main(): Promise< number > {
	const environment = await startTestEnvironment( root );
	try {
		return await run(
			'phpunit',
			[
				'-c',
				'tests/php/phpunit.xml.dist',
				'tools/drive-thumbnails/DriveThumbnailTimings.php',
			],
			{
				cwd: root,
				env: testEnv( environment, environment.sites[ '7.1' ] ),
			}
		);
	} finally {
		await environment.sandbox.stop();
	}
}

main().then(
	( code ) => process.exit( code ),
	( error ) => {
		console.error( error );
		process.exit( 1 );
	}
);
