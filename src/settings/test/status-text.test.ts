/**
 * Internal dependencies
 */
import type { Connection, PendingAction } from '../../store/connections';
import {
	connectedConnection,
	dropboxConnection,
	googleConnectedConnection,
	googleConnection,
	googleReadyConnection,
	readyConnection,
} from '../../store/connections/test/fixtures';
import { getStatusText as statusText } from '../components/status-text';
import { dropboxTexts } from '../dropbox/labels';
import { googleTexts } from '../google/labels';

const getStatusText = ( connection: Connection, pending: PendingAction ) =>
	statusText(
		connection,
		pending,
		connection.provider === 'google' ? googleTexts() : dropboxTexts()
	);

describe( 'Dropbox status line', () => {
	it( 'names the request in flight first', () => {
		expect( getStatusText( readyConnection(), 'saving' ) ).toBe(
			'Saving credentials…'
		);
		expect( getStatusText( connectedConnection(), 'testing' ) ).toBe(
			'Testing the connection…'
		);
	} );

	it( 'says what to do next while nothing is wrong', () => {
		expect( getStatusText( dropboxConnection(), null ) ).toMatch(
			/^Not set up yet\. Follow “Dropbox — step-by-step” below/
		);
		expect( getStatusText( readyConnection(), null ) ).toBe(
			'Credentials saved. Click Connect Dropbox to approve access.'
		);
		expect( getStatusText( connectedConnection(), null ) ).toBe(
			'Connected to Dropbox as Ada Lovelace.'
		);
	} );

	it( 'leaves the instructions to the problem notice when there is one', () => {
		const problem = {
			code: 'not_configured',
			message: 'Dropbox is not set up yet.',
			fix: 'Create an app…',
			action: 'save_credentials' as const,
		};
		expect( getStatusText( dropboxConnection( { problem } ), null ) ).toBe(
			'Dropbox is not set up yet.'
		);
		expect(
			getStatusText(
				readyConnection( { status: 'needs_attention', problem } ),
				null
			)
		).toBe( 'The Dropbox connection needs attention.' );
	} );

	it( 'tells people who cannot manage the connection whom to ask', () => {
		expect(
			getStatusText( dropboxConnection( { canManage: false } ), null )
		).toBe(
			'Dropbox is not set up yet. Ask a site administrator to connect it.'
		);
	} );
} );

describe( 'Google Drive status line', () => {
	it( 'names Google Drive and its own button and credentials', () => {
		expect( getStatusText( googleReadyConnection(), 'connecting' ) ).toBe(
			'Opening Google Drive to approve the connection…'
		);
		expect( getStatusText( googleConnection(), null ) ).toBe(
			'Not set up yet. Follow “Google Drive — step-by-step” below, then save your Client ID and Client secret.'
		);
		expect( getStatusText( googleReadyConnection(), null ) ).toBe(
			'Credentials saved. Click Connect Google Drive to approve access.'
		);
		expect( getStatusText( googleConnectedConnection(), null ) ).toBe(
			'Connected to Google Drive as Grace Hopper.'
		);
		expect(
			getStatusText(
				googleConnectedConnection( { status: 'needs_attention' } ),
				null
			)
		).toBe( 'The Google Drive connection needs attention.' );
		expect(
			getStatusText( googleConnection( { canManage: false } ), null )
		).toBe(
			'Google Drive is not set up yet. Ask a site administrator to connect it.'
		);
	} );
} );
