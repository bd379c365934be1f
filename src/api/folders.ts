/**
 * WordPress dependencies
 */
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { get } from './client';
import type { FolderListing, FolderScope, ProviderId } from './types';

/**
 * Lists one folder: its subfolders, breadcrumb and photo count.
 *
 * @param provider Provider.
 * @param folderId Folder id; '' is the root of the scope.
 * @param scope    `all` browses from the account's root (admins only).
 * @return The listing.
 */
export function fetchFolder(
	provider: ProviderId,
	folderId: string,
	scope: FolderScope = 'gallery'
): Promise< FolderListing > {
	return get< FolderListing >(
		addQueryArgs( '/folders', {
			provider,
			folder: folderId,
			...( scope === 'all' ? { scope } : {} ),
		} )
	);
}
