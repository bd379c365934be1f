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
