/**
 * WordPress dependencies
 */
import { Button, Placeholder } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ApiError, ProviderId } from '../../../src/api/types';
import { useProviderLabel } from '../../../src/components/ProviderPicker/use-provider-label';

interface Props {
	provider: ProviderId;
	folderPath: string;
	error: ApiError;
	onChooseAnother: () => void;
}

/**
 * The saved folder was deleted, moved out of the gallery folder, or access
 * to it was lost: say so in the editor instead of showing an empty gallery.
 *
 * @param props                 Component props.
 * @param props.provider        Provider of the folder.
 * @param props.folderPath      Path the block saved.
 * @param props.error           What the server said.
 * @param props.onChooseAnother Opens the folder picker.
 */
export default function UnreachableFolder( {
	provider,
	folderPath,
	error,
	onChooseAnother,
}: Props ) {
	const providerName = useProviderLabel( provider );
	return (
		<Placeholder
			icon="warning"
			label={ __( 'Cloud Gallery', 'customer-cloud-gallery' ) }
			className="ccg-unreachable"
			isColumnLayout
		>
			<p role="alert">
				{ sprintf(
					/* translators: 1: provider name, 2: folder path. */
					__(
						'This folder can no longer be reached in %1$s: %2$s',
						'customer-cloud-gallery'
					),
					providerName,
					folderPath
				) }
			</p>
			<p>{ error.message }</p>
			<div>
				<Button
					__next40pxDefaultSize
					variant="primary"
					onClick={ onChooseAnother }
				>
					{ __( 'Choose another folder', 'customer-cloud-gallery' ) }
				</Button>
			</div>
		</Placeholder>
	);
}
