import { invalidValue } from '../wire/errors';

/** What sorting can look at; times and sizes come from a stat. */
export interface SortFacts {
	id: string;
	name: string;
	isFolder: boolean;
	modifiedTime: number;
	createdTime: number;
	size: number;
}

type Key =
	| 'folder'
	| 'name'
	| 'name_natural'
	| 'modifiedTime'
	| 'createdTime'
	| 'quotaBytesUsed'
	| 'starred'
	| 'recency'
	| 'modifiedByMeTime'
	| 'viewedByMeTime'
	| 'sharedWithMeTime';

const KEYS = new Set< string >( [
	'folder',
	'name',
	'name_natural',
	'modifiedTime',
	'createdTime',
	'quotaBytesUsed',
	'starred',
	'recency',
	'modifiedByMeTime',
	'viewedByMeTime',
	'sharedWithMeTime',
] );

export interface SortKey {
	key: Key;
	desc: boolean;
}

const byName = new Intl.Collator( 'en', { sensitivity: 'base' } );
const natural = new Intl.Collator( 'en', {
	sensitivity: 'base',
	numeric: true,
} );

/**
 * `orderBy`: comma-separated keys, each optionally followed by ` desc`
 * (contract B3). Unknown keys are 400 "Invalid Value" on `orderBy`.
 */
export function parseOrderBy( value: string | null ): SortKey[] {
	if ( value === null || value.trim() === '' ) {
		return [];
	}
	return value.split( ',' ).map( ( part ) => {
		const words = part.trim().split( /\s+/ );
		const [ key, modifier ] = words;
		if (
			! key ||
			! KEYS.has( key ) ||
			words.length > 2 ||
			( modifier !== undefined && modifier !== 'desc' )
		) {
			throw invalidValue( 'orderBy' );
		}
		return { key: key as Key, desc: modifier === 'desc' };
	} );
}

/**
 * Whether sorting needs stats (times, sizes) of every candidate.
 */
export function sortNeedsStats( keys: SortKey[] ): boolean {
	return keys.some(
		( k ) =>
			! [ 'folder', 'name', 'name_natural', 'starred' ].includes( k.key )
	);
}

function compareBy( key: Key, a: SortFacts, b: SortFacts ): number {
	switch ( key ) {
		case 'folder':
			// Folders first.
			return Number( b.isFolder ) - Number( a.isFolder );
		case 'name':
			return byName.compare( a.name, b.name );
		case 'name_natural':
			return natural.compare( a.name, b.name );
		case 'createdTime':
			return a.createdTime - b.createdTime;
		case 'quotaBytesUsed':
			return a.size - b.size;
		case 'starred':
		case 'sharedWithMeTime':
			return 0;
		default:
			// modifiedTime, recency, modifiedByMeTime, viewedByMeTime: the sandbox user did everything.
			return a.modifiedTime - b.modifiedTime;
	}
}

/**
 * A comparator for the keys. Without keys the order is stable but not by
 * name (Drive's default order is unspecified), so clients that need an order
 * must ask for one.
 */
export function comparator(
	keys: SortKey[]
): ( a: SortFacts, b: SortFacts ) => number {
	return ( a, b ) => {
		for ( const { key, desc } of keys ) {
			const result = compareBy( key, a, b );
			if ( result !== 0 ) {
				return desc ? -result : result;
			}
		}
		return a.id < b.id ? -1 : Number( a.id > b.id );
	};
}
