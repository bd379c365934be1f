/**
 * External dependencies
 */
import { queryOptions, useQuery } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchFolder } from '../folders';
import { queryKeys } from '../query-keys';
import type { FolderScope, ProviderId } from '../types';

/** How often a folder still being listed is asked for again (its count grows). */
const COUNTING_REFETCH_MS = 2000;

/**
 * Options of one folder listing, shared by useFolderQuery and the tree's
 * useQueries so both read the same cache entry. A listing the server is
 * still completing in the background is polled until it is complete.
 *
 * @param provider Provider; '' disables the query.
 * @param folderId Folder id; '' is the root of the scope.
 * @param scope    Gallery root or the whole account.
 * @return Query options.
 */
export function folderQueryOptions(
	provider: ProviderId | '',
	folderId: string,
	scope: FolderScope = 'gallery'
) {
	return queryOptions( {
		// Without a provider the query is off; its key is no provider's.
		queryKey: queryKeys.folder( provider, folderId, scope ),
		queryFn: () => fetchFolder( provider, folderId, scope ),
		enabled: provider !== '',
		refetchInterval: ( query ) =>
			query.state.data?.complete === false ? COUNTING_REFETCH_MS : false,
	} );
}

/**
 * One folder's subfolders, breadcrumb and photo count.
 *
 * @param provider Provider; '' waits.
 * @param folderId Folder id; '' is the root of the scope.
 * @param scope    Gallery root or the whole account.
 * @return The query.
 */
export function useFolderQuery(
	provider: ProviderId | '',
	folderId: string,
	scope: FolderScope = 'gallery'
) {
	return useQuery( folderQueryOptions( provider, folderId, scope ) );
}
