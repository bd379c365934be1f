/**
 * External dependencies
 */
import { act, screen, waitFor, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { assignLocation } from '../../store/connections/navigation';
import { restError } from '../../store/connections/test/api-mock';
import {
	connectedConnection,
	dropboxConnection,
	readyConnection,
} from '../../store/connections/test/fixtures';
import { BASE, callsTo, renderSettingsScreen, SPOKEN } from './render';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '../../store/connections/navigation' );

const AUTHORIZE = `POST ${ BASE }/dropbox/authorize`;
const CONSENT_URL =
	'https://www.dropbox.com/oauth2/authorize?client_id=k3yabc123&state=xyz';

describe( 'Dropbox connection actions', () => {
	beforeEach( () => jest.resetAllMocks() );

	describe( 'Connect Dropbox', () => {
		it( 'is unavailable until credentials are saved, and says why', async () => {
			await renderSettingsScreen( {
				connections: [ dropboxConnection() ],
			} );
			const button = screen.getByRole( 'button', {
				name: 'Connect Dropbox',
			} );

			expect( button ).toHaveAttribute( 'aria-disabled', 'true' );
			expect( button ).toHaveAccessibleDescription(
				'Save your app credentials first.'
			);
		} );

		it( 'asks the server for the consent URL, then goes there', async () => {
			const { user, apiFetch } = await renderSettingsScreen( {
				connections: [ readyConnection() ],
				routes: { [ AUTHORIZE ]: { authorizeUrl: CONSENT_URL } },
			} );

			await user.click(
				screen.getByRole( 'button', { name: 'Connect Dropbox' } )
			);

			await waitFor( () =>
				expect( assignLocation ).toHaveBeenCalledWith( CONSENT_URL )
			);
			expect( callsTo( apiFetch, AUTHORIZE ) ).toHaveLength( 1 );
			expect(
				screen.getByText( 'Opening Dropbox to approve the connection…' )
			).toBeInTheDocument();
		} );

		it( 'is usable again when the user comes Back from the consent screen', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [ readyConnection() ],
				routes: { [ AUTHORIZE ]: { authorizeUrl: CONSENT_URL } },
			} );
			const button = screen.getByRole( 'button', {
				name: 'Connect Dropbox',
			} );
			await user.click( button );
			await waitFor( () => expect( assignLocation ).toHaveBeenCalled() );
			expect( button ).toHaveAttribute( 'aria-disabled', 'true' );

			act( () => {
				window.dispatchEvent(
					new PageTransitionEvent( 'pageshow', { persisted: true } )
				);
			} );

			expect( button ).not.toHaveAttribute( 'aria-disabled' );
			expect(
				screen.getByText(
					'Credentials saved. Click Connect Dropbox to approve access.'
				)
			).toBeInTheDocument();
		} );

		it( 'shows the error and stays when the server refuses', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [ readyConnection() ],
				routes: {
					[ AUTHORIZE ]: () => {
						throw restError(
							'ccg_missing_credentials',
							'Save your App key and App secret first.'
						);
					},
				},
			} );

			await user.click(
				screen.getByRole( 'button', { name: 'Connect Dropbox' } )
			);

			expect(
				await screen.findByText(
					'Save your App key and App secret first.',
					{ ignore: SPOKEN }
				)
			).toBeInTheDocument();
			expect( assignLocation ).not.toHaveBeenCalled();
		} );
	} );

	describe( 'problems', () => {
		const missingScope = connectedConnection( {
			status: 'needs_attention',
			grantedScopes: [ 'account_info.read', 'files.metadata.read' ],
			missingScopes: [ 'files.content.read' ],
			problem: {
				code: 'missing_scopes',
				message: 'Dropbox did not grant files.content.read.',
				fix: 'In the Dropbox App Console, open the Permissions tab, tick files.content.read, click Submit at the bottom, then click Reconnect here.',
				action: 'reconnect',
			},
		} );

		it( 'show the message, the exact fix and one Reconnect button', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [ missingScope ],
				routes: { [ AUTHORIZE ]: { authorizeUrl: CONSENT_URL } },
			} );

			expect(
				screen.getByText( 'Dropbox did not grant files.content.read.' )
			).toBeInTheDocument();
			expect(
				screen.getByText(
					'In the Dropbox App Console, open the Permissions tab, tick files.content.read, click Submit at the bottom, then click Reconnect here.'
				)
			).toBeInTheDocument();
			expect(
				screen.queryByRole( 'button', { name: 'Connect Dropbox' } )
			).toBeNull();

			await user.click(
				screen.getByRole( 'button', { name: 'Reconnect' } )
			);
			await waitFor( () =>
				expect( assignLocation ).toHaveBeenCalledWith( CONSENT_URL )
			);
		} );

		it( 'list the missing scopes beside the granted ones', async () => {
			await renderSettingsScreen( { connections: [ missingScope ] } );

			const missing = screen.getByText( 'Missing scopes' )
				.nextElementSibling as HTMLElement;
			expect(
				within( missing ).getByText( 'files.content.read' )
			).toBeInTheDocument();
		} );

		it( 'send the user to the App key field when credentials need fixing', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [
					readyConnection( {
						status: 'needs_attention',
						problem: {
							code: 'invalid_client',
							message: 'Dropbox rejected the App key or secret.',
							fix: 'Copy both again from the App Console and click Save credentials.',
							action: 'save_credentials',
						},
					} ),
				],
			} );

			await user.click(
				screen.getByRole( 'button', { name: 'Enter credentials' } )
			);

			expect( screen.getByLabelText( 'App key' ) ).toHaveFocus();
		} );
	} );

	describe( 'when connected', () => {
		it( 'shows the account, access type and granted scopes', async () => {
			await renderSettingsScreen( {
				connections: [ connectedConnection() ],
			} );

			expect(
				screen.getByText( 'Ada Lovelace (ada@example.com)' )
			).toBeInTheDocument();
			expect(
				screen.getByText( 'Access type', { selector: 'dt' } )
					.nextElementSibling
			).toHaveTextContent( 'Full Dropbox' );
			expect( screen.getByText( 'files.content.read' ).tagName ).toBe(
				'CODE'
			);
			expect(
				screen.queryByRole( 'button', { name: 'Connect Dropbox' } )
			).toBeNull();
		} );

		it( 'says "Unknown account" when Dropbox did not share it', async () => {
			await renderSettingsScreen( {
				connections: [ connectedConnection( { account: null } ) ],
			} );

			expect( screen.getByText( 'Unknown account' ) ).toBeInTheDocument();
			expect(
				screen.getByText( 'Connected to Dropbox.' )
			).toBeInTheDocument();
		} );

		it( 'tests the connection and lists the visible folders', async () => {
			const { user, apiFetch } = await renderSettingsScreen( {
				connections: [ connectedConnection() ],
				routes: {
					[ `POST ${ BASE }/dropbox/test` ]: {
						ok: true,
						message: 'Dropbox answered as Ada Lovelace.',
						connection: connectedConnection(),
						visibleFolders: [ '/Clients', '/Weddings 2024' ],
					},
				},
			} );

			await user.click(
				screen.getByRole( 'button', { name: 'Test connection' } )
			);

			expect(
				await screen.findByText( 'Dropbox answered as Ada Lovelace.' )
			).toBeInTheDocument();
			expect( screen.getByText( '/Weddings 2024' ) ).toBeInTheDocument();
			expect(
				callsTo( apiFetch, `POST ${ BASE }/dropbox/test` )
			).toHaveLength( 1 );
		} );

		it( 'lists the visible folders even when the test finds a problem', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [ connectedConnection() ],
				routes: {
					[ `POST ${ BASE }/dropbox/test` ]: {
						ok: false,
						message:
							'Dropbox lists folders but will not send photos.',
						connection: connectedConnection(),
						visibleFolders: [ '/Clients' ],
					},
				},
			} );

			await user.click(
				screen.getByRole( 'button', { name: 'Test connection' } )
			);

			expect(
				await screen.findByText(
					'Dropbox lists folders but will not send photos.',
					{ ignore: SPOKEN }
				)
			).toBeInTheDocument();
			expect( screen.getByText( '/Clients' ) ).toBeInTheDocument();
			expect(
				screen.queryByText( 'The plugin can see no folders yet.' )
			).toBeNull();
		} );

		it( 'disconnects only after confirming', async () => {
			const disconnectRoute = `POST ${ BASE }/dropbox/disconnect`;
			const { user, apiFetch } = await renderSettingsScreen( {
				connections: [ connectedConnection() ],
				routes: { [ disconnectRoute ]: readyConnection() },
			} );

			await user.click(
				screen.getByRole( 'button', { name: 'Disconnect' } )
			);
			let dialog = screen.getByRole( 'dialog', {
				name: 'Disconnect Dropbox?',
			} );
			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Cancel' } )
			);
			expect( screen.queryByRole( 'dialog' ) ).toBeNull();
			expect( callsTo( apiFetch, disconnectRoute ) ).toHaveLength( 0 );

			await user.click(
				screen.getByRole( 'button', { name: 'Disconnect' } )
			);
			dialog = screen.getByRole( 'dialog', {
				name: 'Disconnect Dropbox?',
			} );
			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Disconnect' } )
			);

			expect(
				await screen.findByRole( 'button', { name: 'Connect Dropbox' } )
			).toBeInTheDocument();
			expect( callsTo( apiFetch, disconnectRoute ) ).toHaveLength( 1 );
			expect(
				screen.getByText( /^Disconnected\./, {
					selector: '.ccg-status-line',
				} )
			).toHaveTextContent(
				'Disconnected. This site’s access to Dropbox and everything cached from it (folder listings and thumbnails) were deleted.'
			);
		} );
	} );
} );
