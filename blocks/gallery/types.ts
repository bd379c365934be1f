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
	/** Grid (square or cropped cells), justified rows, or masonry columns. */
	layout: 'grid' | 'justified' | 'masonry';
	/** Justified rows' target height in pixels. */
	rowHeight: number;
	/** Subfolders shown as album cards before the photos. */
	albums: boolean;
	/** How many levels of subfolders are albums. */
	albumDepth: number;
	/** Visitors may download photos. */
	downloads: boolean;
	/** A "Download all" ZIP for the gallery or album, when downloads are on. */
	downloadAll: boolean;
	/** What a download delivers: the original, or a web size (long edge in pixels). */
	downloadSize: 'original' | '2048' | '1024';
};
