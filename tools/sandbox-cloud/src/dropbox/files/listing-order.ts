import { sha1Hex } from '../../shared/random';
import type { Node } from './library';

/**
 * Changes when the entry changes: size/mtime/inode for files.
 */
export function signature( node: Node ): string {
	return node.isDir
		? 'folder'
		: `${ node.stat.size }:${ Math.floor( node.stat.mtimeMs ) }:${ node.stat.ino }`;
}

/**
 * Entry order is unspecified on Dropbox: the sandbox uses a stable
 * pseudo-random order (so clients that assume name order fail here too),
 * with parents always before their children.
 */
export function sortKey( display: string ): string {
	const depth = display.split( '/' ).length;
	return `${ String( depth ).padStart( 4, '0' ) }|${ sha1Hex( display.toLowerCase() ).slice( 0, 12 ) }|${ display.toLowerCase() }`;
}

/**
 * Orders entries by sort key (plain code-unit order, the same on every run).
 */
export function byKey( a: { key: string }, b: { key: string } ): number {
	if ( a.key === b.key ) {
		return 0;
	}
	return a.key < b.key ? -1 : 1;
}
