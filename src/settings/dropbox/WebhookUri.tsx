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
 * The webhook URI with a Copy button, and why one would add it: without
 * it, new photos appear when a visit finds a listing a few minutes old.
 */
export default function WebhookUri() {
	const uri = dropboxWebhookUri();
	if ( uri === null ) {
		return null;
	}
	return (
		<div className="ccg-webhook-uri">
			<h3>
				{ __( 'Webhook URI (optional)', 'customer-cloud-gallery' ) }
			</h3>
			<p>
				{ createInterpolateElement(
					__(
						'Add it on the <strong>Settings</strong> tab of your Dropbox app, under <strong>Webhooks</strong>, and new photos appear in your galleries within a minute of reaching Dropbox — no visitor needed.',
						'customer-cloud-gallery'
					),
					{ strong }
				) }
			</p>
			<CopyableUri
				uri={ uri }
				label={ __( 'Webhook URI', 'customer-cloud-gallery' ) }
				copyLabel={ __( 'Copy webhook URI', 'customer-cloud-gallery' ) }
			/>
		</div>
	);
}
