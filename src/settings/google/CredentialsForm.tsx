/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import CredentialsForm from '../components/CredentialsForm';
import type { CredentialsFormProps } from '../components/CredentialsForm';

/**
 * Client ID and Client secret of the user's own Google Cloud OAuth client.
 *
 * @param props               Component props.
 * @param props.connection    The Google Drive connection.
 * @param props.firstFieldRef Ref to the Client ID input.
 */
export default function GoogleCredentialsForm( {
	connection,
	firstFieldRef,
}: CredentialsFormProps ) {
	return (
		<CredentialsForm
			connection={ connection }
			firstFieldRef={ firstFieldRef }
			heading={ __(
				'Google OAuth client credentials',
				'customer-cloud-gallery'
			) }
			fields={ [
				{
					name: 'clientId',
					kind: 'id',
					label: __( 'Client ID', 'customer-cloud-gallery' ),
					help: __(
						'It ends in .apps.googleusercontent.com.',
						'customer-cloud-gallery'
					),
				},
				{
					name: 'clientSecret',
					kind: 'secret',
					label: __( 'Client secret', 'customer-cloud-gallery' ),
					help: __(
						'In the Google Cloud console, open APIs & Services → Credentials and click your OAuth client to find it.',
						'customer-cloud-gallery'
					),
				},
			] }
		/>
	);
}
