/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { DRIVE_LIBRARY, LIBRARY } from '../../api/test/folder-fixtures';
import type { FolderListing } from '../../api/types';
import {
	connectedConnection,
	googleConnectedConnection,
	readyConnection,
} from '../../store/connections/test/fixtures';
import { routeOf } from '../../store/connections/test/api-mock';
import { BASE, renderSettingsScreen } from './render';

jest.mock( '@wordpress/api-fetch' );

const SETTINGS = '/customer-cloud-gallery/v1/settings';
const FOLDERS = '/customer-cloud-gallery/v1/folders';

function folderRoutes(
	provider = 'dropbox',
	library: Record< string, FolderListing > = LIBRARY
) {
	return Object.fromEntries(
		Object.entries( library ).map( ( [ ref, listing ] ) => [
			`GET ${ FOLDERS }?provider=${ provider }&folder=${ encodeURIComponent(
				ref
			) }&scope=all`,
			listing,
		] )
	);
}

async function renderRootSetting(
	root: { id: string; path: string } | null = null,
	connection = connectedConnection()
) {
	const saved: unknown[] = [];
	const utils = await renderSettingsScreen( {
		connections: [ connection ],
		routes: {
			[ `GET ${ BASE }` ]: [ connection ],
			[ `GET ${ SETTINGS }` ]: { galleryRoot: { dropbox: root } },
			[ `POST ${ SETTINGS }` ]: ( options: { data: unknown } ) => {
				saved.push( options.data );
				return options.data;
			},
			...folderRoutes(),
		},
	} );
	const region = screen.getByRole( 'group', { name: 'Gallery folder' } );
	return { ...utils, saved, region };
}

const UNTIL_CHOSEN =
	'Until you choose one, only administrators can browse this account in the editor and make galleries of it; everyone else who edits posts is asked to ask an administrator.';

describe( 'Settings: gallery folder', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'explains the boundary and shows the whole Dropbox by default', async () => {
		const { region } = await renderRootSetting();

		expect(
			within( region ).getByText(
				'Galleries and the folder browser in the editor can only reach photos inside this folder.'
			)
		).toBeInTheDocument();
		expect(
			await within( region ).findByText( 'The whole Dropbox' )
		).toBeInTheDocument();
		expect(
			within( region ).getByText( UNTIL_CHOSEN )
		).toBeInTheDocument();
	} );

	it( 'names the App folder for an app-folder connection, and a chosen root by its path', async () => {
		await renderRootSetting(
			null,
			connectedConnection( { accessType: 'app_folder' } )
		);
		expect(
			await screen.findByText( 'The App folder' )
		).toBeInTheDocument();
	} );

	it( 'shows a chosen root by its path', async () => {
		await renderRootSetting( { id: 'id:clients', path: '/Clients' } );
		expect( await screen.findByText( '/Clients' ) ).toBeInTheDocument();
		expect( screen.queryByText( UNTIL_CHOSEN ) ).toBeNull();
	} );

	it( 'is not offered before Dropbox is connected', async () => {
		await renderSettingsScreen( { connections: [ readyConnection() ] } );
		expect(
			screen.queryByRole( 'group', { name: 'Gallery folder' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Choose folder' } )
		).toBeNull();
	} );

	it( 'browses the whole Dropbox to choose a folder, and saves it', async () => {
		const { user, region, saved, apiFetch } = await renderRootSetting();
		await within( region ).findByText( 'The whole Dropbox' );

		await user.click(
			within( region ).getByRole( 'button', { name: 'Choose folder' } )
		);
		const tree = await within( region ).findByRole( 'tree', {
			name: 'Folders in Dropbox',
		} );
		await within( tree ).findByRole( 'treeitem', { name: 'Clients' } );
		expect(
			within( tree ).getByRole( 'treeitem', {
				name: 'The whole Dropbox',
			} )
		).toHaveAttribute( 'aria-selected', 'true' );
		expect(
			apiFetch.mock.calls.map( ( [ options ] ) => routeOf( options ) )
		).toContain( `GET ${ FOLDERS }?provider=dropbox&folder=&scope=all` );

		await user.click( within( tree ).getByText( 'Clients' ) );
		await user.click(
			within( region ).getByRole( 'button', { name: 'Save' } )
		);

		await waitFor( () =>
			expect( saved ).toEqual( [
				{
					galleryRoot: {
						dropbox: { id: 'id:clients', path: '/Clients' },
					},
				},
			] )
		);
		expect(
			await within( region ).findByText( 'Gallery folder saved.' )
		).toBeInTheDocument();
		expect( within( region ).getByText( '/Clients' ) ).toBeInTheDocument();
		expect( within( region ).queryByRole( 'tree' ) ).toBeNull();
	} );

	it( 'goes back to the whole Dropbox by choosing its root', async () => {
		const { user, region, saved } = await renderRootSetting( {
			id: 'id:clients',
			path: '/Clients',
		} );
		await within( region ).findByText( '/Clients' );
		await user.click(
			within( region ).getByRole( 'button', { name: 'Choose folder' } )
		);
		await user.click(
			await within( region ).findByText( 'The whole Dropbox' )
		);
		await user.click(
			within( region ).getByRole( 'button', { name: 'Save' } )
		);
		await waitFor( () =>
			expect( saved ).toEqual( [ { galleryRoot: { dropbox: null } } ] )
		);
	} );

	it( 'says why saving failed', async () => {
		const { user, region } = await renderRootSetting();
		const connection = connectedConnection();
		// Replace POST /settings with a failure.
		const { mockRoutes } = jest.requireActual(
			'../../store/connections/test/api-mock'
		);
		mockRoutes( {
			[ `GET ${ BASE }` ]: [ connection ],
			[ `GET ${ SETTINGS }` ]: { galleryRoot: { dropbox: null } },
			[ `POST ${ SETTINGS }` ]: () => {
				throw {
					code: 'ccg_folder_not_found',
					message: 'That folder no longer exists in Dropbox.',
					data: { status: 404 },
				};
			},
			...folderRoutes(),
		} );
		await user.click(
			within( region ).getByRole( 'button', { name: 'Choose folder' } )
		);
		await user.click( await within( region ).findByText( 'Portfolio' ) );
		await user.click(
			within( region ).getByRole( 'button', { name: 'Save' } )
		);
		expect(
			await within( region ).findByText(
				'That folder no longer exists in Dropbox.',
				{ ignore: '.a11y-speak-region, script, style' }
			)
		).toBeInTheDocument();
	} );
} );

