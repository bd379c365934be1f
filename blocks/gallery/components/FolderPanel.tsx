/**
 * WordPress dependencies
 */
import { Notice, PanelBody } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FolderRef, ProviderId } from '../../../src/api/types';
import Breadcrumb from '../../../src/components/Breadcrumb';
import FolderTree from '../../../src/components/FolderTree';
import ProviderPicker from '../../../src/components/ProviderPicker';
import { useChosenFolder, useConnections } from '../hooks';
import { hasFolder } from '../folder-attributes';
import type { GalleryAttributes } from '../types';

interface Props {
	attributes: GalleryAttributes;
	onChoose: ( provider: ProviderId, folder: FolderRef ) => void;
}

/**
 * The sidebar's Folder panel: provider, where the chosen folder is, how many
 * photos it has, and the tree to choose another.
 *
 * @param props            Component props.
 * @param props.attributes Block attributes.
 * @param props.onChoose   Saves a chosen folder.
 */
export default function FolderPanel( { attributes, onChoose }: Props ) {
	const { connections } = useConnections();
	const { query, error, unreachable } = useChosenFolder( attributes );
	const chosen = hasFolder( attributes );
	const connected = ( connections ?? [] ).filter(
		( item ) => item.status === 'connected'
	);
	const provider =
		attributes.provider || connected[ 0 ]?.provider || ( '' as const );

	return (
		<PanelBody title={ __( 'Folder', 'customer-cloud-gallery' ) }>
			{ connections && (
				<ProviderPicker
					connections={ connections }
					value={ provider }
					onChange={ ( next ) =>
						onChoose( next, { id: '', name: '', path: '' } )
					}
				/>
			) }
			{ chosen && query.data && (
				<>
					<Breadcrumb items={ query.data.breadcrumb } />
					<p className="ccg-photo-count">
						{ sprintf(
							/* translators: %d: number of photos in the chosen folder. */
							_n(
								'%d photo in this folder',
								'%d photos in this folder',
								query.data.photoCount,
								'customer-cloud-gallery'
							),
							query.data.photoCount
						) }
					</p>
				</>
			) }
			{ chosen && error && ! unreachable && (
				<Notice status="warning" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			{ provider !== '' && connected.length > 0 && (
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
