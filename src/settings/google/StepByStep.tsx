/**
 * WordPress dependencies
 */
import { ExternalLink } from '@wordpress/components';
import { createInterpolateElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import RedirectUriField from '../components/RedirectUriField';
import { CLOUD_CONSOLE_URL, DRIVE_READONLY_SCOPE } from './labels';
import Pitfalls from './Pitfalls';

interface Props {
	redirectUri: string | null;
}

const strong = <strong />;

/**
 * Puts `<strong>` around the words the console shows, e.g. button names.
 *
 * @param text Translated text with <strong> tags.
 * @return The element.
 */
function bold( text: string ) {
	return createInterpolateElement( text, { strong } );
}

/**
 * The setup guide's steps in the Google Cloud console, in the guide's words,
 * with the one value the user must copy from here: the redirect URI.
 *
 * @param props             Component props.
 * @param props.redirectUri The site's exact redirect URI.
 */
export default function StepByStep( { redirectUri }: Props ) {
	return (
		<>
			<ol className="ccg-steps">
				<li>
					<h3>
						{ __(
							'Create a Google Cloud project',
							'customer-cloud-gallery'
						) }
					</h3>
					<ul>
						<li>
							{ createInterpolateElement(
								__(
									'Go to <link/> and sign in with the Google account that holds your client photos.',
									'customer-cloud-gallery'
								),
								{
									link: (
										<ExternalLink
											href={ CLOUD_CONSOLE_URL }
										>
											console.cloud.google.com
										</ExternalLink>
									),
								}
							) }
						</li>
						<li>
							{ bold(
								__(
									'Open the project picker at the top of the page and click <strong>New project</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Name the project — anything works, e.g. “Customer Gallery” — click <strong>Create</strong>, and make sure the new project is selected.',
									'customer-cloud-gallery'
								)
							) }
						</li>
					</ul>
				</li>
				<li>
					<h3>
						{ __(
							'Enable the Google Drive API',
							'customer-cloud-gallery'
						) }
					</h3>
					<ul>
						<li>
							{ bold(
								__(
									'Open <strong>APIs & Services → Library</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Search for <strong>Google Drive API</strong>, open it and click <strong>Enable</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
					</ul>
				</li>
				<li>
					<h3>
						{ __(
							'Set up the OAuth consent screen',
							'customer-cloud-gallery'
						) }
					</h3>
					<ul>
						<li>
							{ bold(
								__(
									'Open <strong>APIs & Services → OAuth consent screen</strong> (newer consoles call it <strong>Google Auth Platform</strong>) and click <strong>Get started</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ __(
								'Name the app, e.g. “Customer Gallery”, and choose your email address as the user support email.',
								'customer-cloud-gallery'
							) }
						</li>
						<li>
							{ bold(
								__(
									'Choose <strong>External</strong> as the audience and enter your email address as the contact.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Under <strong>Data access</strong> (or <strong>Scopes</strong>), click <strong>Add or remove scopes</strong>, add this scope and save:',
									'customer-cloud-gallery'
								)
							) }
							<ul className="ccg-scope-list">
								<li>
									<code>{ DRIVE_READONLY_SCOPE }</code>
								</li>
							</ul>
						</li>
						<li>
							{ bold(
								__(
									'Under <strong>Audience</strong> (or <strong>Test users</strong>), add your own Google account as a test user.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Still under <strong>Audience</strong>, click <strong>Publish app</strong> and confirm.',
									'customer-cloud-gallery'
								)
							) }
						</li>
					</ul>
					<p className="ccg-callout">
						{ bold(
							__(
								'<strong>Publish the app.</strong> While it is in Testing, Google ends the connection after 7 days and galleries stop finding new photos until you reconnect. An app only you sign in to needs no verification by Google.',
								'customer-cloud-gallery'
							)
						) }
					</p>
				</li>
				<li>
					<h3>
						{ __(
							'Create the OAuth client',
							'customer-cloud-gallery'
						) }
					</h3>
					<ul>
						<li>
							{ bold(
								__(
									'Open <strong>APIs & Services → Credentials</strong>, click <strong>Create credentials</strong> and choose <strong>OAuth client ID</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Application type: <strong>Web application</strong>. Name it anything.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Under <strong>Authorized redirect URIs</strong>, click <strong>Add URI</strong> and paste your exact redirect URI:',
									'customer-cloud-gallery'
								)
							) }
							<RedirectUriField uri={ redirectUri } />
						</li>
						<li>
							{ bold(
								__(
									'Click <strong>Create</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
					</ul>
				</li>
				<li>
					<h3>
						{ __(
							'Copy Client ID and Client secret into the plugin',
							'customer-cloud-gallery'
						) }
					</h3>
					<ul>
						<li>
							{ bold(
								__(
									'Google shows the new client’s <strong>Client ID</strong> and <strong>Client secret</strong>. Copy both now: newer consoles show the secret only once.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Paste both into the form below and click <strong>Save credentials</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'Click <strong>Connect Google Drive</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ bold(
								__(
									'On Google’s consent page, choose your account and tick the box <strong>See and download all your Google Drive files</strong>, then click <strong>Continue</strong>.',
									'customer-cloud-gallery'
								)
							) }
						</li>
						<li>
							{ __(
								'You come back to this page, connected as your Google account’s name and email address.',
								'customer-cloud-gallery'
							) }
						</li>
					</ul>
				</li>
			</ol>
			<Pitfalls />
		</>
	);
}
