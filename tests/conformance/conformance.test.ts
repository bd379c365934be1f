/**
 * The differential conformance suite (issue #12): every provider call the
 * plugin makes, once through the plugin (PHP, on each WordPress HTTP
 * transport) and once through the official client, recorded by the sandbox
 * as received and compared. Needs CCG_WP_PATH (a test site wired to the
 * sandbox) and CCG_SANDBOX_CONTROL; `npm test` provides both.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { SandboxControl } from '../../tools/sandbox-cloud/src/control-client';
import type { LibraryManifest } from '../../tools/sandbox-cloud/src/library/manifest';
import type { RecordedRequest } from '../../tools/sandbox-cloud/src/shared/recorder';
import { type AllowEntry, applies, canonical, differences } from './compare';
import { dropboxCode, googleCode } from './consent';
import { runDropboxSdk } from './official-dropbox';
import { runGoogleClient } from './official-google';
import {
	dropboxScenario,
	googleScenario,
	type SideReport,
	type Step,
} from './scenario';

const TRANSPORTS = [ 'curl', 'fsockopen' ] as const;
const allowlist = JSON.parse(
	readFileSync( path.join( __dirname, 'allowlist.json' ), 'utf8' )
) as { entries: AllowEntry[] };

const wpPath = process.env.CCG_WP_PATH ?? '';
const siteUrl = process.env.WP_BASE_URL ?? 'http://localhost:8888';
const control = new SandboxControl( process.env.CCG_SANDBOX_CONTROL ?? '' );
const scratch = mkdtempSync( path.join( tmpdir(), 'ccg-conformance-' ) );

interface Urls {
	dropbox: { authBase: string; apiBase: string; contentBase: string };
	google: { authBase: string; tokenBase: string; apiBase: string };
}
let urls: Urls;
let manifest: LibraryManifest;

/** Every request compared, for the check that no allowlist entry is stale. */
const seen: RecordedRequest[] = [];

async function recorded< T >(
	body: () => Promise< T >
): Promise< { result: T; requests: RecordedRequest[] } > {
	await control.startRecording();
	try {
		const result = await body();
		const requests = await control.recordings();
		seen.push( ...requests );
		return { result, requests };
	} finally {
		await control.clearRecordings();
	}
}

async function plugin(
	provider: 'dropbox' | 'google',
	transport: string,
	setup: Record< string, string >,
	steps: Step[]
): Promise< SideReport & { transport: string } > {
	const file = path.join( scratch, `${ provider }-${ transport }.json` );
	writeFileSync(
		file,
		JSON.stringify( { provider, transport, setup, steps } )
	);
	const { stdout } = await promisify( execFile )(
		'php',
		[ path.join( __dirname, 'driver.php' ), file ],
		{ env: { ...process.env, CCG_WP_PATH: wpPath } }
	);
	return JSON.parse( stdout.slice( stdout.indexOf( '{' ) ) );
}

/**
 * Runs the scenario through the plugin on one transport and compares what
 * the sandbox received with the official client's run.
 * @param setup Credentials, redirect URI, and the code and verifier of a fresh consent.
 */
async function expectPluginSendsTheSame(
	provider: 'dropbox' | 'google',
	transport: string,
	setup: Record< string, string > & { code: string; verifier: string },
	steps: Step[],
	official: Side
): Promise< void > {
	const run = await recorded( () =>
		plugin( provider, transport, setup, steps )
	);
	assert.equal(
		run.result.transport,
		transport,
		'the transport the requests went through'
	);
	const problems = compare(
		{
			report: {
				...run.result,
				values: {
					...run.result.values,
					code: setup.code,
					verifier: setup.verifier,
				},
			},
			requests: run.requests,
		},
		official
	);
	assert.deepEqual( problems, [], `\n${ problems.join( '\n' ) }` );
}

function failedSteps( side: string, report: SideReport ): string[] {
	return report.steps
		.filter( ( s ) => ! s.ok )
		.map( ( s ) => `${ side } step ${ s.step } failed: ${ s.error }` );
}

/** One side's run: what it reported and what the sandbox received. */
interface Side {
	report: SideReport;
	requests: RecordedRequest[];
}

/**
 * Every difference between the two recordings, request by request.
 */
