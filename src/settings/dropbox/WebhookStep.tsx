/**
 * WordPress dependencies
 */
import { createInterpolateElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { CopyableUri } from '../components/RedirectUriField';
import { dropboxWebhookUri } from './webhook';

const strong = <strong />;

/**
 * The guide's optional last step: the webhook URI, so Dropbox tells the
 * site when photos change. A separate file keeps StepByStep under its size.
 */
export default function WebhookStep() {
	const uri = dropboxWebhookUri();
	if ( uri === null ) {
		return null;
	}
	return (
		<li>
			<h3>
				{ __(
					'Optional: add the webhook URI',
					'customer-cloud-gallery'
				) }
			</h3>
			<ul>
				<li>
					{ __( 'Copy your webhook URI:', 'customer-cloud-gallery' ) }
					<CopyableUri
						uri={ uri }
						label={ __( 'Webhook URI', 'customer-cloud-gallery' ) }
						copyLabel={ __(
							'Copy webhook URI',
							'customer-cloud-gallery'
						) }
					/>
				</li>
				<li>
					{ createInterpolateElement(
						__(
							'Back on the <strong>Settings</strong> tab of your Dropbox app, scroll to <strong>Webhooks</strong>, paste the URL and click <strong>Add</strong>. Dropbox checks it at once.',
							'customer-cloud-gallery'
						),
						{ strong }
					) }
				</li>
				<li>
					{ __(
						'Skip this and everything still works: new photos then appear when a visit finds the gallery a few minutes old. With it, they appear within a minute of reaching Dropbox, no visitor needed.',
						'customer-cloud-gallery'
					) }
				</li>
			</ul>
			<p className="ccg-hint">
				{ __(
					'Dropbox can only reach a site on the internet: on a site at localhost, the webhook cannot work.',
					'customer-cloud-gallery'
				) }
			</p>
		</li>
	);
}
