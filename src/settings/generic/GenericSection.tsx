/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ProviderSection from '../components/ProviderSection';
import type { SectionProps } from '../sections';
import CredentialsForm from './CredentialsForm';
import { genericTexts } from './labels';

/**
 * A provider the server offers but this screen has no section of its own
 * for: the shared section with words made from the provider's name and a
 * credentials form made from the fields the server describes. It has no
 * setup guide.
 *
 * @param props            Component props.
 * @param props.connection The provider's connection.
 */
export default function GenericSection( { connection }: SectionProps ) {
	return (
		<ProviderSection
			connection={ connection }
			texts={ genericTexts( connection.label ) }
			rootLabel={ sprintf(
				/* translators: %s: provider name, e.g. Dropbox. */
				__( 'All of %s', 'customer-cloud-gallery' ),
				connection.label
			) }
			CredentialsForm={ CredentialsForm }
		/>
	);
}
