/**
 * Internal dependencies
 */
import type { ProviderId } from '../../src/api/types';

// A type alias, not an interface: block attributes must satisfy
// Record< string, unknown > in @wordpress/blocks' generics.
export type GalleryAttributes = {
	/** '' until a folder is chosen. */
	provider: ProviderId | '';
	folderId: string;
	folderPath: string;
	columns: number;
	gap: number;
	aspectRatio: 'original' | '1' | '4/3' | '3/2' | '16/9' | '3/4' | '2/3';
	sortBy: 'name' | 'taken' | 'modified';
	sortOrder: 'asc' | 'desc';
	perPage: number;
	caption: 'none' | 'filename';
	lightbox: boolean;
};
