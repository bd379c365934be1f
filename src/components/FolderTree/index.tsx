/**
 * External dependencies
 */
import { useQueries } from '@tanstack/react-query';
import type { FocusEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Notice, SearchControl, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { toApiError } from '../../api/client';
import { folderQueryOptions, useFolderQuery } from '../../api/queries';
import type { FolderRef, FolderScope, ProviderId } from '../../api/types';
import { useProviderLabel } from '../ProviderPicker/use-provider-label';
import { itemOf } from './keyboard';
import TreeItem from './TreeItem';
import { buildTree, flatten, isLarge } from './tree-model';
import type { ListingState, TreeNode } from './tree-model';
import { useTreeKeyboard } from './use-tree-keyboard';
import './index.scss';

/** Folders with more subfolders than this get the filter box. */
const FILTER_THRESHOLD = 20;

interface FolderTreeProps {
	provider: ProviderId;
	/** `all` browses from the account's root (the Settings root picker). */
	scope?: FolderScope;
	/** Accessible name of the tree. */
	label: string;
	/**
	 * Name of the root when the provider gives it none (the Dropbox root);
	 * the provider's name by default.
	 */
	rootLabel?: string;
	/** Id of the chosen folder, or null. */
	selectedId: string | null;
	onSelect: ( folder: FolderRef ) => void;
	/**
	 * Folder ids to open (the chosen folder's ancestors): opened at first and
	 * whenever the list changes; folders opened by hand stay open.
	 */
	initialExpanded?: string[];
	filterThreshold?: number;
}

type QueryLike = {
	data?: ListingState[ 'data' ];
	isLoading: boolean;
	error: unknown;
};

function toState( query: QueryLike ): ListingState {
	return {
		data: query.data,
		isLoading: query.isLoading,
		error: query.error ? toApiError( query.error ) : null,
	};
}

/**
 * A lazily loaded folder tree following the WAI-ARIA tree pattern: one Tab
 * stop, arrow keys to move, Right/Left to open/close, Enter or Space to
 * choose, Home/End, and type-ahead. A folder's subfolders load when it opens.
 *
 * @param props                 Component props.
 * @param props.provider        Provider to browse.
 * @param props.scope           Gallery root or the whole account.
 * @param props.label           Accessible name of the tree.
 * @param props.rootLabel       Name of a nameless root.
 * @param props.selectedId      Id of the chosen folder, or null.
 * @param props.onSelect        Called with the folder chosen by click, Enter or Space.
 * @param props.initialExpanded Folder ids to open.
 * @param props.filterThreshold Subfolder count above which the filter box shows.
 */
export default function FolderTree( {
	provider,
	scope = 'gallery',
	label,
	rootLabel,
	selectedId,
	onSelect,
	initialExpanded = [],
	filterThreshold = FILTER_THRESHOLD,
}: FolderTreeProps ) {
	const providerName = useProviderLabel( provider );
	const rootQuery = useFolderQuery( provider, '', scope );
	const [ expanded, setExpanded ] = useState< Set< string > >(
		() => new Set( [ '', ...initialExpanded ] )
	);
	// Folders opened once keep their listing, so closing one and moving on
	// still knows whether it has subfolders.
	const [ visited, setVisited ] = useState< Set< string > >(
		() => new Set( expanded )
	);
	const toOpen = initialExpanded.join( '\n' );
	useEffect( () => {
		const refs = toOpen ? toOpen.split( '\n' ) : [];
		const add = ( current: Set< string > ) =>
			refs.every( ( ref ) => current.has( ref ) )
				? current
				: new Set( [ ...current, ...refs ] );
		setExpanded( add );
		setVisited( add );
	}, [ toOpen ] );
	const [ filter, setFilter ] = useState( '' );
	const [ activeRef, setActiveRef ] = useState< string | null >( null );
	const keyboard = useTreeKeyboard();

	const refs = [ ...visited ].filter( ( ref ) => ref !== '' );
	const results = useQueries( {
		queries: refs.map( ( ref ) =>
			folderQueryOptions( provider, ref, scope )
		),
	} );

	if ( rootQuery.isLoading ) {
		return (
			<p className="ccg-folder-tree__status">
				<Spinner />
				{ __( 'Loading folders…', 'customer-cloud-gallery' ) }
			</p>
		);
	}
	if ( ! rootQuery.data ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ toApiError( rootQuery.error ).message }
			</Notice>
		);
	}

	const listings = new Map< string, ListingState >( [
		[ '', toState( rootQuery ) ],
	] );
	refs.forEach( ( ref, index ) => {
		const result = results[ index ];
		if ( result ) {
			listings.set( ref, toState( result ) );
		}
	} );
	const tree = buildTree( {
		root: {
			...rootQuery.data.root,
			name: rootQuery.data.root.name || ( rootLabel ?? providerName ),
		},
		listings,
		expanded,
		filter: filter.trim().toLowerCase(),
		threshold: filterThreshold,
	} );
	const nodes = new Map< string, TreeNode >(
		flatten( tree ).map( ( node ) => [ node.ref, node ] )
	);
	const selectedRef = [ ...nodes.values() ].find(
		( node ) => selectedId !== null && node.folder.id === selectedId
	)?.ref;
	let tabRef = '';
	if ( activeRef !== null && nodes.has( activeRef ) ) {
		tabRef = activeRef;
	} else if ( selectedRef !== undefined ) {
		tabRef = selectedRef;
	}
	const showFilter = [ ...expanded ].some( ( ref ) =>
		isLarge( listings.get( ref )?.data, filterThreshold )
	);

	const toggle = ( ref: string ) => {
		setExpanded( ( current ) => {
			const next = new Set( current );
			if ( ! next.delete( ref ) ) {
				next.add( ref );
			}
			return next;
		} );
		setVisited( ( current ) =>
			current.has( ref ) ? current : new Set( current ).add( ref )
		);
	};
	const select = ( ref: string ) => {
		const node = nodes.get( ref );
		if ( node ) {
			setActiveRef( ref );
			onSelect( node.folder );
		}
	};

	keyboard.bind( { nodes, toggle, select, setActiveRef } );

	const onFocus = ( event: FocusEvent ) => {
		const ref = itemOf( event.target )?.dataset.ref;
		if ( ref !== undefined ) {
			setActiveRef( ref );
		}
	};

	return (
		<div className="ccg-folder-tree">
			{ showFilter && (
				<SearchControl
					__nextHasNoMarginBottom
					className="ccg-folder-tree__filter"
					label={ __( 'Filter folders', 'customer-cloud-gallery' ) }
					placeholder={ __(
						'Filter folders',
						'customer-cloud-gallery'
					) }
					value={ filter }
					onChange={ setFilter }
				/>
			) }
			{ /* The tree handles focus and keys for all its items (roving tabindex). */ }
			<ul
				ref={ keyboard.ref }
				role="tree"
				aria-label={ label }
				className="ccg-folder-tree__tree"
				onFocus={ onFocus }
			>
				<TreeItem
					node={ tree }
					activeRef={ tabRef }
					selectedId={ selectedId }
					onToggle={ toggle }
					onSelect={ select }
				/>
			</ul>
		</div>
	);
}
