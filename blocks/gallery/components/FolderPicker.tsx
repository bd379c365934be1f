/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection, FolderRef, ProviderId } from '../../../src/api/types';
import FolderTree from '../../../src/components/FolderTree';
import ProviderPicker from '../../../src/components/ProviderPicker';

interface Props {
	connections: Connection[];
	/** The provider shown; the block keeps it so the sidebar shows the same. */
	provider: ProviderId;
	onProviderChange: ( provider: ProviderId ) => void;
	initialFolderId: string | null;
	onChoose: ( provider: ProviderId, folder: FolderRef ) => void;
	/** Offered when the gallery already has a folder. */
	onCancel?: () => void;
}

/**
 * The inline picker of the placeholder: a provider, a folder from the tree,
 * then "Use this folder". Choosing in the tree only marks the folder, so
 * moving through folders never replaces the picker with a preview; another
 * provider forgets the mark.
 *
 * @param props                  Component props.
 * @param props.connections      Connections as the store holds them.
 * @param props.provider         Provider shown.
 * @param props.onProviderChange Shows another provider.
 * @param props.initialFolderId  Folder to show as chosen.
 * @param props.onChoose         Saves the chosen folder.
 * @param props.onCancel         Leaves the picker, if offered.
 */
export default function FolderPicker( {
	connections,
	provider,
	onProviderChange,
	initialFolderId,
	onChoose,
	onCancel,
}: Props ) {
	const [ choice, setChoice ] = useState< {
		provider: ProviderId;
		folder: FolderRef;
	} | null >( null );
	const folder = choice?.provider === provider ? choice.folder : null;
	return (
		<div className="ccg-folder-picker">
			{ connections.length > 0 && (
				<ProviderPicker
					connections={ connections }
					value={ provider }
					onChange={ onProviderChange }
				/>
			) }
			<FolderTree
				key={ provider }
				provider={ provider }
				label={ __( 'Folders', 'customer-cloud-gallery' ) }
				selectedId={ folder ? folder.id : initialFolderId }
				onSelect={ ( next ) => setChoice( { provider, folder: next } ) }
			/>
			<div className="ccg-folder-picker__actions">
				<Button
					__next40pxDefaultSize
					variant="primary"
					accessibleWhenDisabled
					disabled={ ! folder }
					onClick={ () => folder && onChoose( provider, folder ) }
				>
					{ __( 'Use this folder', 'customer-cloud-gallery' ) }
				</Button>
				{ onCancel && (
					<Button
						__next40pxDefaultSize
						variant="tertiary"
						onClick={ onCancel }
					>
						{ __( 'Cancel', 'customer-cloud-gallery' ) }
					</Button>
				) }
				<span className="ccg-folder-picker__choice" aria-live="polite">
					{ folder &&
						sprintf(
							/* translators: %s: path of the folder chosen in the tree. */
							__( 'Chosen: %s', 'customer-cloud-gallery' ),
							folder.path || folder.name
						) }
				</span>
			</div>
		</div>
	);
}
