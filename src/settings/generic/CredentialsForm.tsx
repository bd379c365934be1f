/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import CredentialsForm from '../components/CredentialsForm';
import type { CredentialsFormProps } from '../components/CredentialsForm';
import RedirectUriField from '../components/RedirectUriField';

/**
 * The credentials of a provider the screen has no form of its own for,
 * built from the fields the server describes, with the redirect URI to
 * register (there is no guide to show it).
 *
 * @param props               Component props.
 * @param props.connection    The provider's connection.
 * @param props.firstFieldRef Ref to the first text input.
 */
export default function GenericCredentialsForm( {
	connection,
	firstFieldRef,
}: CredentialsFormProps ) {
	const fields = connection.credentialFields ?? [];
	if ( fields.length === 0 ) {
		return null;
	}
	return (
		<CredentialsForm
			connection={ connection }
			firstFieldRef={ firstFieldRef }
			heading={ sprintf(
				/* translators: %s: provider name, e.g. Dropbox. */
				__( '%s credentials', 'customer-cloud-gallery' ),
				connection.label
			) }
			intro={
				connection.redirectUri && (
					<>
						<p>
							{ sprintf(
								/* translators: %s: provider name, e.g. Dropbox. */
								__(
									'Register this redirect URI with your %s app:',
									'customer-cloud-gallery'
								),
								connection.label
							) }
						</p>
						<RedirectUriField uri={ connection.redirectUri } />
					</>
				)
			}
			fields={ fields.map( ( field ) => ( {
				...field,
				help: field.help || undefined,
			} ) ) }
		/>
	);
}