describe( 'Settings: gallery folder for Google Drive', () => {
	beforeEach( () => jest.resetAllMocks() );

	async function renderBoth() {
		const saved: unknown[] = [];
		const connections = [
			connectedConnection(),
			googleConnectedConnection(),
		];
		const utils = await renderSettingsScreen( {
			connections,
			routes: {
				[ `GET ${ SETTINGS }` ]: {
					galleryRoot: {
						dropbox: { id: 'id:clients', path: '/Clients' },
						google: null,
					},
				},
				[ `POST ${ SETTINGS }` ]: ( options: { data: unknown } ) => {
					saved.push( options.data );
					return {
						galleryRoot: {
							dropbox: { id: 'id:clients', path: '/Clients' },
							google: {
								id: '1ClientsFolderId',
								path: '/My Drive/Clients',
							},
						},
					};
				},
				...folderRoutes(),
				...folderRoutes( 'google', DRIVE_LIBRARY ),
			},
		} );
		const region = within(
			screen.getByRole( 'region', { name: 'Google Drive' } )
		).getByRole( 'group', { name: 'Gallery folder' } );
		return { ...utils, saved, region };
	}

	it( 'has its own setting in the Google Drive section', async () => {
		const { region } = await renderBoth();

		expect(
			screen.getAllByRole( 'group', { name: 'Gallery folder' } )
		).toHaveLength( 2 );
		expect(
			await within( region ).findByText(
				'All of Google Drive: My Drive and the shared drives'
			)
		).toBeInTheDocument();
		expect(
			within(
				screen.getByRole( 'region', { name: 'Dropbox' } )
			).getByText( '/Clients' )
		).toBeInTheDocument();
	} );

	it( 'browses My Drive and the shared drives, and saves only Drive’s folder', async () => {
		const { user, region, saved } = await renderBoth();
		await within( region ).findByText(
			'All of Google Drive: My Drive and the shared drives'
		);

		await user.click(
			within( region ).getByRole( 'button', { name: 'Choose folder' } )
		);
		const tree = await within( region ).findByRole( 'tree', {
			name: 'Folders in Google Drive',
		} );
		expect(
			within( tree ).getByRole( 'treeitem', { name: 'Google Drive' } )
		).toHaveAttribute( 'aria-selected', 'true' );
		expect(
			await within( tree ).findByRole( 'treeitem', { name: 'My Drive' } )
		).toBeInTheDocument();
		expect(
			within( tree ).getByRole( 'treeitem', { name: 'Studio Shared' } )
		).toBeInTheDocument();

		await user.click(
			within(
				within( tree ).getByRole( 'treeitem', { name: 'My Drive' } )
			).getByText( 'My Drive' ).previousElementSibling as HTMLElement
		);
		await user.click( await within( tree ).findByText( 'Clients' ) );
		await user.click(
			within( region ).getByRole( 'button', { name: 'Save' } )
		);

		await waitFor( () =>
			expect( saved ).toEqual( [
				{
					galleryRoot: {
						google: {
							id: '1ClientsFolderId',
							path: '/My Drive/Clients',
						},
					},
				},
			] )
		);
		expect(
			await within( region ).findByText( '/My Drive/Clients' )
		).toBeInTheDocument();
	} );
} );
