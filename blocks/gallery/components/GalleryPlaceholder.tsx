/**
 * WordPress dependencies
 */
import { Notice, Placeholder, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FolderRef, ProviderId } from '../../../src/api/types';
import { pickerProvider } from '../folder-attributes';
import { useConnections } from '../hooks';
import FolderPicker from './FolderPicker';
import NotConnected from './NotConnected';

interface Props {
	provider: ProviderId | '';
	/** The provider picked but not saved yet, shared with the sidebar. */
	draftProvider: ProviderId | '';
	onProviderChange: ( provider: ProviderId ) => void;
	folderId: string | null;
	onChoose: ( provider: ProviderId, folder: FolderRef ) => void;
	onCancel?: () => void;
}

/**
 * The block before it has a folder (or while choosing another): the picker
 * inline, so nobody has to find the sidebar.
 *
 * @param props                  Component props.
 * @param props.provider         Saved provider, if any.
 * @param props.draftProvider    Provider picked but not saved, if any.
 * @param props.onProviderChange Picks another provider.
 * @param props.folderId         Saved folder id, or null before one is chosen.
 * @param props.onChoose         Saves the chosen folder.
 * @param props.onCancel         Leaves the picker (only when a folder is saved).
 */
export default function GalleryPlaceholder( {
	provider,
	draftProvider,
	onProviderChange,
	folderId,
	onChoose,
	onCancel,
}: Props ) {
	const { connections, connected, loadError } = useConnections();
	const shown = pickerProvider( connected, draftProvider, provider );

	let content;
	if ( loadError ) {
		content = (
			<Notice status="error" isDismissible={ false }>
				{ loadError.message }
			</Notice>
		);
	} else if ( connections === undefined ) {
		content = <Spinner />;
	} else if ( shown === '' ) {
		content = <NotConnected connections={ connections } />;
	} else {
		content = (
			<FolderPicker
				connections={ connections }
				provider={ shown }
				onProviderChange={ onProviderChange }
				initialFolderId={ folderId }
				onChoose={ onChoose }
				onCancel={ onCancel }
			/>
		);
	}

	return (
		<Placeholder
			icon="format-gallery"
			label={ __( 'Cloud Gallery', 'customer-cloud-gallery' ) }
			instructions={ __(
				'Choose the folder whose photos this gallery shows.',
				'customer-cloud-gallery'
			) }
			className="ccg-gallery-placeholder"
			isColumnLayout
		>
			{ content }
		</Placeholder>
	);
}
