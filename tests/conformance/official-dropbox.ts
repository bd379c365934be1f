/**
 * The oracle's side for Dropbox: the scenario's steps through the official
 * JavaScript SDK (`dropbox` 10.34.0), pointed at the sandbox by its `fetch`
 * option, the SDK's documented way to supply an HTTP client.
 */
import { Dropbox, DropboxAuth } from 'dropbox';

import type { SideReport, Step } from './scenario';

export interface DropboxSetup {
	key: string;
	secret: string;
	redirectUri: string;
	code: string;
	/** Base URLs of the sandbox's api, content and www hosts. */
	apiBase: string;
	contentBase: string;
	authBase: string;
}

type SdkFetch = (
	url: string,
	init?: RequestInit
) => Promise< Response & { buffer: () => Promise< Buffer > } >;

/**
 * Sends the SDK's requests for Dropbox's hosts to the sandbox's. Download
 * routes read `res.buffer()` (the node-fetch API the SDK expects in Node).
 */
function sandboxFetch( setup: DropboxSetup ): SdkFetch {
	const hosts: Array< [ string, string ] > = [
		[ 'https://api.dropboxapi.com', setup.apiBase ],
		[ 'https://content.dropboxapi.com', setup.contentBase ],
		[ 'https://www.dropbox.com', setup.authBase ],
	];
	return async ( url, init = {} ) => {
		const hit = hosts.find( ( [ real ] ) => url.startsWith( real + '/' ) );
		if ( ! hit ) {
			throw new Error( `the SDK called an unexpected URL: ${ url }` );
		}
		const res = await fetch( hit[ 1 ] + url.slice( hit[ 0 ].length ), {
			...init,
			redirect: 'manual',
		} );
		return Object.assign( res, {
			buffer: async () => Buffer.from( await res.arrayBuffer() ),
		} );
	};
}

export async function runDropboxSdk(
	setup: DropboxSetup,
	steps: Step[]
): Promise< SideReport > {
	const fetchVia = sandboxFetch( setup );
	const values: Record< string, string > = {};
	const client = () =>
		new Dropbox( {
			accessToken:
				values.access_token_refreshed ?? values.access_token ?? '',
			fetch: fetchVia,
		} );
	// The SDK's unions are typed as objects ({".tag": "w640h480"}); Dropbox
	// documents the plain-string form for void members, which the plugin sends.
	const run: Record< string, ( args: any ) => Promise< void > > = {
		exchange_code: async () => {
			const auth = new DropboxAuth( {
				clientId: setup.key,
				clientSecret: setup.secret,
				fetch: fetchVia,
			} );
			const { result } = ( await auth.getAccessTokenFromCode(
				setup.redirectUri,
				setup.code
			) ) as { result: { access_token: string; refresh_token: string } };
			values.access_token = result.access_token;
			values.refresh_token = result.refresh_token;
		},
		refresh: async () => {
			const auth = new DropboxAuth( {
				clientId: setup.key,
				clientSecret: setup.secret,
				refreshToken: values.refresh_token,
				fetch: fetchVia,
			} );
			await auth.refreshAccessToken();
			values.access_token_refreshed = auth.getAccessToken();
		},
		get_current_account: async () => {
			await client().usersGetCurrentAccount();
		},
		list_folder: async ( args ) => {
			const { result } = await client().filesListFolder( {
				path: args.path,
				limit: args.limit,
				include_non_downloadable_files: false,
			} );
			values.cursor = result.cursor;
		},
		list_folder_continue: async () => {
			const { result } = await client().filesListFolderContinue( {
				cursor: values.cursor ?? '',
			} );
			values.cursor_2 = result.cursor;
		},
		get_metadata: async ( args ) => {
			await client().filesGetMetadata( { path: args.path } );
		},
		get_media_info: async ( args ) => {
			await client().filesGetMetadata( {
				path: args.path,
				include_media_info: true,
			} );
		},
		get_thumbnail: async ( args ) => {
			await client().filesGetThumbnailV2( {
				resource: { '.tag': 'path', path: args.path },
				format: 'jpeg',
				size: args.size,
				mode: args.mode,
			} as any );
		},
		get_thumbnail_batch: async ( args ) => {
			await client().filesGetThumbnailBatch( {
				entries: args.entries.map(
					( entry: Record< string, string > ) => ( {
						...entry,
						format: 'jpeg',
					} )
				),
			} );
		},
		download: async ( args ) => {
			await client().filesDownload( { path: args.path } );
		},
		revoke: async () => {
			await client().authTokenRevoke();
		},
	};
	const report: SideReport = { steps: [], values };
	for ( const { step, args } of steps ) {
		try {
			if ( ! run[ step ] ) {
				throw new Error( `no SDK step ${ step }` );
			}
			await run[ step ]( args );
			report.steps.push( { step, ok: true } );
		} catch ( error ) {
			report.steps.push( {
				step,
				ok: false,
				error: failureText( error ),
			} );
		}
	}
	return report;
}

/**
 * A failed step as one line: the SDKs' errors carry the HTTP status and the provider's answer.
 */
export function failureText( error: unknown ): string {
	if ( error && typeof error === 'object' && 'status' in error ) {
		const e = error as { status: unknown; error?: unknown };
		return `HTTP ${ String( e.status ) }: ${ JSON.stringify( e.error ) }`;
	}
	return error instanceof Error ? error.message : String( error );
}
