/**
 * WordPress dependencies
 */
import {
	BlockControls,
	InspectorControls,
	useBlockProps,
} from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { ToolbarButton, ToolbarGroup } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FolderRef, ProviderId } from '../../../src/api/types';
import { folderAttributes, hasFolder } from '../folder-attributes';
import {
	useChosenFolder,
	usePostId,
	useRefreshPreviewWhenCounted,
} from '../hooks';
import type { GalleryAttributes } from '../types';
import AlbumsPanel from './AlbumsPanel';
import DownloadsPanel from './DownloadsPanel';
import FolderPanel from './FolderPanel';
import GalleryPlaceholder from './GalleryPlaceholder';
import GalleryPreview from './GalleryPreview';
import LayoutPanel from './LayoutPanel';
import PhotosPanel from './PhotosPanel';
import UnreachableFolder from './UnreachableFolder';

type GalleryEditProps = Pick<
	BlockEditProps< GalleryAttributes >,
	'attributes' | 'setAttributes'
> & {
	/** Preview settling time; tests pass 0. */
	previewDebounceMs?: number;
};

/**
 * The block in the editor: the inline picker until it has a folder, then
 * the live preview, with the folder and layout in the sidebar.
 *
 * @param props                   Block edit props.
 * @param props.attributes        Block attributes.
 * @param props.setAttributes     Updates attributes.
 * @param props.previewDebounceMs Preview settling time.
 */
export default function GalleryEdit( {
	attributes,
	setAttributes,
	previewDebounceMs,
}: GalleryEditProps ) {
	const blockProps = useBlockProps();
	const postId = usePostId();
	const [ isChoosing, setIsChoosing ] = useState( false );
	// The provider picked before a folder is saved: the block's picker and
	// the sidebar show the same one.
	const [ draftProvider, setDraftProvider ] = useState< ProviderId | '' >(
		''
	);
	const { query: chosenFolder, unreachable } = useChosenFolder( attributes );
	useRefreshPreviewWhenCounted( chosenFolder.data?.complete );
	const chosen = hasFolder( attributes );

	const choose = ( provider: ProviderId, folder: FolderRef ) => {
		setAttributes( folderAttributes( provider, folder ) );
		setIsChoosing( false );
		setDraftProvider( '' );
	};
	const stopChoosing = () => {
		setIsChoosing( false );
		setDraftProvider( '' );
	};

	let canvas;
	if ( ! chosen || isChoosing ) {
		canvas = (
			<GalleryPlaceholder
				provider={ attributes.provider }
				draftProvider={ draftProvider }
				onProviderChange={ setDraftProvider }
				folderId={ chosen ? attributes.folderId : null }
				onChoose={ choose }
				onCancel={ chosen ? stopChoosing : undefined }
			/>
		);
	} else if ( unreachable && attributes.provider ) {
		canvas = (
			<UnreachableFolder
				provider={ attributes.provider }
				folderPath={ attributes.folderPath }
				error={ unreachable }
				onChooseAnother={ () => setIsChoosing( true ) }
			/>
		);
	} else {
		canvas = (
			<GalleryPreview
				attributes={ attributes }
				postId={ postId }
				debounceMs={ previewDebounceMs }
			/>
		);
	}

	return (
		<div { ...blockProps }>
			{ chosen && ! isChoosing && (
				<BlockControls group="other">
					<ToolbarGroup>
						<ToolbarButton onClick={ () => setIsChoosing( true ) }>
							{ __( 'Change folder', 'customer-cloud-gallery' ) }
						</ToolbarButton>
					</ToolbarGroup>
				</BlockControls>
			) }
			<InspectorControls>
				<FolderPanel
					attributes={ attributes }
					draftProvider={ draftProvider }
					onProviderChange={ setDraftProvider }
					onChoose={ choose }
				/>
				<LayoutPanel
					attributes={ attributes }
					setAttributes={ setAttributes }
				/>
				<PhotosPanel
					attributes={ attributes }
					setAttributes={ setAttributes }
				/>
				<AlbumsPanel
					attributes={ attributes }
					setAttributes={ setAttributes }
				/>
				<DownloadsPanel { ...{ attributes, setAttributes } } />
			</InspectorControls>
			{ canvas }
		</div>
	);
}
