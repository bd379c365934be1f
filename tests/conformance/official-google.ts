/**
 * The oracle's side for Google: the scenario's steps through Google's
 * official Node client (`@googleapis/drive` with its google-auth-library
 * OAuth2 client), pointed at the sandbox by their documented options:
 * `rootUrl` for Drive, `endpoints` for the token and revoke URLs.
 */
import { auth, drive as driveApi } from '@googleapis/drive';

import { failureText } from './official-dropbox';
import type { SideReport, Step } from './scenario';

export interface GoogleSetup {
	clientId: string;
	secret: string;
	redirectUri: string;
	code: string;
	verifier: string;
	tokenBase: string;
	apiBase: string;
}

export async function runGoogleClient(
	setup: GoogleSetup,
	steps: Step[]
): Promise< SideReport > {
	const oauth = new auth.OAuth2( {
		clientId: setup.clientId,
		clientSecret: setup.secret,
		redirectUri: setup.redirectUri,
		endpoints: {
			oauth2TokenUrl: `${ setup.tokenBase }/token`,
			oauth2RevokeUrl: `${ setup.tokenBase }/revoke`,
		},
	} );
	const drive = driveApi( {
		version: 'v3',
		auth: oauth,
		rootUrl: `${ setup.apiBase }/`,
	} );
	const values: Record< string, string > = {};
	let driveId = '';
	let link = '';
	// Arguments come from the scenario's JSON, shared with the PHP driver.
	const run: Record< string, ( args: any ) => Promise< void > > = {
		exchange_code: async () => {
			const { tokens } = await oauth.getToken( {
				code: setup.code,
				codeVerifier: setup.verifier,
			} );
			values.access_token = tokens.access_token ?? '';
			values.refresh_token = tokens.refresh_token ?? '';
		},
		refresh: async () => {
			// With only a refresh token set, the client refreshes on first use.
			oauth.setCredentials( { refresh_token: values.refresh_token } );
			values.access_token_refreshed =
				( await oauth.getAccessToken() ).token ?? '';
		},
		about: async () => {
			await drive.about.get( {
				fields: 'user(displayName,emailAddress)',
			} );
		},
		files_list: async ( args ) => {
			const { data } = await drive.files.list( {
				...args.query,
				supportsAllDrives: true,
				includeItemsFromAllDrives: true,
			} );
			values.page_token = data.nextPageToken ?? '';
		},
		files_list_next: async ( args ) => {
			await drive.files.list( {
				...args.query,
				supportsAllDrives: true,
				includeItemsFromAllDrives: true,
				pageToken: values.page_token,
			} );
		},
		files_get: async ( args ) => {
			const { data } = await drive.files.get( {
				fileId: args.fileId,
				fields: args.fields,
				supportsAllDrives: true,
			} );
			link = data.thumbnailLink ?? '';
			// Links are signed per request: only their size suffix is compared.
			values.thumbnail_link = new URL( link ).pathname.replace(
				/=s\d+(-[A-Za-z0-9-]*)?$/,
				''
			);
		},
		drives_list: async ( args ) => {
			const { data } = await drive.drives.list( {
				fields: 'nextPageToken,drives(id,name)',
				pageSize: args.pageSize,
			} );
			driveId = data.drives?.[ 0 ]?.id ?? '';
		},
		drives_get: async () => {
			await drive.drives.get( { driveId, fields: 'id,name' } );
		},
		changes_start: async () => {
			const { data } = await drive.changes.getStartPageToken( {
				supportsAllDrives: true,
				fields: 'startPageToken',
			} );
			values.start_page_token = data.startPageToken ?? '';
		},
		changes_list: async ( args ) => {
			await drive.changes.list( {
				pageToken: values.start_page_token,
				pageSize: args.pageSize,
				fields: args.fields,
				supportsAllDrives: true,
				includeItemsFromAllDrives: true,
			} );
		},
		thumbnail: async ( args ) => {
			// An authorized GET of the link, as google-auth-library makes any request.
			await oauth.request( {
				url: link.replace(
					/=s\d+(-[A-Za-z0-9-]*)?$/,
					`=s${ args.longEdge }`
				),
				responseType: 'arraybuffer',
			} );
		},
		files_get_each: async ( args ) => {
			await Promise.all(
				Array.from( { length: args.count }, () =>
					drive.files.get( {
						fileId: args.fileId,
						fields: args.fields,
						supportsAllDrives: true,
					} )
				)
			);
		},
		thumbnails_each: async ( args ) => {
			const url = link.replace(
				/=s\d+(-[A-Za-z0-9-]*)?$/,
				`=s${ args.longEdge }`
			);
			await Promise.all(
				Array.from( { length: args.count }, () =>
					oauth.request( { url, responseType: 'arraybuffer' } )
				)
			);
		},
		revoke: async () => {
			await oauth.revokeToken( values.refresh_token ?? '' );
		},
	};
	const report: SideReport = { steps: [], values };
	for ( const { step, args } of steps ) {
		try {
			if ( ! run[ step ] ) {
				throw new Error( `no Google client step ${ step }` );
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
