/**
 * Connects the bench site to the sandbox Dropbox over HTTP, as an admin
 * would in a browser: register an app, save its credentials, Connect,
 * Allow on the consent page, back to admin-post.php.
 */
import type { Environment } from './environment';
import { WpUser } from './wp-client';

export async function connectDropbox(
	env: Pick< Environment, 'site' | 'control' | 'sandbox' >
): Promise< WpUser > {
	const { site, control, sandbox } = env;
	const admin = await new WpUser(
		site.url,
		site.adminUser,
		site.adminPassword
	).logIn();
	const key = 'benchapp';
	const secret = 'bench-secret-not-private';
	await control.registerApp( {
		key,
		secret,
		name: 'Customer Gallery',
		redirectUris: [
			`${ site.url }/wp-admin/admin-post.php?action=ccg_oauth_dropbox`,
		],
		accessType: 'full',
	} );
	const ns = '/customer-cloud-gallery/v1/connections/dropbox';
	await admin.postJson( `${ ns }/credentials`, {
		appKey: key,
		appSecret: secret,
		accessType: 'full',
	} );
	const { authorizeUrl } = await admin.postJson< { authorizeUrl: string } >(
		`${ ns }/authorize`,
		{}
	);

	const consent = await fetch( authorizeUrl );
	const page = await consent.text();
	const match = /name="authorize_request" value="([^"]*)"/.exec( page );
	if ( consent.status !== 200 || ! match ) {
		throw new Error(
			`sandbox consent page: HTTP ${ consent.status }: ${ page.slice( 0, 300 ) }`
		);
	}
	const decoded = ( match[ 1 ] ?? '' )
		.replace( /&quot;/g, '"' )
		.replace( /&#39;|&#x27;|&apos;/g, "'" )
		.replace( /&lt;/g, '<' )
		.replace( /&gt;/g, '>' )
		.replace( /&amp;/g, '&' );
	const allow = await fetch(
		`${ sandbox.dropbox.authBase }/oauth2/authorize`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams( {
				authorize_request: decoded,
				decision: 'allow',
			} ),
			redirect: 'manual',
		}
	);
	const back = allow.headers.get( 'location' );
	if ( allow.status !== 302 || ! back || ! back.includes( 'code=' ) ) {
		throw new Error(
			`consent did not redirect with a code: HTTP ${ allow.status } ${ back }`
		);
	}
	const callback = await admin.request( back );
	if ( callback.status !== 302 ) {
		throw new Error(
			`OAuth callback: HTTP ${ callback.status }: ${ ( await callback.text() ).slice( 0, 300 ) }`
		);
	}
	return admin;
}

export interface FolderRef {
	id: string;
	name: string;
	path: string;
}

interface Listing {
	folder: FolderRef;
	folders: FolderRef[];
	photoCount: number;
	complete: boolean;
}

/**
 * Each /folders request lists for a bounded time and says complete: false
 * until every page is in; WP-Cron is off here, so asking again is what
 * continues a big folder (as the editor's polling does).
 */
const COMPLETE_TRIES = 120;

export type Provider = 'dropbox' | 'google';

export function listFolder(
	user: WpUser,
	id: string,
	provider: Provider = 'dropbox'
): Promise< Listing > {
	return user.rest< Listing >(
		`/customer-cloud-gallery/v1/folders?provider=${ provider }&folder=${ encodeURIComponent( id ) }`
	);
}

/**
 * Walks the folder tree from the gallery root, as the editor does, and
 * returns the folder at `path` (e.g. "/Scale/Big") and the REST calls made.
 */
export async function findFolder(
	user: WpUser,
	folderPath: string,
	provider: Provider = 'dropbox'
): Promise< FolderRef & { photoCount: number } > {
	let listing = await listFolder( user, '', provider );
	for ( const name of folderPath.split( '/' ).filter( Boolean ) ) {
		const next = listing.folders.find( ( f ) => f.name === name );
		if ( ! next ) {
			throw new Error(
				`no folder "${ name }" in ${ listing.folder.path || '/' }`
			);
		}
		listing = await listFolder( user, next.id, provider );
	}
	for ( let tries = 1; ! listing.complete; tries++ ) {
		if ( tries >= COMPLETE_TRIES ) {
			throw new Error(
				`${ folderPath } still incomplete after ${ tries } requests (${ listing.photoCount } photos so far)`
			);
		}
		listing = await listFolder( user, listing.folder.id, provider );
	}
	return { ...listing.folder, photoCount: listing.photoCount };
}
