/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { assignLocation } from '../../store/connections/navigation';
import {
	connectedConnection,
	DRIVE_READONLY,
	GOOGLE_REDIRECT_URI,
	googleConnectedConnection,
	googleConnection,
	googleReadyConnection,
} from '../../store/connections/test/fixtures';
import { BASE, callsTo, renderSettingsScreen } from './render';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '../../store/connections/navigation' );

const SECRET = 'GOCSPX-sup3r-s3cret';
const CLIENT_ID = '1234-abc.apps.googleusercontent.com';
const CREDENTIALS = `POST ${ BASE }/google/credentials`;
const AUTHORIZE = `POST ${ BASE }/google/authorize`;
const CONSENT_URL =
	'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234&state=xyz';

const section = () => screen.getByRole( 'region', { name: 'Google Drive' } );

describe( 'Google Drive section', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'sits beside the Dropbox section, each with its own status and guide', async () => {
		await renderSettingsScreen( {
			connections: [ connectedConnection(), googleConnection() ],
		} );

		const dropbox = screen.getByRole( 'region', { name: 'Dropbox' } );
		expect(
			within( dropbox ).getByText( 'Connected' )
		).toBeInTheDocument();
		expect(
			within( section() ).getByText( 'Not set up' )
		).toBeInTheDocument();
		expect(
			within( section() ).getByText(
				'Not set up yet. Follow “Google Drive — step-by-step” below, then save your Client ID and Client secret.'
			)
		).toBeInTheDocument();
		expect(
			within( section() ).getByRole( 'button', {
				name: 'Google Drive — step-by-step',
			} )
		).toHaveAttribute( 'aria-expanded', 'true' );
		expect(
			within( dropbox ).getByRole( 'button', {
				name: 'Dropbox — step-by-step',
			} )
		).toHaveAttribute( 'aria-expanded', 'false' );
	} );

	describe( 'step-by-step', () => {
		it( 'walks through the Google Cloud console in order', async () => {
			await renderSettingsScreen( {
				connections: [ googleConnection() ],
			} );
			const steps = within( section() )
				.getAllByRole( 'listitem' )
				.filter( ( item ) =>
					within( item ).queryByRole( 'heading', { level: 3 } )
				);

			expect(
				steps.map(
					( step ) =>
						within( step ).getByRole( 'heading', { level: 3 } )
							.textContent
				)
			).toEqual( [
				'Create a Google Cloud project',
				'Enable the Google Drive API',
				'Set up the OAuth consent screen',
				'Create the OAuth client',
				'Copy Client ID and Client secret into the plugin',
			] );
			expect(
				screen.getByRole( 'link', {
					name: /console\.cloud\.google\.com/,
				} )
			).toHaveAttribute( 'href', 'https://console.cloud.google.com/' );
			const [ , api, consent, client, copy ] = steps as HTMLElement[];
			expect(
				within( api! ).getByText( 'Google Drive API' )
			).toBeInTheDocument();
			expect(
				within( consent! ).getByText( DRIVE_READONLY ).tagName
			).toBe( 'CODE' );
			expect(
				within( consent! ).getByText( 'Publish the app.' )
			).toBeInTheDocument();
			expect(
				within( consent! ).getByText( /after 7 days/ )
			).toBeInTheDocument();
			expect(
				within( client! ).getByText( 'Web application' )
			).toBeInTheDocument();
			expect(
				within( client! ).getByText( GOOGLE_REDIRECT_URI ).tagName
			).toBe( 'CODE' );
			expect(
				within( copy! ).getByText(
					'See and download all your Google Drive files'
				)
			).toBeInTheDocument();
		} );

		it( 'copies the exact redirect URI', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [ googleConnection() ],
			} );

			await user.click(
				within( section() ).getByRole( 'button', {
					name: 'Copy redirect URI',
				} )
			);

			expect(
				await within( section() ).findByText( 'Copied!' )
			).toBeInTheDocument();
			await expect( navigator.clipboard.readText() ).resolves.toBe(
				GOOGLE_REDIRECT_URI
			);
		} );

		it( 'names the common mistakes and their fixes', async () => {
			await renderSettingsScreen( {
				connections: [ googleConnection() ],
			} );
			const mistakes = within( section() )
				.getByRole( 'heading', { level: 3, name: 'Common mistakes' } )
				.closest( 'div' ) as HTMLElement;

			for ( const text of [
				'Error 400: redirect_uri_mismatch',
				/left unticked/,
				/ends connections after 7 days/,
				/API has not been used in the project or is disabled/,
				'Google warns “Google hasn’t verified this app”.',
				/Go to “your app’s name” \(unsafe\)/,
			] ) {
				expect(
					within( mistakes ).getByText( text )
				).toBeInTheDocument();
			}
		} );
	} );

	describe( 'credentials', () => {
		it( 'posts the Client ID and Client secret, then forgets the secret', async () => {
			const { user, apiFetch, container } = await renderSettingsScreen( {
				connections: [ googleConnection() ],
				routes: { [ CREDENTIALS ]: googleReadyConnection() },
			} );
			const form = within( section() ).getByRole( 'form', {
				name: 'Google OAuth client credentials',
			} );
			const secretField =
				within( form ).getByLabelText( 'Client secret' );
			expect( secretField ).toHaveAttribute( 'type', 'password' );
			expect( secretField ).toBeRequired();

			await user.type(
				within( form ).getByLabelText( 'Client ID' ),
				` ${ CLIENT_ID } `
			);
			await user.type( secretField, SECRET );
			await user.click(
				within( form ).getByRole( 'button', {
					name: 'Save credentials',
				} )
			);

			await waitFor( () =>
				expect( callsTo( apiFetch, CREDENTIALS ) ).toHaveLength( 1 )
			);
			expect( callsTo( apiFetch, CREDENTIALS )[ 0 ]?.data ).toEqual( {
				clientId: CLIENT_ID,
				clientSecret: SECRET,
			} );
			expect(
				await within( form ).findByText( 'Credentials saved.' )
			).toBeInTheDocument();
			expect( secretField ).toHaveValue( '' );
			expect( container.innerHTML ).not.toContain( SECRET );
		} );

		it( 'keeps a stored secret when only the Client ID changes', async () => {
			const { user, apiFetch } = await renderSettingsScreen( {
				connections: [ googleReadyConnection() ],
				routes: { [ CREDENTIALS ]: googleReadyConnection() },
			} );
			const idField = within( section() ).getByLabelText( 'Client ID' );
			expect( idField ).toHaveValue( CLIENT_ID );
			expect(
				within( section() ).getByLabelText( 'Client secret' )
			).not.toBeRequired();
			expect(
				within( section() ).getByText(
					'A secret is stored. It stays unless you type a new one.'
				)
			).toBeInTheDocument();

			await user.clear( idField );
			await user.type( idField, '999-new.apps.googleusercontent.com' );
			await user.click(
				within( section() ).getByRole( 'button', {
					name: 'Save credentials',
				} )
			);

			await waitFor( () =>
				expect( callsTo( apiFetch, CREDENTIALS ) ).toHaveLength( 1 )
			);
			expect( callsTo( apiFetch, CREDENTIALS )[ 0 ]?.data ).toEqual( {
				clientId: '999-new.apps.googleusercontent.com',
			} );
		} );
	} );

	describe( 'Connect Google Drive', () => {
		it( 'waits for saved credentials, and says so', async () => {
			await renderSettingsScreen( {
				connections: [ googleConnection() ],
			} );
			const button = within( section() ).getByRole( 'button', {
				name: 'Connect Google Drive',
			} );

			expect( button ).toHaveAttribute( 'aria-disabled', 'true' );
			expect( button ).toHaveAccessibleDescription(
				'Save your Client ID and Client secret first.'
			);
		} );

		it( 'goes to Google’s consent page', async () => {
			const { user, apiFetch } = await renderSettingsScreen( {
				connections: [ googleReadyConnection() ],
				routes: { [ AUTHORIZE ]: { authorizeUrl: CONSENT_URL } },
			} );

			await user.click(
				within( section() ).getByRole( 'button', {
					name: 'Connect Google Drive',
				} )
			);

			await waitFor( () =>
				expect( assignLocation ).toHaveBeenCalledWith( CONSENT_URL )
			);
			expect( callsTo( apiFetch, AUTHORIZE ) ).toHaveLength( 1 );
			expect(
				within( section() ).getByText(
					'Opening Google Drive to approve the connection…'
				)
			).toBeInTheDocument();
		} );
	} );

	describe( 'when connected', () => {
		it( 'shows the Google account’s name and email and the Drive scope', async () => {
			await renderSettingsScreen( {
				connections: [ googleConnectedConnection() ],
			} );

			expect(
				within( section() ).getByText(
					'Connected to Google Drive as Grace Hopper.'
				)
			).toBeInTheDocument();
			expect(
				within( section() ).getByText(
					'Grace Hopper (grace@example.com)'
				)
			).toBeInTheDocument();
			expect(
				within( section() ).getByText( DRIVE_READONLY ).tagName
			).toBe( 'CODE' );
			// Drive has no access type.
			expect(
				within( section() ).queryByText( 'Access type' )
			).toBeNull();
			expect(
				within( section() ).getByRole( 'button', {
					name: 'Test connection',
				} )
			).toBeInTheDocument();
		} );

		it( 'asks before disconnecting, in Google Drive’s words', async () => {
			const disconnect = `POST ${ BASE }/google/disconnect`;
			const { user, apiFetch } = await renderSettingsScreen( {
				connections: [ googleConnectedConnection() ],
				routes: { [ disconnect ]: googleReadyConnection() },
			} );

			await user.click(
				within( section() ).getByRole( 'button', {
					name: 'Disconnect',
				} )
			);
			const dialog = screen.getByRole( 'dialog', {
				name: 'Disconnect Google Drive?',
			} );
			expect(
				within( dialog ).getByText(
					/Google Drive folders show visitors a neutral message/
				)
			).toBeInTheDocument();
			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Disconnect' } )
			);

			expect(
				await within( section() ).findByRole( 'button', {
					name: 'Connect Google Drive',
				} )
			).toBeInTheDocument();
			expect( callsTo( apiFetch, disconnect ) ).toHaveLength( 1 );
		} );
	} );

	describe( 'problems', () => {
		it( 'shows Google’s problem and its fix as given, with Reconnect', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [
					googleConnectedConnection( {
						status: 'needs_attention',
						problem: {
							code: 'testing_grant_expired',
							message:
								'Google ended this connection after 7 days because your Google Cloud app is still in “Testing” publishing status.',
							fix: 'Publish the app and press Reconnect.',
							action: 'reconnect',
						},
					} ),
				],
				routes: { [ AUTHORIZE ]: { authorizeUrl: CONSENT_URL } },
			} );

			expect(
				within( section() ).getByText(
					/Google ended this connection after 7 days/
				)
			).toBeInTheDocument();
			expect(
				within( section() ).getByText(
					'Publish the app and press Reconnect.'
				)
			).toBeInTheDocument();
			expect(
				within( section() ).getByText(
					'The Google Drive connection needs attention.'
				)
			).toBeInTheDocument();

			await user.click(
				within( section() ).getByRole( 'button', { name: 'Reconnect' } )
			);
			await waitFor( () =>
				expect( assignLocation ).toHaveBeenCalledWith( CONSENT_URL )
			);
		} );

		it( 'lists the missing Drive scope', async () => {
			await renderSettingsScreen( {
				connections: [
					googleConnectedConnection( {
						status: 'needs_attention',
						grantedScopes: [],
						missingScopes: [ DRIVE_READONLY ],
						problem: {
							code: 'missing_scope',
							message:
								'Google Drive did not grant access to your files.',
							fix: 'Press Reconnect and tick the box.',
							action: 'reconnect',
						},
					} ),
				],
			} );

			const missing = within( section() ).getByText( 'Missing scopes' )
				.nextElementSibling as HTMLElement;
			expect(
				within( missing ).getByText( DRIVE_READONLY )
			).toBeInTheDocument();
		} );

		it( 'sends the user to the Client ID when the credentials need fixing', async () => {
			const { user } = await renderSettingsScreen( {
				connections: [
					googleReadyConnection( {
						status: 'needs_attention',
						problem: {
							code: 'invalid_client',
							message:
								'Google did not accept the Client ID and Client secret.',
							fix: 'Copy them again and press Save credentials.',
							action: 'save_credentials',
						},
					} ),
				],
			} );

			await user.click(
				within( section() ).getByRole( 'button', {
					name: 'Enter credentials',
				} )
			);

			expect(
				within( section() ).getByLabelText( 'Client ID' )
			).toHaveFocus();
		} );
	} );
} );
