/**
 * Starts the sandbox clouds (Dropbox and Google) in the foreground:
 *   npx tsx tools/sandbox-cloud/cli.ts [--port 8890] [--data .local/sandbox]
 *     [--register-app key:secret:name:redirectUri]… [--access-type full|app_folder]
 *     [--scopes a,b,c] [--google-redirect-uri URI]… [--library DIR] [--small]
 *     [--synthetic] [--token-lifetime N] [--host 127.0.0.1] [--quiet]
 * Ctrl-C or SIGTERM stops it cleanly.
 */
import { resolve } from 'node:path';

import { startSandbox } from './src/index';
import type { SandboxApp } from './src/types';

const HELP = `Usage: npx tsx tools/sandbox-cloud/cli.ts [options]
  --port N             base port (default $CCG_SANDBOX_BASE_PORT or 8890); uses N..N+9
  --data DIR           data folder (default $CCG_SANDBOX_DATA_DIR or <repo>/.local/sandbox)
  --library DIR        photo library folder (default <data>/library, generated if missing)
  --register-app K:S:NAME:REDIRECT_URI
                       register (or update) an app; repeat to add apps or redirect URIs
  --access-type T      full (default) or app_folder, for apps given with --register-app
  --scopes A,B         submitted scopes for those apps (default: account_info.read,
                       files.metadata.read,files.content.read)
  --google-redirect-uri URI
                       add a redirect URI to the default Google client; repeatable
  --small              generate the library without the /Scale folders
  --synthetic          generate the library from synthesized images (no apt)
  --token-lifetime N   Dropbox access-token lifetime in seconds (default 14400)
  --host ADDR          bind address (default 127.0.0.1)
  --quiet              do not log each request`;

function parse( argv: string[] ): Map< string, string[] > {
	const out = new Map< string, string[] >();
	for ( let i = 0; i < argv.length; i++ ) {
		const arg = argv[ i ]!;
		if ( ! arg.startsWith( '--' ) ) {
			throw new Error( `unexpected argument: ${ arg }` );
		}
		const [ name, inline ] = arg.slice( 2 ).split( /=(.*)/s );
		const flag = [ 'small', 'synthetic', 'quiet', 'help' ].includes(
			name!
		);
		const value = flag ? 'true' : ( inline ?? argv[ ++i ] );
		if ( value === undefined ) {
			throw new Error( `--${ name } needs a value` );
		}
		out.set( name!, [ ...( out.get( name! ) ?? [] ), value ] );
	}
	return out;
}

function appsFrom(
	specs: string[],
	accessType: string,
	scopes: string[] | undefined
): SandboxApp[] {
	const apps = new Map< string, SandboxApp >();
	for ( const spec of specs ) {
		const m = /^([^:]+):([^:]+):([^:]+):(.+)$/.exec( spec );
		if ( ! m ) {
			throw new Error(
				`--register-app wants key:secret:name:redirectUri, got ${ spec }`
			);
		}
		const [ , key, secret, name, uri ] = m as unknown as [
			string,
			string,
			string,
			string,
			string,
		];
		const app = apps.get( key ) ?? {
			key,
			secret,
			name,
			redirectUris: [],
			accessType: accessType as SandboxApp[ 'accessType' ],
			scopes: scopes ?? [],
		};
		app.redirectUris.push( uri );
		apps.set( key, app );
	}
	return [ ...apps.values() ].map( ( app ) =>
		scopes
			? app
			: {
					...app,
					scopes: [
						'account_info.read',
						'files.metadata.read',
						'files.content.read',
					],
				}
	);
}

async function main(): Promise< void > {
	const args = parse( process.argv.slice( 2 ) );
	if ( args.has( 'help' ) ) {
		console.log( HELP );
		return;
	}
	const one = ( name: string ) => args.get( name )?.at( -1 );
	const repoRoot = resolve( __dirname, '..', '..' );
	const basePort = Number(
		one( 'port' ) ?? process.env.CCG_SANDBOX_BASE_PORT ?? 8890
	);
	const dataDir = resolve(
		one( 'data' ) ??
			process.env.CCG_SANDBOX_DATA_DIR ??
			resolve( repoRoot, '.local', 'sandbox' )
	);
	const quiet = args.has( 'quiet' );
	const started = Date.now();
	const sandbox = await startSandbox( {
		host: one( 'host' ),
		basePort,
		dataDir,
		libraryDir: one( 'library' ),
		tokenLifetimeSeconds: one( 'token-lifetime' )
			? Number( one( 'token-lifetime' ) )
			: undefined,
		library: {
			profile: args.has( 'small' ) ? 'small' : 'full',
			sources: args.has( 'synthetic' ) ? 'synthetic' : 'auto',
		},
		log: ( line ) => {
			if ( ! quiet || ! /^(dropbox|google) /.test( line ) ) {
				console.log( `[sandbox] ${ line }` );
			}
		},
	} );
	const apps = appsFrom(
		args.get( 'register-app' ) ?? [],
		one( 'access-type' ) ?? 'full',
		one( 'scopes' )?.split( ',' )
	);
	for ( const app of apps ) {
		await sandbox.registerApp( app );
		console.log(
			`[sandbox] registered app "${ app.name }" key=${ app.key } (${ app.accessType }) redirect URIs: ${ app.redirectUris.join( ' ' ) }`
		);
	}
	const googleUris = args.get( 'google-redirect-uri' ) ?? [];
	let google = sandbox.defaultGoogleClient();
	if ( googleUris.length ) {
		google = await sandbox.registerGoogleClient( {
			clientId: google.clientId,
			redirectUris: [
				...new Set( [ ...google.redirectUris, ...googleUris ] ),
			],
		} );
	}
	console.log( `Sandbox clouds ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s
  Dropbox
    www (authorize)   ${ sandbox.dropbox.authBase }
    api               ${ sandbox.dropbox.apiBase }
    content           ${ sandbox.dropbox.contentBase }
    temporary links   ${ sandbox.dropbox.linkBase }
  Google
    accounts (auth)   ${ sandbox.google.authBase }
    oauth2 (token)    ${ sandbox.google.tokenBase }
    api (Drive)       ${ sandbox.google.apiBase }
    thumbnails        ${ sandbox.google.thumbBase }
    default client    ${ google.clientId }
    client secret     ${ google.clientSecret }
    redirect URIs     ${ google.redirectUris.join( ' ' ) || '(none yet: --google-redirect-uri)' }
  control API         ${ sandbox.controlBase }
  data                ${ sandbox.dataDir }
  library             ${ sandbox.libraryDir }
Press Ctrl-C to stop.` );
	let stopping = false;
	const stop = async ( signal: string ) => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		console.log( `[sandbox] ${ signal }: stopping` );
		await sandbox.stop();
		process.exit( 0 );
	};
	process.on( 'SIGINT', () => void stop( 'SIGINT' ) );
	process.on( 'SIGTERM', () => void stop( 'SIGTERM' ) );
}

main().catch( ( error: unknown ) => {
	console.error(
		`[sandbox] ${ error instanceof Error ? error.message : String( error ) }`
	);
	process.exit( 1 );
} );
