/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ProviderSection from '../components/ProviderSection';
import type { SectionProps } from '../sections';
import CredentialsForm from './CredentialsForm';
import { googleTexts } from './labels';
import StepByStep from './StepByStep';

/**
 * The Google Drive connection: the shared provider section with Google's
 * words, its Cloud console guide and its OAuth client form.
 *
 * @param props            Component props.
 * @param props.connection The Google Drive connection.
 */
export default function GoogleSection( { connection }: SectionProps ) {
	return (
		<ProviderSection
			connection={ connection }
			texts={ googleTexts() }
			rootLabel={ __(
				'All of Google Drive: My Drive and the shared drives',
				'customer-cloud-gallery'
			) }
			guide={ <StepByStep redirectUri={ connection.redirectUri } /> }
			CredentialsForm={ CredentialsForm }
		/>
	);
}
