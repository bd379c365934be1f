/**
 * Internal dependencies
 */
import type { FolderRef, ProviderId } from '../../src/api/types';
import type { GalleryAttributes } from './types';

/**
 * What the block saves for a chosen folder: the provider, the folder's
 * stable id (survives renames and moves in Dropbox) and its path to show.
 *
 * @param provider Provider.
 * @param folder   The chosen folder.
 * @return Attributes to set.
 */
export function folderAttributes(
	provider: ProviderId,
	folder: FolderRef
): Pick< GalleryAttributes, 'provider' | 'folderId' | 'folderPath' > {
	return {
		provider,
		folderId: folder.id,
		folderPath: folder.path || '/',
	};
}

/**
 * A gallery has a folder once it has a provider: folderId '' is then the
 * Dropbox root (when the admin has not confined galleries to a folder).
 *
 * @param attributes Block attributes.
 * @return Whether a folder has been chosen.
 */
export function hasFolder( attributes: GalleryAttributes ): boolean {
	return attributes.provider !== '';
}
