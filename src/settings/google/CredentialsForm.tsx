/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import CredentialsForm from '../components/CredentialsForm';
import type { CredentialsFormProps } from '../components/CredentialsForm';
import { googleCredentials } from './labels';

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
			idField={ {
				label: __( 'Client ID', 'customer-cloud-gallery' ),
				help: __(
					'It ends in .apps.googleusercontent.com.',
					'customer-cloud-gallery'
				),
				initial: googleCredentials( connection )?.clientId ?? '',
			} }
			secretField={ {
				label: __( 'Client secret', 'customer-cloud-gallery' ),
				help: __(
					'In the Google Cloud console, open APIs & Services → Credentials and click your OAuth client to find it.',
					'customer-cloud-gallery'
				),
			} }
			toInput={ ( clientId, clientSecret ) => ( {
				clientId,
				clientSecret,
			} ) }
		/>
	);
}
