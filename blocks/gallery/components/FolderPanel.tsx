/**
 * WordPress dependencies
 */
import { Notice, PanelBody } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { NO_GALLERY_FOLDER } from '../../../src/api/constants';
import type { FolderRef, ProviderId } from '../../../src/api/types';
import Breadcrumb from '../../../src/components/Breadcrumb';
import FolderTree from '../../../src/components/FolderTree';
import ProviderPicker from '../../../src/components/ProviderPicker';
import { providerLabel } from '../../../src/components/ProviderPicker/labels';
import { useChosenFolder, useConnections } from '../hooks';
import { hasFolder, pickerProvider } from '../folder-attributes';
import type { GalleryAttributes } from '../types';
import NotConnected from './NotConnected';
import PhotoCount from './PhotoCount';

interface Props {
	attributes: GalleryAttributes;
	/** The provider picked in the block but not saved yet. */
	draftProvider: ProviderId | '';
	onProviderChange: ( provider: ProviderId ) => void;
	onChoose: ( provider: ProviderId, folder: FolderRef ) => void;
}

/**
 * The sidebar's Folder panel: provider, where the chosen folder is, how many
 * photos it has, and the tree to choose another. Before a folder is saved it
 * shows the provider picked in the block; after, choosing another provider
 * starts over at its root.
 *
 * @param props                  Component props.
 * @param props.attributes       Block attributes.
 * @param props.draftProvider    Provider picked in the block, if any.
 * @param props.onProviderChange Picks another provider before a folder is saved.
 * @param props.onChoose         Saves a chosen folder.
 */
export default function FolderPanel( {
	attributes,
	draftProvider,
	onProviderChange,
	onChoose,
}: Props ) {
	const { connections, connected } = useConnections();
	const { query, error, unreachable } = useChosenFolder( attributes );
	const chosen = hasFolder( attributes );
	const provider = chosen
		? attributes.provider
		: pickerProvider( connected, draftProvider );
	const isUsable = provider !== '' && connected.includes( provider );

	return (
		<PanelBody title={ __( 'Folder', 'customer-cloud-gallery' ) }>
			{ connections && (
				<ProviderPicker
					connections={ connections }
					value={ provider }
					onChange={ ( next ) =>
						chosen
							? onChoose( next, { id: '', name: '', path: '' } )
							: onProviderChange( next )
					}
				/>
			) }
			{ chosen && query.data && (
				<>
					<Breadcrumb
						items={ query.data.breadcrumb }
						rootLabel={ providerLabel(
							query.data.provider,
							connections?.find(
								( item ) =>
									item.provider === query.data.provider
							)
						) }
					/>
					<PhotoCount
						count={ query.data.photoCount }
						complete={ query.data.complete }
					/>
				</>
			) }
			{ chosen &&
				error &&
				! unreachable &&
				isUsable &&
				// The tree below says that one, where the folders would be.
				error.code !== NO_GALLERY_FOLDER && (
					<Notice status="warning" isDismissible={ false }>
						{ error.message }
					</Notice>
				) }
			{ connections && provider !== '' && ! isUsable && (
				<NotConnected
					connections={ connections }
					provider={ provider }
				/>
			) }
			{ provider !== '' && isUsable && (
				<FolderTree
					key={ provider }
					provider={ provider }
					label={ __( 'Folders', 'customer-cloud-gallery' ) }
					selectedId={ chosen ? attributes.folderId : null }
					initialExpanded={ ( query.data?.breadcrumb ?? [] )
						.slice( 1, -1 )
						.map( ( item ) => item.id ) }
					onSelect={ ( folder ) => onChoose( provider, folder ) }
				/>
			) }
		</PanelBody>
	);
}
