/**
 * External dependencies
 */
import { useQueryClient } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { toApiError } from '../../src/api/client';
import { useFolderQuery } from '../../src/api/queries';
import { queryKeys } from '../../src/api/query-keys';
import type { ApiError, Connection, ProviderId } from '../../src/api/types';
import { store as connectionsStore } from '../../src/store/connections';
import type { GalleryAttributes } from './types';

interface ConnectionsState {
	/** Undefined while loading. */
	connections: Connection[] | undefined;
	/** Providers a gallery can use now; empty while loading. */
	connected: ProviderId[];
	loadError: ApiError | null;
}

const NONE: ProviderId[] = [];

export function useConnections(): ConnectionsState {
	return useSelect( ( select ) => {
		const { getConnections, getConnectedProviders, getLoadError } =
			select( connectionsStore );
		return {
			connections: getConnections(),
			connected: getConnectedProviders() ?? NONE,
			loadError: getLoadError(),
		};
	}, [] );
}

type EditorSelectors = { getCurrentPostId?: () => number | string | null };

/**
 * The post being edited, so the preview renders in its context. The editor
 * package is not a dependency of this script (the block also works in the
 * site editor, where there may be no post), hence the store's name.
 *
 * @return The post id, or null.
 */
export function usePostId(): number | null {
	return useSelect( ( select ) => {
		const editor = select( 'core/editor' ) as EditorSelectors | undefined;
		const id = Number( editor?.getCurrentPostId?.() );
		return Number.isInteger( id ) && id > 0 ? id : null;
	}, [] );
}

/** Errors that mean the saved folder itself is gone or out of bounds. */
const UNREACHABLE_CODES = [ 'ccg_folder_not_found', 'ccg_outside_root' ];

/**
 * The saved folder's listing (breadcrumb, photo count), and whether the
 * folder can no longer be reached.
 *
 * @param attributes Block attributes.
 * @return The query and the reason the folder is unreachable, if it is.
 */
export function useChosenFolder( attributes: GalleryAttributes ) {
	const query = useFolderQuery( attributes.provider, attributes.folderId );
	const error = query.error ? toApiError( query.error ) : null;
	const unreachable =
		error && UNREACHABLE_CODES.includes( error.code ) ? error : null;
	return { query, error, unreachable };
}

/**
 * Renders the preview again once the chosen folder has been counted to the
 * end: while it was being listed the server showed what it knew, in the
 * order it arrived, with a note that more were coming.
 *
 * @param complete The chosen folder's `complete` flag; undefined while loading.
 */
export function useRefreshPreviewWhenCounted( complete: boolean | undefined ) {
	const queryClient = useQueryClient();
	const wasCounting = useRef( false );
	useEffect( () => {
		if ( complete === false ) {
			wasCounting.current = true;
		} else if ( complete === true && wasCounting.current ) {
			wasCounting.current = false;
			queryClient.invalidateQueries( {
				queryKey: queryKeys.previews(),
			} );
		}
	}, [ complete, queryClient ] );
}
