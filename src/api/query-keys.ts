/**
 * Internal dependencies
 */
import type { FolderScope, ProviderId } from './types';

/**
 * Every React Query key the plugin uses, from one place, so invalidating
 * "all Dropbox folders" or "every preview" is one prefix.
 */
export const queryKeys = {
	/**
	 * Every folder listing of a provider.
	 *
	 * @param provider Provider.
	 */
	folders: ( provider: ProviderId ) => [ provider, 'folder' ] as const,
	/**
	 * One folder listing.
	 *
	 * @param provider Provider.
	 * @param folderId Folder id; '' is the root of the scope.
	 * @param scope    Gallery root or the whole account.
	 */
	folder: (
		provider: ProviderId,
		folderId: string,
		scope: FolderScope = 'gallery'
	) => [ provider, 'folder', folderId, scope ] as const,
	/** Every block preview. */
	previews: () => [ 'preview' ] as const,
	/**
	 * One server-rendered preview.
	 *
	 * @param attributes Block attributes it renders.
	 * @param postId     Post it renders in, if any.
	 */
	preview: ( attributes: Record< string, unknown >, postId: number | null ) =>
		[ 'preview', postId, attributes ] as const,
	/** The plugin's settings (GET /settings). */
	settings: () => [ 'settings' ] as const,
};
