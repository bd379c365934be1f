import type { Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';

import { isHidden } from '../../library/manifest';
import { fileId } from './ids';
import type { DriveItem, VirtualFolder } from './item';
import { FOLDER_MIME, mimeTypeOf, SHORTCUT_MIME } from './mime';

/** What the tree needs from the disk. */
export interface LibraryAccess {
	abs: ( libraryPath: string ) => string;
	statPath: ( libraryPath: string ) => Promise< Stats | null >;
}

/** The items of a Drive-only folder, and the Drive-only folders among them (to be listed later). */
export interface Expansion {
	items: DriveItem[];
	folders: Array< [ id: string, folder: VirtualFolder ] >;
}

function fileItem(
	folder: DriveItem,
	spec: VirtualFolder,
	name: string,
	source: string,
	trashed: boolean
): DriveItem {
	return {
		id: fileId( spec.key( name ) ),
		name,
		kind: 'file',
		mimeType: mimeTypeOf( name ),
		parentId: folder.id,
		driveId: spec.driveId,
		source,
		dir: null,
		trashed: spec.trashed || trashed,
		explicitlyTrashed: trashed,
		time: null,
		target: null,
	};
}

/**
 * `count` JPEGs of a library folder (by name), renamed: a shared folder's photos.
 */
async function borrowedPhotos(
	folder: DriveItem,
	spec: VirtualFolder,
	disk: LibraryAccess
): Promise< DriveItem[] > {
	if ( ! spec.photos ) {
		return [];
	}
	const { from, count, name } = spec.photos;
	let names: string[] = [];
	try {
		names = ( await readdir( disk.abs( from ) ) )
			.filter( ( n ) => /\.jpe?g$/i.test( n ) && ! isHidden( n ) )
			.sort()
			.slice( 0, count );
	} catch {
		// A library without that folder: the shared folder is empty.
	}
	return names.map( ( source, i ) =>
		fileItem( folder, spec, name( i ), `${ from }/${ source }`, false )
	);
}

/**
 * The items of `layout.ts` inside `folder` (a Drive-only folder, or a
 * library folder with extras); files and shortcuts whose library path is
 * missing are left out.
 */
export async function expand(
	folder: DriveItem,
	parent: VirtualFolder,
	disk: LibraryAccess
): Promise< Expansion > {
	const out: Expansion = { items: [], folders: [] };
	for ( const spec of parent.items ) {
		const trashed = 'trashed' in spec && spec.trashed === true;
		const common = {
			id: fileId( parent.key( spec.name ) ),
			name: spec.name,
			parentId: folder.id,
			driveId: parent.driveId,
			dir: null,
			trashed: parent.trashed || trashed,
			explicitlyTrashed: trashed,
			source: null,
			target: null,
		};
		if ( spec.kind === 'file' ) {
			if ( await disk.statPath( spec.source ) ) {
				out.items.push(
					fileItem( folder, parent, spec.name, spec.source, trashed )
				);
			}
		} else if ( spec.kind === 'folder' ) {
			out.folders.push( [
				common.id,
				{
					items: spec.items,
					photos: spec.photos,
					key: ( name ) => `${ parent.key( spec.name ) }/${ name }`,
					driveId: parent.driveId,
					trashed: common.trashed,
				},
			] );
			out.items.push( {
				...common,
				kind: 'folder',
				mimeType: FOLDER_MIME,
				time: spec.time,
			} );
		} else if ( spec.kind === 'native' ) {
			out.items.push( {
				...common,
				kind: 'native',
				mimeType: spec.mimeType,
				time: spec.time,
			} );
		} else {
			const target = await disk.statPath( spec.target );
			if ( target ) {
				out.items.push( {
					...common,
					kind: 'shortcut',
					mimeType: SHORTCUT_MIME,
					time: spec.time,
					target: {
						path: spec.target,
						isFolder: target.isDirectory(),
					},
				} );
			}
		}
	}
	out.items.push( ...( await borrowedPhotos( folder, parent, disk ) ) );
	return out;
}
