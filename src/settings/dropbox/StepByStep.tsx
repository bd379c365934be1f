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
import { APP_CONSOLE_URL, REQUIRED_SCOPES } from './labels';
import WebhookStep from './WebhookStep';

interface Props {
	redirectUri: string | null;
}

const strong = <strong />;

/**
 * The setup guide's steps, in the guide's words, with the one value the user
 * must copy from here: the redirect URI.
 *
 * @param props             Component props.
 * @param props.redirectUri The site's exact redirect URI.
 */
export default function StepByStep( { redirectUri }: Props ) {
	return (
		<ol className="ccg-steps">
			<li>
				<h3>
					{ __(
						'Open the Dropbox App Console',
						'customer-cloud-gallery'
					) }
				</h3>
				<p>
					{ createInterpolateElement(
						__(
							'Go to <link/> and sign in with the Dropbox account that holds your client photos.',
							'customer-cloud-gallery'
						),
						{
							link: (
								<ExternalLink href={ APP_CONSOLE_URL }>
									dropbox.com/developers/apps
								</ExternalLink>
							),
						}
					) }
				</p>
			</li>
			<li>
				<h3>{ __( 'Create a new app', 'customer-cloud-gallery' ) }</h3>
				<ul>
					<li>
						{ createInterpolateElement(
							__(
								'Click <strong>Create app</strong>.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
					<li>
						{ createInterpolateElement(
							__(
								'Choose <strong>Scoped access</strong> (the recommended modern API).',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
					<li>
						{ __(
							'Choose the access type:',
							'customer-cloud-gallery'
						) }
						<ul>
							<li>
								{ createInterpolateElement(
									__(
										'<strong>Full Dropbox</strong> — recommended for client galleries, lets the plugin read any folder you point it at.',
										'customer-cloud-gallery'
									),
									{ strong }
								) }
							</li>
							<li>
								{ createInterpolateElement(
									__(
										'<strong>App folder</strong> — limits the plugin to a single auto-created subfolder (<folder/>). Use this if you want hard isolation, but you’ll have to move galleries into that folder.',
										'customer-cloud-gallery'
									),
									{
										strong,
										folder: (
											<code>
												/Apps/&lt;your-app-name&gt;
											</code>
										),
									}
								) }
							</li>
						</ul>
					</li>
					<li>
						{ __(
							'Name the app — anything works, e.g. “Customer Gallery”.',
							'customer-cloud-gallery'
						) }
					</li>
					<li>
						{ createInterpolateElement(
							__(
								'Click <strong>Create app</strong>.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
				</ul>
			</li>
			<li>
				<h3>
					{ __(
						'Add the OAuth redirect URI',
						'customer-cloud-gallery'
					) }
				</h3>
				<ul>
					<li>
						{ __(
							'Copy your exact redirect URI:',
							'customer-cloud-gallery'
						) }
						<RedirectUriField uri={ redirectUri } />
					</li>
					<li>
						{ createInterpolateElement(
							__(
								'Back in the Dropbox App Console, on the <strong>Settings</strong> tab of your app, scroll to <strong>OAuth 2 → Redirect URIs</strong>.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
					<li>
						{ createInterpolateElement(
							__(
								'Paste the URL and click <strong>Add</strong>.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
				</ul>
			</li>
			<li>
				<h3>
					{ __(
						'Set the required scopes',
						'customer-cloud-gallery'
					) }
				</h3>
				<ul>
					<li>
						{ createInterpolateElement(
							__(
								'Switch to the <strong>Permissions</strong> tab of your app.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
					<li>
						{ __( 'Tick both:', 'customer-cloud-gallery' ) }
						<ul className="ccg-scope-list">
							{ REQUIRED_SCOPES.map( ( scope ) => (
								<li key={ scope }>
									<code>{ scope }</code>
								</li>
							) ) }
						</ul>
					</li>
					<li>
						{ createInterpolateElement(
							__(
								'Scroll to the bottom of the page and click <strong>Submit</strong>.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
				</ul>
				<p className="ccg-callout">
					{ createInterpolateElement(
						__(
							'<strong>This step is easy to miss.</strong> Without clicking Submit your scope changes are discarded and the connection will succeed but every Dropbox request will fail. If you change the scopes after connecting, click Disconnect here and Connect Dropbox again.',
							'customer-cloud-gallery'
						),
						{ strong }
					) }
				</p>
			</li>
			<li>
				<h3>
					{ __(
						'Copy App key and App secret into the plugin',
						'customer-cloud-gallery'
					) }
				</h3>
				<ul>
					<li>
						{ createInterpolateElement(
							__(
								'Back on the <strong>Settings</strong> tab of your Dropbox app, copy the <strong>App key</strong> and the <strong>App secret</strong> (click <strong>Show</strong> to reveal the secret).',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
					<li>
						{ createInterpolateElement(
							__(
								'Paste both into the form below, choose the access type you gave the app, and click <strong>Save credentials</strong>.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
					<li>
						{ createInterpolateElement(
							__(
								'Click <strong>Connect Dropbox</strong>.',
								'customer-cloud-gallery'
							),
							{ strong }
						) }
					</li>
					<li>
						{ __(
							'Dropbox shows its consent screen — approve. You come back to this page.',
							'customer-cloud-gallery'
						) }
					</li>
				</ul>
			</li>
			<WebhookStep />
		</ol>
	);
}
