/**
 * External dependencies
 */
import { act, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import {
	connectedConnection,
	dropboxConnection,
	googleConnectedConnection,
	googleConnection,
	googleReadyConnection,
	readyConnection,
} from '../../../src/store/connections/test/fixtures';
import { canvas, inCanvas, renderEdit, sidebar, SPOKEN } from './render-edit';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( './block-editor-mock' )
);

const BOTH = [ connectedConnection(), googleConnectedConnection() ];

const driveSmith = {
	provider: 'google' as const,
	folderId: '1SmithFolderId',
	folderPath: '/My Drive/Clients/Smith',
};

describe( 'Cloud Gallery block with Google Drive: placeholder', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'offers Google Drive once connected, and starts at My Drive and the shared drives', async () => {
		const { user } = renderEdit( { connections: BOTH } );
		const picker = within( canvas() ).getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		expect(
			within( picker ).getByRole( 'option', { name: 'Google Drive' } )
		).toBeEnabled();

		await user.selectOptions( picker, 'Google Drive' );

		const tree = await inCanvas().findByRole( 'tree', { name: 'Folders' } );
		expect(
			within( tree ).getByRole( 'treeitem', { name: 'Google Drive' } )
		).toHaveAttribute( 'aria-level', '1' );
		expect(
			await within( tree ).findByRole( 'treeitem', { name: 'My Drive' } )
		).toHaveAttribute( 'aria-level', '2' );
		expect(
			within( tree ).getByRole( 'treeitem', { name: 'Studio Shared' } )
		).toBeInTheDocument();
		expect(
			within( tree ).queryByRole( 'treeitem', { name: 'Clients' } )
		).toBeNull();
	} );

	it( 'saves provider, Drive id and path of a folder chosen with the keyboard', async () => {
		const { user, setAttributes } = renderEdit( { connections: BOTH } );
		await user.selectOptions(
			within( canvas() ).getByRole( 'combobox', {
				name: 'Storage provider',
			} ),
			'Google Drive'
		);
		const tree = await inCanvas().findByRole( 'tree', { name: 'Folders' } );
		await within( tree ).findByRole( 'treeitem', { name: 'My Drive' } );

		act( () =>
			within( tree )
				.getByRole( 'treeitem', { name: 'Google Drive' } )
				.focus()
		);
		// My Drive → open → Clients → open → Smith → choose.
		await user.keyboard( '{ArrowDown}{ArrowRight}' );
		await within( tree ).findByRole( 'treeitem', { name: 'Clients' } );
		await user.keyboard( '{ArrowDown}{ArrowRight}' );
		await within( tree ).findByRole( 'treeitem', { name: 'Smith' } );
		await user.keyboard( '{ArrowDown}{Enter}' );
		expect(
			screen.getByText( 'Chosen: /My Drive/Clients/Smith' )
		).toBeInTheDocument();

		await user.click(
			screen.getByRole( 'button', { name: 'Use this folder' } )
		);
		expect( setAttributes ).toHaveBeenCalledWith( driveSmith );
	} );

	it( 'shows the same provider in the block and the sidebar until a folder is saved', async () => {
		const { user, setAttributes } = renderEdit( { connections: BOTH } );
		const sidebarPicker = within( sidebar() ).getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		expect( sidebarPicker ).toHaveValue( 'dropbox' );

		await user.selectOptions(
			within( canvas() ).getByRole( 'combobox', {
				name: 'Storage provider',
			} ),
			'Google Drive'
		);
		expect( sidebarPicker ).toHaveValue( 'google' );
		expect(
			await within( sidebar() ).findByRole( 'treeitem', {
				name: 'My Drive',
			} )
		).toBeInTheDocument();

		await user.selectOptions( sidebarPicker, 'Dropbox' );
		expect(
			within( canvas() ).getByRole( 'combobox', {
				name: 'Storage provider',
			} )
		).toHaveValue( 'dropbox' );
		// Nothing is saved until a folder is chosen.
		expect( setAttributes ).not.toHaveBeenCalled();
	} );

	it( 'forgets a folder marked in one provider’s tree when the provider changes', async () => {
		const { user } = renderEdit( { connections: BOTH } );
		const picker = within( canvas() ).getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		await user.click( await inCanvas().findByText( 'Portfolio' ) );
		expect( screen.getByText( 'Chosen: /Portfolio' ) ).toBeInTheDocument();

		await user.selectOptions( picker, 'Google Drive' );
		expect( screen.queryByText( /^Chosen:/ ) ).toBeNull();
		expect(
			within( canvas() ).getByRole( 'button', {
				name: 'Use this folder',
			} )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'explains how to connect Google Drive while only Dropbox is connected', () => {
		renderEdit( {
			connections: [ connectedConnection(), googleReadyConnection() ],
		} );
		const picker = within( canvas() ).getByRole( 'combobox', {
			name: 'Storage provider',
		} );

		expect(
			within( picker ).getByRole( 'option', {
				name: 'Google Drive — not connected yet',
			} )
		).toBeDisabled();
		const help = document.getElementById(
			picker.getAttribute( 'aria-describedby' ) ?? ''
		);
		expect( help ).toHaveTextContent(
			'To use Google Drive, connect it in Customer Cloud Gallery → Settings.'
		);
		expect(
			within( canvas() ).getByRole( 'link', {
				name: 'Customer Cloud Gallery → Settings',
			} )
		).toHaveAttribute(
			'href',
			expect.stringMatching(
				/\/admin\.php\?page=customer-cloud-gallery$/
			)
		);
	} );

	it( 'tells people who cannot connect it whom to ask', () => {
		renderEdit( {
			connections: [
				connectedConnection( { canManage: false } ),
				googleConnection( { canManage: false } ),
			],
		} );

		expect(
			within( canvas() ).getByRole( 'combobox', {
				name: 'Storage provider',
			} )
		).toHaveAccessibleDescription(
			'To use Google Drive, ask your site administrator to connect it.'
		);
		expect( within( canvas() ).queryByRole( 'link' ) ).toBeNull();
	} );

	it( 'names both providers while neither is connected', () => {
		renderEdit( {
			connections: [ readyConnection(), googleConnection() ],
		} );

		expect(
			within( canvas() ).getByText(
				'This gallery shows photos from Dropbox or Google Drive. None of them is connected to this site yet.'
			)
		).toBeInTheDocument();
		expect(
			within( canvas() ).getByRole( 'link', {
				name: 'Connect Dropbox or Google Drive in Customer Cloud Gallery → Settings',
			} )
		).toBeInTheDocument();
	} );

	it( 'tells everyone else to ask for both', () => {
		renderEdit( {
			connections: [
				dropboxConnection( { canManage: false } ),
				googleConnection( { canManage: false } ),
			],
		} );

		expect(
			within( canvas() ).getByText(
				'Ask your site administrator to connect Dropbox or Google Drive.'
			)
		).toBeInTheDocument();
	} );
} );

