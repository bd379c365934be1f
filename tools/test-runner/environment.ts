import path from 'node:path';

import {
	ensureSite,
	resetSite,
	startServer,
	type RunningServer,
	type Site,
	type WordPressVersion,
} from '../local-wordpress/index';
import { startSandbox, type Sandbox } from '../sandbox-cloud/src/index';

/**
 * Ports and folders of the test environment: distinct from `npm start`'s
 * (8888/8890, .local/sites/dev) so both can run at once.
 */
export const TEST_PORTS = {
	sandbox: Number( process.env.CCG_TEST_SANDBOX_PORT ?? 8910 ),
	zip: Number( process.env.CCG_TEST_PORT_ZIP ?? 8903 ),
	wordpress: {
		'7.1': Number( process.env.CCG_TEST_PORT_7_1 ?? 8901 ),
		'6.8': Number( process.env.CCG_TEST_PORT_6_8 ?? 8902 ),
	} satisfies Record< WordPressVersion, number >,
};

export interface TestEnvironment {
	sandbox: Sandbox;
	sites: Record< WordPressVersion, Site >;
}

export async function startTestEnvironment(
	root: string
): Promise< TestEnvironment > {
	const sandbox = await startSandbox( {
		basePort: TEST_PORTS.sandbox,
		dataDir: path.join( root, '.local/test/sandbox' ),
		log: () => {},
	} );
	const constants = {
		CCG_DROPBOX_AUTH_BASE: sandbox.dropbox.authBase,
		CCG_DROPBOX_API_BASE: sandbox.dropbox.apiBase,
		CCG_DROPBOX_CONTENT_BASE: sandbox.dropbox.contentBase,
		CCG_GOOGLE_AUTH_BASE: sandbox.google.authBase,
		CCG_GOOGLE_TOKEN_BASE: sandbox.google.tokenBase,
		CCG_GOOGLE_API_BASE: sandbox.google.apiBase,
	};
	const sites = {} as Record< WordPressVersion, Site >;
	for ( const version of [ '7.1', '6.8' ] as const ) {
		sites[ version ] = await ensureSite( {
			name: `test-${ version }`,
			version,
			port: TEST_PORTS.wordpress[ version ],
			constants,
		} );
	}
	// The default Google client knows both sites' redirect URIs (tests may register their own clients too).
	await sandbox.allowGoogleRedirects(
		Object.values( sites ).map( ( site ) => site.url )
	);
	return { sandbox, sites };
}

/**
 * Environment variables that tell PHPUnit and Playwright where things are.
 */
export function testEnv(
	environment: TestEnvironment,
	site: Site
): NodeJS.ProcessEnv {
	return {
		CCG_WP_PATH: site.dir,
		CCG_WP_VERSION: site.version,
		CCG_SANDBOX_CONTROL: environment.sandbox.controlBase,
		WP_BASE_URL: site.url,
		WP_USERNAME: site.adminUser,
		WP_PASSWORD: site.adminPassword,
	};
}

export async function withServer< T >(
	site: Site,
	body: ( server: RunningServer ) => Promise< T >
): Promise< T > {
	await resetSite( site );
	const server = await startServer( site );
	try {
		return await body( server );
	} finally {
		await server.stop();
	}
}
