/**
 * Internal dependencies
 */
import type { FolderListing, FolderRef } from '../types';

export const ROOT: FolderRef = { id: '', name: '', path: '' };
export const CLIENTS: FolderRef = {
	id: 'id:clients',
	name: 'Clients',
	path: '/Clients',
};
export const SMITH: FolderRef = {
	id: 'id:smith',
	name: 'Smith wedding',
	path: '/Clients/Smith wedding',
};
export const JONES: FolderRef = {
	id: 'id:jones',
	name: 'Jones family',
	path: '/Clients/Jones family',
};
export const PORTFOLIO: FolderRef = {
	id: 'id:portfolio',
	name: 'Portfolio',
	path: '/Portfolio',
};
export const WEDDINGS: FolderRef = {
	id: 'id:weddings',
	name: 'Weddings',
	path: '/Weddings',
};

/** 25 subfolders: enough to offer the filter box. */
export const MANY = Array.from( { length: 25 }, ( _, index ): FolderRef => {
	const name = `Wedding ${ String( index + 1 ).padStart( 2, '0' ) }`;
	return { id: `id:w${ index + 1 }`, name, path: `/Weddings/${ name }` };
} );

function listing(
	breadcrumb: FolderRef[],
	folders: FolderRef[],
	photoCount = 0
): FolderListing {
	return {
		provider: 'dropbox',
		root: ROOT,
		folder: breadcrumb[ breadcrumb.length - 1 ] ?? ROOT,
		breadcrumb,
		folders,
		photoCount,
		otherFileCount: 0,
		complete: true,
	};
}

/** A small Dropbox, by the `folder` parameter of GET /folders. */
export const LIBRARY: Record< string, FolderListing > = {
	'': listing( [ ROOT ], [ CLIENTS, PORTFOLIO, WEDDINGS ], 3 ),
	'id:clients': listing( [ ROOT, CLIENTS ], [ JONES, SMITH ], 0 ),
	'id:smith': listing( [ ROOT, CLIENTS, SMITH ], [], 42 ),
	'id:jones': listing( [ ROOT, CLIENTS, JONES ], [], 7 ),
	'id:portfolio': listing( [ ROOT, PORTFOLIO ], [], 12 ),
	'id:weddings': listing( [ ROOT, WEDDINGS ], MANY, 0 ),
	...Object.fromEntries(
		MANY.map( ( folder ) => [
			folder.id,
			listing( [ ROOT, WEDDINGS, folder ], [], 5 ),
		] )
	),
};

/*
 * A small Google Drive: the virtual root above My Drive and one shared
 * drive, with Drive file ids (no "id:" prefix) and display paths.
 */
export const DRIVE_ROOT: FolderRef = {
	id: '',
	name: 'Google Drive',
	path: '/',
};
export const MY_DRIVE: FolderRef = {
	id: 'root',
	name: 'My Drive',
	path: '/My Drive',
};
export const STUDIO: FolderRef = {
	id: '0AStudioSharedDrive',
	name: 'Studio Shared',
	path: '/Studio Shared',
};
export const DRIVE_CLIENTS: FolderRef = {
	id: '1ClientsFolderId',
	name: 'Clients',
	path: '/My Drive/Clients',
};
export const DRIVE_SMITH: FolderRef = {
	id: '1SmithFolderId',
	name: 'Smith',
	path: '/My Drive/Clients/Smith',
};
export const DRIVE_PORTFOLIO: FolderRef = {
	id: '1PortfolioFolderId',
	name: 'Portfolio',
	path: '/Studio Shared/Portfolio',
};

function driveListing(
	breadcrumb: FolderRef[],
	folders: FolderRef[],
	photoCount = 0
): FolderListing {
	return {
		provider: 'google',
		root: DRIVE_ROOT,
		folder: breadcrumb[ breadcrumb.length - 1 ] ?? DRIVE_ROOT,
		breadcrumb,
		folders,
		photoCount,
		otherFileCount: 0,
		complete: true,
	};
}

/** The Google Drive, by the `folder` parameter of GET /folders. */
export const DRIVE_LIBRARY: Record< string, FolderListing > = {
	'': driveListing( [ DRIVE_ROOT ], [ MY_DRIVE, STUDIO ] ),
	root: driveListing( [ DRIVE_ROOT, MY_DRIVE ], [ DRIVE_CLIENTS ], 2 ),
	[ STUDIO.id ]: driveListing( [ DRIVE_ROOT, STUDIO ], [ DRIVE_PORTFOLIO ] ),
	[ DRIVE_CLIENTS.id ]: driveListing(
		[ DRIVE_ROOT, MY_DRIVE, DRIVE_CLIENTS ],
		[ DRIVE_SMITH ]
	),
	[ DRIVE_SMITH.id ]: driveListing(
		[ DRIVE_ROOT, MY_DRIVE, DRIVE_CLIENTS, DRIVE_SMITH ],
		[],
		18
	),
	[ DRIVE_PORTFOLIO.id ]: driveListing(
		[ DRIVE_ROOT, STUDIO, DRIVE_PORTFOLIO ],
		[],
		9
	),
};
