/**
 * WordPress dependencies
 */
import { createInterpolateElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

const tags = { strong: <strong />, code: <code /> };

/**
 * What Google Drive users most often run into, each with its fix.
 */
export default function Pitfalls() {
	const pitfalls: Array< [ string, string ] > = [
		[
			__(
				'Google says <code>Error 400: redirect_uri_mismatch</code>.',
				'customer-cloud-gallery'
			),
			__(
				'The redirect URI of your OAuth client differs from the one above. Copy it again with the Copy button and add it exactly; Google may take a few minutes to use it.',
				'customer-cloud-gallery'
			),
		],
		[
			__(
				'Connected, but the plugin says permission is missing.',
				'customer-cloud-gallery'
			),
			__(
				'The box to see and download your Drive files was left unticked on Google’s consent page. Click <strong>Reconnect</strong> and tick it.',
				'customer-cloud-gallery'
			),
		],
		[
			__(
				'The connection stops working after a week.',
				'customer-cloud-gallery'
			),
			__(
				'The app is still in Testing, where Google ends connections after 7 days. Click <strong>Publish app</strong> in the Google Cloud console, then <strong>Reconnect</strong> here.',
				'customer-cloud-gallery'
			),
		],
		[
			__(
				'Google says the Google Drive API has not been used in the project or is disabled.',
				'customer-cloud-gallery'
			),
			__(
				'Enable the <strong>Google Drive API</strong> (step 2) in the same project as your OAuth client, wait a minute, then click <strong>Test connection</strong>.',
				'customer-cloud-gallery'
			),
		],
		[
			__(
				'Google warns “Google hasn’t verified this app”.',
				'customer-cloud-gallery'
			),
			__(
				'Expected for your own app. Click <strong>Advanced</strong>, then <strong>Go to “your app’s name” (unsafe)</strong>.',
				'customer-cloud-gallery'
			),
		],
	];
	return (
		<div className="ccg-pitfalls">
			<h3>{ __( 'Common mistakes', 'customer-cloud-gallery' ) }</h3>
			<dl>
				{ pitfalls.map( ( [ symptom, fix ] ) => (
					<div key={ symptom } className="ccg-pitfalls__item">
						<dt>{ createInterpolateElement( symptom, tags ) }</dt>
						<dd>{ createInterpolateElement( fix, tags ) }</dd>
					</div>
				) ) }
			</dl>
		</div>
	);
}