describe( 'Cloud Gallery block with Google Drive: with a folder', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'shows the Drive breadcrumb, the photo count and the chosen folder', async () => {
		renderEdit( { connections: BOTH, attributes: driveSmith } );

		const crumbs = await within( sidebar() ).findByRole( 'navigation', {
			name: 'Chosen folder',
		} );
		expect(
			within( crumbs )
				.getAllByRole( 'listitem' )
				.map( ( node ) => node.textContent )
		).toEqual( [ 'Google Drive', 'My Drive', 'Clients', 'Smith' ] );
		expect(
			within( sidebar() ).getByText( '18 photos in this folder' )
		).toBeInTheDocument();
		expect(
			await within( sidebar() ).findByRole( 'treeitem', {
				name: 'Smith',
			} )
		).toHaveAttribute( 'aria-selected', 'true' );
		expect(
			within( sidebar() ).getByRole( 'combobox', {
				name: 'Storage provider',
			} )
		).toHaveValue( 'google' );
		expect(
			await inCanvas().findByText(
				'columns 3 of /My Drive/Clients/Smith'
			)
		).toBeInTheDocument();
	} );

	it( 'starts over at the new provider’s root when the provider changes', async () => {
		const { user, setAttributes } = renderEdit( {
			connections: BOTH,
			attributes: driveSmith,
		} );
		await within( sidebar() ).findByRole( 'treeitem', { name: 'Smith' } );

		await user.selectOptions(
			within( sidebar() ).getByRole( 'combobox', {
				name: 'Storage provider',
			} ),
			'Dropbox'
		);

		expect( setAttributes ).toHaveBeenLastCalledWith( {
			provider: 'dropbox',
			folderId: '',
			folderPath: '/',
		} );
		const tree = await within( sidebar() ).findByRole( 'tree', {
			name: 'Folders',
		} );
		expect(
			await within( tree ).findByRole( 'treeitem', { name: 'Clients' } )
		).toBeInTheDocument();
		expect(
			within( tree ).getByRole( 'treeitem', { name: 'Dropbox' } )
		).toHaveAttribute( 'aria-selected', 'true' );
	} );

	it( 'names Google Drive when the folder can no longer be reached', async () => {
		renderEdit( {
			connections: BOTH,
			attributes: {
				provider: 'google',
				folderId: '1GoneFolderId',
				folderPath: '/My Drive/Old shoot',
			},
		} );

		expect(
			await inCanvas().findByText(
				'This folder can no longer be reached in Google Drive: /My Drive/Old shoot',
				{ ignore: SPOKEN }
			)
		).toBeInTheDocument();
		expect(
			within( canvas() ).getByText(
				'The folder was not found in Google Drive.'
			)
		).toBeInTheDocument();
	} );

	it( 'says in the sidebar when the gallery’s Google Drive is no longer connected', async () => {
		renderEdit( {
			connections: [ connectedConnection(), googleReadyConnection() ],
			attributes: driveSmith,
		} );

		expect(
			within( sidebar() ).getByText(
				'This gallery shows photos from Google Drive, which is not connected to this site yet.'
			)
		).toBeInTheDocument();
		expect(
			within( sidebar() ).getByRole( 'link', {
				name: 'Connect Google Drive in Customer Cloud Gallery → Settings',
			} )
		).toBeInTheDocument();
		expect( within( sidebar() ).queryByRole( 'tree' ) ).toBeNull();
	} );
} );
