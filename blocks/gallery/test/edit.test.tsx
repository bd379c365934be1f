/**
 * External dependencies
 */
import { act, screen, waitFor, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import {
	connectedConnection,
	dropboxConnection,
	readyConnection,
} from '../../../src/store/connections/test/fixtures';
import { canvas, inCanvas, renderEdit, sidebar, SPOKEN } from './render-edit';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( './block-editor-mock' )
);

describe( 'Cloud Gallery block: placeholder', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'sends people who may connect Dropbox to Settings', () => {
		renderEdit( { connections: [ readyConnection() ] } );

		const link = within( canvas() ).getByRole( 'link', {
			name: 'Connect Dropbox in Customer Cloud Gallery → Settings',
		} );
		expect( link.getAttribute( 'href' ) ).toMatch(
			/\/admin\.php\?page=customer-cloud-gallery$/
		);
		expect( within( canvas() ).queryByRole( 'tree' ) ).toBeNull();
		expect(
			screen.queryByText(
				'Ask your site administrator to connect Dropbox.'
			)
		).toBeNull();
	} );

	it( 'tells everyone else to ask their administrator', () => {
		renderEdit( {
			connections: [ dropboxConnection( { canManage: false } ) ],
		} );

		expect(
			within( canvas() ).getByText(
				'Ask your site administrator to connect Dropbox.'
			)
		).toBeInTheDocument();
		expect( screen.queryByRole( 'link' ) ).toBeNull();
	} );

	it( 'shows the provider picker and the folder tree inline once connected', async () => {
		renderEdit( { connections: [ connectedConnection() ] } );

		const picker = within( canvas() ).getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		expect( picker ).toHaveValue( 'dropbox' );
		expect(
			within( picker ).getByRole( 'option', {
				name: 'Google Drive — not available yet',
			} )
		).toBeDisabled();
		expect(
			await inCanvas().findByRole( 'treeitem', {
				name: 'Clients',
			} )
		).toBeInTheDocument();
		expect(
			within( canvas() ).getByRole( 'button', {
				name: 'Use this folder',
			} )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'saves provider, folder id and path when a nested folder is chosen with the keyboard', async () => {
		const { user, setAttributes, attributes } = renderEdit( {
			connections: [ connectedConnection() ],
		} );
		const tree = await inCanvas().findByRole( 'tree', {
			name: 'Folders',
		} );
		await within( tree ).findByRole( 'treeitem', { name: 'Clients' } );

		act( () =>
			within( tree ).getByRole( 'treeitem', { name: 'Dropbox' } ).focus()
		);
		await user.keyboard( '{ArrowDown}{ArrowRight}' );
		await within( tree ).findByRole( 'treeitem', {
			name: 'Smith wedding',
		} );
		await user.keyboard( '{ArrowRight}{ArrowDown}{Enter}' );
		expect( setAttributes ).not.toHaveBeenCalled();
		expect(
			screen.getByText( 'Chosen: /Clients/Smith wedding' )
		).toBeInTheDocument();

		await user.click(
			screen.getByRole( 'button', { name: 'Use this folder' } )
		);
		expect( setAttributes ).toHaveBeenCalledWith( {
			provider: 'dropbox',
			folderId: 'id:smith',
			folderPath: '/Clients/Smith wedding',
		} );
		expect( attributes().folderId ).toBe( 'id:smith' );
		expect(
			screen.queryByRole( 'button', { name: 'Use this folder' } )
		).toBeNull();
	} );
} );

