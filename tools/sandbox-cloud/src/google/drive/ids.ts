import { createHash } from 'node:crypto';

/**
 * Drive ids, derived from where an item is (not random), so every sandbox
 * gives the same item the same id, across restarts and machines. Fixtures
 * can therefore name ids, and a file moved on disk gets a new id (as a copy
 * would in Drive).
 */
function digest( key: string ): string {
	return createHash( 'sha256' )
		.update( `ccg-sandbox-drive:${ key.normalize( 'NFC' ) }` )
		.digest( 'base64url' );
}

/**
 * A file or folder id: 33 characters starting with `1`, like Drive's.
 * @param key `my:<path>` for My Drive, `shared:<drive>/<path>` for shared drives.
 */
export function fileId( key: string ): string {
	return `1${ digest( key ).slice( 0, 32 ) }`;
}

/**
 * A root id (My Drive's, or a shared drive's): 19 characters, `0A…Uk9PVA`.
 */
export function rootId( key: string ): string {
	return `0A${ digest( `root:${ key }` )
		.replace( /[-_]/g, 'x' )
		.slice( 0, 11 ) }Uk9PVA`;
}

export const MY_DRIVE_ROOT_ID = rootId( 'my-drive' );

export const myDriveKey = ( path: string ) => `my:${ path }`;
export const sharedKey = ( drive: string, path: string ) =>
	`shared:${ drive }${ path }`;
