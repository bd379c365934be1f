/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import type { FolderListing, FolderRef } from '../../../src/api/types';
import {
	connectedConnection,
	exampleConnection,
} from '../../../src/store/connections/test/fixtures';
import { canvas, inCanvas, renderEdit } from './render-edit';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( './block-editor-mock' )
);

const ROOT: FolderRef = { id: '', name: '', path: '' };
const ALBUMS: FolderRef = { id: 'ex:albums', name: 'Albums', path: '/Albums' };

function listing( breadcrumb: FolderRef[], folders: FolderRef[] ) {
	return {
		provider: 'example',
		root: ROOT,
		folder: breadcrumb[ breadcrumb.length - 1 ] ?? ROOT,
		breadcrumb,
		folders,
		photoCount: 0,
		otherFileCount: 0,
		complete: true,
	} satisfies FolderListing;
}

/** What GET /folders?provider=example answers, by folder. */
const EXAMPLE_LIBRARY = {
	'': listing( [ ROOT ], [ ALBUMS ] ),
	'ex:albums': listing( [ ROOT, ALBUMS ], [] ),
};

describe( 'Cloud Gallery block with a provider only the server knows', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'offers it by its label, browses it and saves its folder', async () => {
		const { user, setAttributes } = renderEdit( {
			connections: [
				connectedConnection(),
				exampleConnection( { status: 'connected' } ),
			],
			api: { otherLibraries: { example: EXAMPLE_LIBRARY } },
		} );
		const picker = within( canvas() ).getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		expect(
			within( picker ).getByRole( 'option', { name: 'Example Cloud' } )
		).toBeEnabled();

		await user.selectOptions( picker, 'Example Cloud' );

		const tree = await inCanvas().findByRole( 'tree', { name: 'Folders' } );
		expect(
			within( tree ).getByRole( 'treeitem', { name: 'Example Cloud' } )
		).toHaveAttribute( 'aria-level', '1' );
		await user.click( await within( tree ).findByText( 'Albums' ) );
		expect( screen.getByText( 'Chosen: /Albums' ) ).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'button', { name: 'Use this folder' } )
		);

		expect( setAttributes ).toHaveBeenCalledWith( {
			provider: 'example',
			folderId: 'ex:albums',
			folderPath: '/Albums',
		} );
	} );

	it( 'names it when it is the only provider and not connected yet', () => {
		renderEdit( { connections: [ exampleConnection() ] } );

		expect(
			within( canvas() ).getByRole( 'link', {
				name: 'Connect Example Cloud in Customer Cloud Gallery → Settings',
			} )
		).toBeInTheDocument();
	} );
} );