describe( 'Cloud Gallery block: with a folder', () => {
	beforeEach( () => jest.resetAllMocks() );

	const smith = {
		provider: 'dropbox' as const,
		folderId: 'id:smith',
		folderPath: '/Clients/Smith wedding',
	};

	it( 'previews the server-rendered gallery in the canvas', async () => {
		renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
		} );

		expect(
			await inCanvas().findByText( 'columns 3 of /Clients/Smith wedding' )
		).toBeInTheDocument();
		expect(
			within( canvas() ).getByRole( 'img', { name: 'Photo' } )
		).toBeInTheDocument();
	} );

	it( 'shows the breadcrumb, the photo count and the chosen folder in the sidebar', async () => {
		renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
		} );

		const crumbs = await within( sidebar() ).findByRole( 'navigation', {
			name: 'Chosen folder',
		} );
		expect(
			within( crumbs )
				.getAllByRole( 'listitem' )
				.map( ( node ) => node.textContent )
		).toEqual( [ 'Dropbox', 'Clients', 'Smith wedding' ] );
		expect(
			within( sidebar() ).getByText( '42 photos in this folder' )
		).toBeInTheDocument();
		expect(
			await within( sidebar() ).findByRole( 'treeitem', {
				name: 'Smith wedding',
			} )
		).toHaveAttribute( 'aria-selected', 'true' );
	} );

	it( 'saves a folder chosen in the sidebar at once and refreshes the preview', async () => {
		const { user, setAttributes } = renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
		} );
		await within( sidebar() ).findByRole( 'treeitem', {
			name: 'Portfolio',
		} );

		await user.click( within( sidebar() ).getByText( 'Portfolio' ) );
		expect( setAttributes ).toHaveBeenCalledWith( {
			provider: 'dropbox',
			folderId: 'id:portfolio',
			folderPath: '/Portfolio',
		} );
		expect(
			await inCanvas().findByText( 'columns 3 of /Portfolio' )
		).toBeInTheDocument();
	} );

	it( 'labels every layout control and applies changes', async () => {
		const { user, setAttributes } = renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
		} );

		for ( const name of [
			'Columns',
			'Space between photos (px)',
			'Photos per page',
		] ) {
			expect(
				within( sidebar() ).getAllByRole( 'spinbutton', { name } )
			).toHaveLength( 1 );
		}
		await user.selectOptions(
			within( sidebar() ).getByRole( 'combobox', {
				name: 'Crop to aspect ratio',
			} ),
			'16:9'
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( {
			aspectRatio: '16/9',
		} );
		await user.selectOptions(
			within( sidebar() ).getByRole( 'combobox', { name: 'Sort by' } ),
			'Date taken'
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( { sortBy: 'taken' } );
		await user.selectOptions(
			within( sidebar() ).getByRole( 'combobox', { name: 'Order' } ),
			'Descending'
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( {
			sortOrder: 'desc',
		} );
		await user.selectOptions(
			within( sidebar() ).getByRole( 'combobox', { name: 'Captions' } ),
			'File name'
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( {
			caption: 'filename',
		} );
		await user.click(
			within( sidebar() ).getByRole( 'checkbox', {
				name: 'Open photos in a lightbox',
			} )
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( { lightbox: false } );

		const columns = within( sidebar() ).getByRole( 'spinbutton', {
			name: 'Columns',
		} );
		await user.clear( columns );
		await user.type( columns, '5' );
		await waitFor( () =>
			expect( setAttributes ).toHaveBeenLastCalledWith( { columns: 5 } )
		);
		expect(
			await inCanvas().findByText( 'columns 5 of /Clients/Smith wedding' )
		).toBeInTheDocument();
	} );

	it( 'says so when the folder can no longer be reached, and offers another', async () => {
		const { user, setAttributes } = renderEdit( {
			connections: [ connectedConnection() ],
			attributes: {
				provider: 'dropbox',
				folderId: 'id:deleted',
				folderPath: '/Clients/Old shoot',
			},
		} );

		expect(
			await inCanvas().findByText(
				'This folder can no longer be reached in Dropbox: /Clients/Old shoot',
				{ ignore: SPOKEN }
			)
		).toBeInTheDocument();
		expect(
			within( canvas() ).getByText(
				'The folder was not found in Dropbox.'
			)
		).toBeInTheDocument();

		await user.click(
			within( canvas() ).getByRole( 'button', {
				name: 'Choose another folder',
			} )
		);
		await inCanvas().findByRole( 'treeitem', {
			name: 'Portfolio',
		} );
		await user.click( within( canvas() ).getByText( 'Portfolio' ) );
		await user.click(
			within( canvas() ).getByRole( 'button', {
				name: 'Use this folder',
			} )
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( {
			provider: 'dropbox',
			folderId: 'id:portfolio',
			folderPath: '/Portfolio',
		} );
	} );

	it( 'offers to change the folder from the toolbar, and to cancel', async () => {
		const { user } = renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
		} );
		await user.click(
			within( screen.getByTestId( 'toolbar' ) ).getByRole( 'button', {
				name: 'Change folder',
			} )
		);
		expect(
			await inCanvas().findByRole( 'tree', { name: 'Folders' } )
		).toBeInTheDocument();
		await user.click(
			within( canvas() ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect(
			await inCanvas().findByText( 'columns 3 of /Clients/Smith wedding' )
		).toBeInTheDocument();
	} );
} );
