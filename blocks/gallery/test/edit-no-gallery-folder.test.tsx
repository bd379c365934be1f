/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { connectedConnection } from '../../../src/store/connections/test/fixtures';
import { canvas, inCanvas, renderEdit, sidebar, SPOKEN } from './render-edit';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( './block-editor-mock' )
);

/** The server's words (FoldersController); the block only shows them. */
const ASK =
	'Ask an administrator to choose the gallery folder for Dropbox in Customer Cloud Gallery → Settings.';

const refused = {
	'GET /customer-cloud-gallery/v1/folders': () => {
		throw {
			code: 'ccg_no_gallery_folder',
			message: ASK,
			data: { status: 403 },
		};
	},
};

describe( 'Cloud Gallery block: no gallery folder for someone who cannot manage connections', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'shows the server’s message where the folder tree would be', async () => {
		renderEdit( {
			connections: [ connectedConnection( { canManage: false } ) ],
			api: { routes: refused },
		} );

		expect(
			await inCanvas().findByText( ASK, { ignore: SPOKEN } )
		).toBeInTheDocument();
		expect( within( canvas() ).queryByRole( 'tree' ) ).toBeNull();
		expect(
			within( canvas() ).getByRole( 'button', {
				name: 'Use this folder',
			} )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'says it once in the sidebar of a gallery that already has a folder', async () => {
		renderEdit( {
			connections: [ connectedConnection( { canManage: false } ) ],
			attributes: {
				provider: 'dropbox',
				folderId: 'id:smith',
				folderPath: '/Clients/Smith wedding',
			},
			api: { routes: refused },
		} );

		expect(
			await within( sidebar() ).findByText( ASK, { ignore: SPOKEN } )
		).toBeInTheDocument();
		expect(
			within( sidebar() ).getAllByText( ASK, { ignore: SPOKEN } )
		).toHaveLength( 1 );
		expect( within( sidebar() ).queryByRole( 'tree' ) ).toBeNull();
		expect(
			screen.queryByText( /can no longer be reached/, {
				ignore: SPOKEN,
			} )
		).toBeNull();
	} );
} );
