/**
 * External dependencies
 */
import { defineConfig } from '@playwright/test';

/**
 * Internal dependencies
 */
import { chromiumLaunch } from './tools/chromium';

/**
 * End-to-end tests in Debian's Chromium (no browser download). `npm test`
 * runs them against WordPress 7.1 and, tagged @smoke, against 6.8; it sets
 * WP_BASE_URL, WP_USERNAME, WP_PASSWORD and STORAGE_STATE_PATH.
 */
const storageState =
	process.env.STORAGE_STATE_PATH ?? 'artifacts/storage-states/admin.json';

export default defineConfig( {
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	globalSetup: require.resolve( './tests/e2e/global-setup.ts' ),
	// One WordPress on SQLite behind PHP's built-in server: tests run one at
	// a time so they never race on the same database rows.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [ [ 'list' ] ] : [ [ 'list' ] ],
	use: {
		baseURL: process.env.WP_BASE_URL ?? 'http://localhost:8888',
		storageState,
		headless: true,
		viewport: { width: 1280, height: 900 },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromiumLaunch.executablePath,
			args: [ ...chromiumLaunch.args ],
		},
	},
} );
