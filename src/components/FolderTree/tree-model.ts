/**
 * Internal dependencies
 */
import type { ApiError, FolderListing, FolderRef } from '../../api/types';

/** What the tree knows of one folder's listing. */
export interface ListingState {
	data?: FolderListing;
	isLoading: boolean;
	error: ApiError | null;
}

/** One visible row of the tree, with everything its ARIA attributes need. */
export interface TreeNode {
	/** What to ask the folders route for: '' for the root, else the id. */
	ref: string;
	folder: FolderRef;
	level: number;
	posinset: number;
	setsize: number;
	isExpanded: boolean;
	/** Undefined until the folder's listing has loaded. */
	hasChildren: boolean | undefined;
	isLoading: boolean;
	error: ApiError | null;
	/** Loaded subfolders that pass the filter (only while expanded). */
	children: TreeNode[];
	/** How many loaded subfolders the filter hides. */
	hiddenCount: number;
}

interface TreeInput {
	root: FolderRef;
	listings: ReadonlyMap< string, ListingState >;
	expanded: ReadonlySet< string >;
	/** Lower-case filter text; applies to folders with more than `threshold` subfolders. */
	filter: string;
	threshold: number;
}

/**
 * Whether a folder has enough subfolders to offer the filter box.
 *
 * @param listing   The folder's listing.
 * @param threshold How many is "many".
 * @return Whether to filter it.
 */
export function isLarge(
	listing: FolderListing | undefined,
	threshold: number
): boolean {
	return ( listing?.folders.length ?? 0 ) > threshold;
}

function buildNode(
	input: TreeInput,
	ref: string,
	folder: FolderRef,
	level: number,
	posinset: number,
	setsize: number
): TreeNode {
	const state = input.listings.get( ref );
	const isExpanded = input.expanded.has( ref );
	const folders = state?.data?.folders;
	let visible = folders ?? [];
	if ( input.filter && isLarge( state?.data, input.threshold ) ) {
		visible = visible.filter( ( child ) =>
			child.name.toLowerCase().includes( input.filter )
		);
	}
	return {
		ref,
		folder,
		level,
		posinset,
		setsize,
		isExpanded,
		hasChildren: folders ? folders.length > 0 : undefined,
		isLoading: isExpanded && ( state?.isLoading ?? true ),
		error: isExpanded ? ( state?.error ?? null ) : null,
		children: isExpanded
			? visible.map( ( child, index ) =>
					buildNode(
						input,
						child.id,
						child,
						level + 1,
						index + 1,
						visible.length
					)
				)
			: [],
		hiddenCount: ( folders?.length ?? 0 ) - visible.length,
	};
}

/**
 * Builds the visible tree: the root, and below each expanded folder its
 * loaded subfolders.
 *
 * @param input Root, listings, expanded refs and filter.
 * @return The root node.
 */
export function buildTree( input: TreeInput ): TreeNode {
	return buildNode( input, '', input.root, 1, 1, 1 );
}

/**
 * Every node in the order a screen reader meets them.
 *
 * @param node Root node.
 * @return Flat list.
 */
export function flatten( node: TreeNode ): TreeNode[] {
	return [ node, ...node.children.flatMap( flatten ) ];
}
