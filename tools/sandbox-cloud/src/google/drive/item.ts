import type { ExtraSpec } from './layout';

/** One file or folder of the Drive view. */
export interface DriveItem {
	id: string;
	name: string;
	kind: 'folder' | 'file' | 'native' | 'shortcut';
	mimeType: string;
	/** null for My Drive's root and shared drives' roots. */
	parentId: string | null;
	/** The shared drive the item is in; null in My Drive. */
	driveId: string | null;
	/** Library path of the file's bytes, or of the library folder listed for a folder's children. */
	source: string | null;
	/** Library folder whose entries are the folder's children (null for Drive-only folders). */
	dir: string | null;
	trashed: boolean;
	/** Trashed itself, not only because its folder is. */
	explicitlyTrashed: boolean;
	/** Created/modified time of items without a file of their own. */
	time: number | null;
	/** A shortcut's target: a library file or folder. */
	target: { path: string; isFolder: boolean } | null;
}

/** How to list a Drive-only folder: its spec, where its ids come from, and what it inherits. */
export interface VirtualFolder {
	items: ExtraSpec[];
	photos: Extract< ExtraSpec, { kind: 'folder' } >[ 'photos' ];
	/** Builds the id key of a child from its name. */
	key: ( name: string ) => string;
	driveId: string | null;
	trashed: boolean;
}
