/**
 * Internal dependencies
 */
import type { FolderRef, ProviderId } from '../../src/api/types';
import type { GalleryAttributes } from './types';

/**
 * What the block saves for a chosen folder: the provider, the folder's
 * stable id (survives renames and moves: Dropbox's `id:…`, a Drive file id)
 * and its path to show.
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
 * provider's root (the gallery folder the admin set, else the whole Dropbox
 * or the Drive root above My Drive and the shared drives).
 *
 * @param attributes Block attributes.
 * @return Whether a folder has been chosen.
 */
export function hasFolder( attributes: GalleryAttributes ): boolean {
	return attributes.provider !== '';
}

/**
 * The provider a folder picker shows: the first preferred one that can be
 * used (the one just picked, then the gallery's), else the first connected.
 *
 * @param connected Providers that can be used now.
 * @param preferred Candidates in order; '' is skipped.
 * @return The provider, or '' when none is connected.
 */
export function pickerProvider(
	connected: ProviderId[],
	...preferred: Array< ProviderId | '' >
): ProviderId | '' {
	return (
		preferred.find(
			( provider ): provider is ProviderId =>
				provider !== '' && connected.includes( provider )
		) ??
		connected[ 0 ] ??
		''
	);
}
