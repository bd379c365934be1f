/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import {
	CLIENTS,
	DRIVE_CLIENTS,
	DRIVE_PORTFOLIO,
	PORTFOLIO,
	SMITH,
} from '../../../api/test/folder-fixtures';
import { folderRequests, mockApi } from '../../../api/test/mock-api';
import { renderWithProviders } from '../../../api/test/providers';
import FolderTree from '..';

jest.mock( '@wordpress/api-fetch' );

async function renderTree(
	props: Partial< Parameters< typeof FolderTree >[ 0 ] > = {}
) {
	const apiFetch = mockApi();
	const onSelect = jest.fn();
	const user = userEvent.setup();
	const utils = renderWithProviders(
		<FolderTree
			provider="dropbox"
			label="Folders"
			selectedId={ null }
			onSelect={ onSelect }
			{ ...props }
		/>
	);
	const tree = await screen.findByRole( 'tree', { name: 'Folders' } );
	await within( tree ).findByRole( 'treeitem', { name: 'Clients' } );
	return { ...utils, apiFetch, onSelect, user, tree };
}

const item = ( name: string ) => screen.getByRole( 'treeitem', { name } );

describe( 'FolderTree', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'shows the root open with its subfolders and the tree’s ARIA attributes', async () => {
		const { tree } = await renderTree();

		const root = item( 'Dropbox' );
		expect( root ).toHaveAttribute( 'aria-level', '1' );
		expect( root ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( root ).toHaveAttribute( 'aria-selected', 'false' );
		expect( root ).toHaveAttribute( 'tabindex', '0' );

		const clients = item( 'Clients' );
		expect( clients ).toHaveAttribute( 'aria-level', '2' );
		expect( clients ).toHaveAttribute( 'aria-setsize', '3' );
		expect( clients ).toHaveAttribute( 'aria-posinset', '1' );
		expect( clients ).toHaveAttribute( 'aria-expanded', 'false' );
		expect( clients ).toHaveAttribute( 'tabindex', '-1' );
		expect( item( 'Weddings' ) ).toHaveAttribute( 'aria-posinset', '3' );
		// One flat list: a row holds its own folder's name, never its subfolders'.
		expect( within( tree ).queryAllByRole( 'group' ) ).toHaveLength( 0 );
		expect( root ).toHaveTextContent( /^Dropbox$/ );
		// One Tab stop for the whole tree.
		expect(
			tree.querySelectorAll( '[role="treeitem"][tabindex="0"]' )
		).toHaveLength( 1 );
	} );

	it( 'moves focus with the arrow keys, Home and End', async () => {
		const { user } = await renderTree();

		await user.tab();
		expect( item( 'Dropbox' ) ).toHaveFocus();
		await user.keyboard( '{ArrowDown}' );
		expect( item( 'Clients' ) ).toHaveFocus();
		expect( item( 'Clients' ) ).toHaveAttribute( 'tabindex', '0' );
		expect( item( 'Dropbox' ) ).toHaveAttribute( 'tabindex', '-1' );
		await user.keyboard( '{ArrowDown}{ArrowDown}' );
		expect( item( 'Weddings' ) ).toHaveFocus();
		await user.keyboard( '{ArrowDown}' );
		expect( item( 'Weddings' ) ).toHaveFocus();
		await user.keyboard( '{ArrowUp}' );
		expect( item( 'Portfolio' ) ).toHaveFocus();
		await user.keyboard( '{Home}' );
		expect( item( 'Dropbox' ) ).toHaveFocus();
		await user.keyboard( '{End}' );
		expect( item( 'Weddings' ) ).toHaveFocus();
	} );

	it( 'loads a folder’s subfolders only when Right opens it, then Right enters it', async () => {
		const { user, apiFetch } = await renderTree();
		expect( folderRequests( apiFetch ) ).toEqual( [ '' ] );

		await user.tab();
		await user.keyboard( '{ArrowDown}{ArrowRight}' );
		expect( item( 'Clients' ) ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( item( 'Clients' ) ).toHaveFocus();
		await screen.findByRole( 'treeitem', { name: 'Smith wedding' } );
		expect( folderRequests( apiFetch ) ).toEqual( [ '', CLIENTS.id ] );
		expect( item( 'Smith wedding' ) ).toHaveAttribute( 'aria-level', '3' );

		await user.keyboard( '{ArrowRight}' );
		expect( item( 'Jones family' ) ).toHaveFocus();
		await user.keyboard( '{ArrowDown}' );
		expect( item( 'Smith wedding' ) ).toHaveFocus();
		await user.keyboard( '{ArrowDown}' );
		expect( item( 'Portfolio' ) ).toHaveFocus();
	} );

	it( 'closes with Left, and Left on a closed folder goes to its parent', async () => {
		const { user } = await renderTree();
		await user.tab();
		await user.keyboard( '{ArrowDown}{ArrowRight}' );
		await screen.findByRole( 'treeitem', { name: 'Jones family' } );
		await user.keyboard( '{ArrowRight}' );
		expect( item( 'Jones family' ) ).toHaveFocus();

		await user.keyboard( '{ArrowLeft}' );
		expect( item( 'Clients' ) ).toHaveFocus();
		await user.keyboard( '{ArrowLeft}' );
		expect( item( 'Clients' ) ).toHaveAttribute( 'aria-expanded', 'false' );
		expect(
			screen.queryByRole( 'treeitem', { name: 'Jones family' } )
		).toBeNull();
		await user.keyboard( '{ArrowLeft}' );
		expect( item( 'Dropbox' ) ).toHaveFocus();
	} );

	it( 'marks a folder without subfolders as an end node once opened', async () => {
		const { user } = await renderTree();
		await user.tab();
		await user.keyboard( '{ArrowDown}{ArrowDown}{ArrowRight}' );
		await waitFor( () =>
			expect( item( 'Portfolio' ) ).not.toHaveAttribute( 'aria-expanded' )
		);
		await user.keyboard( '{ArrowLeft}' );
		expect( item( 'Dropbox' ) ).toHaveFocus();
	} );

	it( 'chooses the focused folder with Enter or Space', async () => {
		const { user, onSelect } = await renderTree();
		await user.tab();
		await user.keyboard( '{ArrowDown}{ArrowDown}{Enter}' );
		expect( onSelect ).toHaveBeenLastCalledWith( PORTFOLIO );

		await user.keyboard( '{ArrowUp}{ArrowRight}' );
		await screen.findByRole( 'treeitem', { name: 'Smith wedding' } );
		await user.keyboard( '{ArrowRight}{ArrowDown} ' );
		expect( onSelect ).toHaveBeenLastCalledWith( SMITH );
	} );

	it( 'keeps the keys it handles from the block editor around it', async () => {
		const { user, tree } = await renderTree();
		// The block editor listens on ancestors of the block (arrow keys move
		// between blocks, Enter inserts one); they must not see these keys.
		const outer = jest.fn();
		tree.parentElement?.parentElement?.addEventListener( 'keydown', outer );

		await user.tab();
		await user.keyboard( '{ArrowDown}{ArrowUp}{ArrowRight}{Enter}{End}' );
		expect( outer ).not.toHaveBeenCalled();

		await user.keyboard( '{Tab}' );
		expect( outer ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'chooses a folder by click and opens it with its chevron', async () => {
		const { user, onSelect } = await renderTree();
		await user.click( screen.getByText( 'Portfolio' ) );
		expect( onSelect ).toHaveBeenLastCalledWith( PORTFOLIO );
		expect( item( 'Portfolio' ) ).toHaveFocus();

		const chevron = item( 'Clients' ).querySelector(
			'.ccg-folder-tree__toggle'
		) as HTMLElement;
		await user.click( chevron );
		expect( item( 'Clients' ) ).toHaveAttribute( 'aria-expanded', 'true' );
		expect(
			await screen.findByRole( 'treeitem', { name: 'Smith wedding' } )
		).toBeInTheDocument();
		expect( onSelect ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'marks the chosen folder selected and makes it the Tab stop', async () => {
		await renderTree( { selectedId: PORTFOLIO.id } );
		expect( item( 'Portfolio' ) ).toHaveAttribute(
			'aria-selected',
			'true'
		);
		expect( item( 'Portfolio' ) ).toHaveAttribute( 'tabindex', '0' );
		expect( item( 'Clients' ) ).toHaveAttribute( 'aria-selected', 'false' );
	} );

	it( 'opens the chosen folder’s ancestors at first', async () => {
		await renderTree( {
			selectedId: SMITH.id,
			initialExpanded: [ CLIENTS.id ],
		} );
		expect(
			await screen.findByRole( 'treeitem', { name: 'Smith wedding' } )
		).toHaveAttribute( 'aria-selected', 'true' );
	} );

	it( 'jumps to a folder by typing the start of its name', async () => {
		const { user } = await renderTree();
		const now = jest.spyOn( Date, 'now' ).mockReturnValue( 1000 );
		await user.tab();
		await user.keyboard( 'w' );
		expect( item( 'Weddings' ) ).toHaveFocus();
		// Typed quickly, letters add up to one name.
		await user.keyboard( 'c' );
		expect( item( 'Weddings' ) ).toHaveFocus();
		// After a pause, typing starts over.
		now.mockReturnValue( 2000 );
		await user.keyboard( 'c' );
		expect( item( 'Clients' ) ).toHaveFocus();
		now.mockRestore();
	} );

	it( 'offers a filter box only for a folder with many subfolders', async () => {
		const { user } = await renderTree();
		expect( screen.queryByRole( 'searchbox' ) ).toBeNull();

		await user.tab();
		await user.keyboard( '{End}{ArrowRight}' );
		await screen.findByRole( 'treeitem', { name: 'Wedding 25' } );
		const filter = screen.getByRole( 'searchbox', {
			name: 'Filter folders',
		} );

		await user.type( filter, '1' );
		const shown = screen
			.getAllByRole( 'treeitem' )
			.filter( ( node ) => node.getAttribute( 'aria-level' ) === '3' )
			.map( ( node ) => node.getAttribute( 'aria-label' ) );
		expect( shown ).toEqual( [
			'Wedding 01',
			'Wedding 10',
			'Wedding 11',
			'Wedding 12',
			'Wedding 13',
			'Wedding 14',
			'Wedding 15',
			'Wedding 16',
			'Wedding 17',
			'Wedding 18',
			'Wedding 19',
			'Wedding 21',
		] );
		expect( item( 'Wedding 21' ) ).toHaveAttribute( 'aria-setsize', '12' );
		expect(
			screen.getByText( '13 folders hidden by the filter.' )
		).toBeInTheDocument();
		// Small folders are not filtered.
		expect( item( 'Clients' ) ).toBeInTheDocument();

		await user.type( filter, 'x' );
		expect(
			screen.getByText( 'No subfolders match the filter.' )
		).toBeInTheDocument();
	} );

	it( 'shows why the folders could not load', async () => {
		mockApi( {
			routes: {
				'GET /customer-cloud-gallery/v1/folders': () => {
					throw {
						code: 'ccg_unreachable',
						message: 'Dropbox cannot be reached right now.',
						data: { status: 503 },
					};
				},
			},
		} );
		renderWithProviders(
			<FolderTree
				provider="dropbox"
				label="Folders"
				selectedId={ null }
				onSelect={ jest.fn() }
			/>
		);
		expect(
			await screen.findByText( 'Dropbox cannot be reached right now.', {
				ignore: '.a11y-speak-region, script, style',
			} )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'tree' ) ).toBeNull();
	} );
} );

describe( 'FolderTree for Google Drive', () => {
	beforeEach( () => jest.resetAllMocks() );

	async function renderDrive(
		props: Partial< Parameters< typeof FolderTree >[ 0 ] > = {}
	) {
		const apiFetch = mockApi();
		const onSelect = jest.fn();
		const user = userEvent.setup();
		renderWithProviders(
			<FolderTree
				provider="google"
				label="Folders"
				selectedId={ null }
				onSelect={ onSelect }
				{ ...props }
			/>
		);
		const tree = await screen.findByRole( 'tree', { name: 'Folders' } );
		await within( tree ).findByRole( 'treeitem', { name: 'My Drive' } );
		return { apiFetch, onSelect, user, tree };
	}

	it( 'starts at the virtual root, with My Drive and the shared drives', async () => {
		const { apiFetch } = await renderDrive();

		expect( item( 'Google Drive' ) ).toHaveAttribute( 'aria-level', '1' );
		expect( item( 'My Drive' ) ).toHaveAttribute( 'aria-posinset', '1' );
		expect( item( 'Studio Shared' ) ).toHaveAttribute(
			'aria-posinset',
			'2'
		);
		expect( folderRequests( apiFetch ) ).toEqual( [ '' ] );
	} );

	it( 'opens a shared drive by its Drive id and reports the folder chosen', async () => {
		const { apiFetch, onSelect, user } = await renderDrive();

		await user.click( item( 'Studio Shared' ) );
		await user.keyboard( '{ArrowRight}' );
		await screen.findByRole( 'treeitem', { name: 'Portfolio' } );
		await user.keyboard( '{ArrowDown}{Enter}' );

		expect( folderRequests( apiFetch ) ).toEqual( [
			'',
			'0AStudioSharedDrive',
		] );
		expect( onSelect ).toHaveBeenLastCalledWith( DRIVE_PORTFOLIO );
	} );

	it( 'opens the chosen folder’s ancestors by their Drive ids', async () => {
		await renderDrive( {
			selectedId: DRIVE_CLIENTS.id,
			initialExpanded: [ 'root' ],
		} );

		expect(
			await screen.findByRole( 'treeitem', { name: 'Clients' } )
		).toHaveAttribute( 'aria-selected', 'true' );
	} );
} );
