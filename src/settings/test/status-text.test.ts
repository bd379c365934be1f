/**
 * Internal dependencies
 */
import {
	connectedConnection,
	dropboxConnection,
	readyConnection,
} from '../../store/connections/test/fixtures';
import { getStatusText } from '../dropbox/status-text';

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
