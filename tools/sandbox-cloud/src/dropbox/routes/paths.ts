import { ACCOUNT } from '../account';
import type { Node } from '../files/library';
import type { DropboxServices } from '../services';
import { badRequest, lookupError } from '../wire/errors';

/**
 * Checks a `/…` path's shape: empty, `.` or `..` components are malformed.
 */
function malformed( path: string ): boolean {
	return path
		.split( '/' )
		.slice( 1 )
		.some(
			( part ) =>
				part === '' ||
				part === '.' ||
				part === '..' ||
				/[\u0000-\u001f]/.test( part )
		);
}

/**
 * Resolves a path argument (`""`, `/a/b`, `id:…`, `rev:…`, `ns:…/a`) as seen
 * from `root`. Anything outside the root (an app folder) is not found.
 */
export async function resolvePath(
	svc: DropboxServices,
	route: string,
	root: string,
	path: string
): Promise< Node > {
	let node: Node | null = null;
	if ( path === '' ) {
		node = await svc.library.resolve( root );
	} else if ( path.startsWith( 'id:' ) ) {
		node = await svc.library.resolveId( path );
	} else if ( path.startsWith( 'rev:' ) ) {
		// The file's latest revision, else an earlier one Dropbox keeps
		// (replaced or deleted since): rev: names bytes, never "the file now".
		const rev = path.slice( 4 );
		const rel = svc.meta.pathOfRev( rev );
		node = rel === undefined ? null : await svc.library.resolve( rel );
		if (
			node &&
			( node.isDir || ( await svc.meta.rev( node ) ) !== rev )
		) {
			node = null;
		}
		node ??= await svc.revisions.node( rev );
	} else if ( path.startsWith( 'ns:' ) ) {
		const [ , ns, rest ] = /^ns:(\d+)(\/.*)?$/.exec( path ) ?? [];
		if ( ns !== ACCOUNT.namespaceId || root !== '' ) {
			throw lookupError( 'not_found' );
		}
		return resolvePath( svc, route, root, rest ?? '' );
	} else {
		if ( malformed( path ) ) {
			throw lookupError( 'malformed_path' );
		}
		node = await svc.library.resolve( root + path );
	}
	if ( ! node || svc.meta.displayPath( node, root ) === null ) {
		throw lookupError( 'not_found' );
	}
	return node;
}

/**
 * A path that must name a file (downloads, links, thumbnails).
 */
export async function resolveFile(
	svc: DropboxServices,
	route: string,
	root: string,
	path: string
): Promise< Node > {
	const node = await resolvePath( svc, route, root, path );
	if ( node.isDir ) {
		throw lookupError( 'not_file' );
	}
	return node;
}

/**
 * get_metadata and friends reject the root itself with a 400, as Dropbox does.
 */
export function rejectRoot( route: string, path: string ): void {
	if ( path === '/' || path === '' ) {
		throw badRequest(
			route,
			'request body: path: The root folder is unsupported.'
		);
	}
}