function compare( ours: Side, theirs: Side ): string[] {
	const problems = [
		...failedSteps( 'plugin', ours.report ),
		...failedSteps( 'official client', theirs.report ),
	];
	const count = Math.max( ours.requests.length, theirs.requests.length );
	for ( let i = 0; i < count; i++ ) {
		const a = ours.requests[ i ];
		const b = theirs.requests[ i ];
		if ( ! a || ! b ) {
			const only = ( a ?? b )!;
			problems.push(
				`request ${ i + 1 } only the ${ a ? 'plugin' : 'official client' } made: ${ only.method } ${ only.host } ${ only.url.split( '?' )[ 0 ] }`
			);
			continue;
		}
		for ( const [ side, request ] of [
			[ 'plugin', a ],
			[ 'official client', b ],
		] as const ) {
			if ( ! request.complete ) {
				problems.push(
					`request ${ i + 1 }: the ${ side }'s body did not arrive whole`
				);
			}
		}
		const lines = differences(
			canonical( a, ours.report.values, allowlist.entries ),
			canonical( b, theirs.report.values, allowlist.entries )
		);
		if ( lines.length ) {
			problems.push(
				`request ${ i + 1 } (${ a.method } ${ a.url.split( '?' )[ 0 ] }):\n    ${ lines.join( '\n    ' ) }`
			);
		}
	}
	return problems;
}

before( async () => {
	assert.ok( wpPath, 'CCG_WP_PATH must name the test site' );
	const info = ( await control.info() ) as unknown as Urls;
	urls = { dropbox: info.dropbox, google: info.google };
	const library = await control.library();
	assert.ok( library, 'the sandbox has no sample library' );
	manifest = library;
} );

after( async () => {
	await control.clearRecordings();
	rmSync( scratch, { recursive: true, force: true } );
} );

describe( 'Dropbox: the plugin sends what the official SDK sends', () => {
	const app = {
		key: 'ccgconformance',
		secret: 'ccgconformancesecret',
		name: 'Conformance',
		redirectUris: [
			`${ siteUrl }/wp-admin/admin-post.php?action=ccg_oauth_dropbox`,
		],
		accessType: 'full' as const,
		scopes: [
			'account_info.read',
			'files.metadata.read',
			'files.content.read',
		],
	};
	let official: Side;

	before( async () => {
		await control.registerApp( app );
		const steps = dropboxScenario( manifest );
		const { code } = await dropboxCode(
			urls.dropbox.authBase,
			app.key,
			app.redirectUris[ 0 ]!,
			false
		);
		const run = await recorded( () =>
			runDropboxSdk(
				{
					key: app.key,
					secret: app.secret,
					redirectUri: app.redirectUris[ 0 ]!,
					code,
					...urls.dropbox,
				},
				steps
			)
		);
		official = {
			report: {
				...run.result,
				values: { ...run.result.values, code },
			},
			requests: run.requests,
		};
	} );

	after( () => control.deleteApp( app.key ) );

	for ( const transport of TRANSPORTS ) {
		test( `on WordPress's ${ transport } transport`, async () => {
			const { code, verifier } = await dropboxCode(
				urls.dropbox.authBase,
				app.key,
				app.redirectUris[ 0 ]!,
				true
			);
			const setup = {
				key: app.key,
				secret: app.secret,
				redirectUri: app.redirectUris[ 0 ]!,
				code,
				verifier,
			};
			await expectPluginSendsTheSame(
				'dropbox',
				transport,
				setup,
				dropboxScenario( manifest ),
				official
			);
		} );
	}
} );

describe( 'Google: the plugin sends what the official Node client sends', () => {
	let client: { clientId: string; clientSecret: string };
	let redirectUri: string;
	let official: Side;

	before( async () => {
		redirectUri = `${ siteUrl }/wp-admin/admin-post.php?action=ccg_oauth_google`;
		client = await control.registerGoogleClient( {
			name: 'Conformance',
			redirectUris: [ redirectUri ],
		} );
		const { code, verifier } = await googleCode(
			urls.google.authBase,
			client.clientId,
			redirectUri
		);
		const run = await recorded( () =>
			runGoogleClient(
				{
					clientId: client.clientId,
					secret: client.clientSecret,
					redirectUri,
					code,
					verifier,
					tokenBase: urls.google.tokenBase,
					apiBase: urls.google.apiBase,
				},
				googleScenario( manifest )
			)
		);
		official = {
			report: {
				...run.result,
				values: { ...run.result.values, code, verifier },
			},
			requests: run.requests,
		};
	} );

	after( () => control.deleteGoogleClient( client.clientId ) );

	for ( const transport of TRANSPORTS ) {
		test( `on WordPress's ${ transport } transport`, async () => {
			const { code, verifier } = await googleCode(
				urls.google.authBase,
				client.clientId,
				redirectUri
			);
			const setup = {
				clientId: client.clientId,
				secret: client.clientSecret,
				redirectUri,
				code,
				verifier,
			};
			await expectPluginSendsTheSame(
				'google',
				transport,
				setup,
				googleScenario( manifest ),
				official
			);
		} );
	}
} );

test( 'every allowlist entry still matches a request the plugin makes', () => {
	const stale = allowlist.entries
		.filter( ( entry ) => ! seen.some( ( r ) => applies( entry, r ) ) )
		.map( ( entry ) => entry.id );
	assert.deepEqual( stale, [], 'remove or fix these entries' );
} );
