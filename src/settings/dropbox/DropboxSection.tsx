/**
 * Internal dependencies
 */
import ProviderSection from '../components/ProviderSection';
import type { SectionProps } from '../sections';
import CredentialsForm from './CredentialsForm';
import { defaultRootLabel, dropboxTexts, getAccessTypeLabel } from './labels';
import StepByStep from './StepByStep';

/**
 * The Dropbox connection: the shared provider section with Dropbox's words,
 * its App Console guide, its credentials form and its access type.
 *
 * @param props            Component props.
 * @param props.connection The Dropbox connection.
 */
export default function DropboxSection( { connection }: SectionProps ) {
	return (
		<ProviderSection
			connection={ connection }
			texts={ dropboxTexts() }
			accessTypeLabel={
				connection.accessType
					? getAccessTypeLabel( connection.accessType )
					: null
			}
			rootLabel={ defaultRootLabel( connection ) }
			guide={ <StepByStep redirectUri={ connection.redirectUri } /> }
			CredentialsForm={ CredentialsForm }
		/>
	);
}
