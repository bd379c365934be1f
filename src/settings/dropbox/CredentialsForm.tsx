/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import CredentialsForm from '../components/CredentialsForm';
import type { CredentialsFormProps } from '../components/CredentialsForm';
import { getAccessTypeLabel } from './labels';
import WebhookUri from './WebhookUri';

/**
 * App key, App secret and access type of the user's Dropbox app, and the
 * webhook URI to give it.
 *
 * @param props               Component props.
 * @param props.connection    The Dropbox connection.
 * @param props.firstFieldRef Ref to the App key input.
 */
export default function DropboxCredentialsForm( {
	connection,
	firstFieldRef,
}: CredentialsFormProps ) {
	return (
		<>
			<CredentialsForm
				connection={ connection }
				firstFieldRef={ firstFieldRef }
				heading={ __(
					'Dropbox app credentials',
					'customer-cloud-gallery'
				) }
				fields={ [
					{
						name: 'appKey',
						kind: 'id',
						label: __( 'App key', 'customer-cloud-gallery' ),
					},
					{
						name: 'appSecret',
						kind: 'secret',
						label: __( 'App secret', 'customer-cloud-gallery' ),
						help: __(
							'In the Dropbox App Console, click Show next to App secret to reveal it.',
							'customer-cloud-gallery'
						),
					},
					{
						name: 'accessType',
						kind: 'choice',
						label: __( 'Access type', 'customer-cloud-gallery' ),
						help: __(
							'Choose the access type you gave the app when you created it.',
							'customer-cloud-gallery'
						),
						// The first is the default while none is stored.
						options: [
							{
								value: 'full',
								label: __(
									'Full Dropbox — recommended',
									'customer-cloud-gallery'
								),
								description: __(
									'Lets the plugin read any folder you point it at.',
									'customer-cloud-gallery'
								),
							},
							{
								value: 'app_folder',
								label: getAccessTypeLabel( 'app_folder' ),
								description: __(
									'Limits the plugin to /Apps/<your-app-name>; galleries must live in that folder.',
									'customer-cloud-gallery'
								),
							},
						],
					},
				] }
			/>
			<WebhookUri />
		</>
	);
}
