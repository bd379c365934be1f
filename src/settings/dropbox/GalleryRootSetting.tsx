/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { toApiError } from '../../api/client';
import {
	useGallerySettingsQuery,
	useSaveGallerySettings,
} from '../../api/queries';
import type { FolderRef } from '../../api/types';
import FolderTree from '../../components/FolderTree';
import type { Connection } from '../../store/connections';

interface Props {
	connection: Connection;
}

/**
 * What "no gallery folder" means for this connection.
 *
 * @param connection The Dropbox connection.
 * @return Translated label.
 */
export function defaultRootLabel( connection: Connection ): string {
	return connection.accessType === 'app_folder'
		? __( 'The App folder', 'customer-cloud-gallery' )
		: __( 'The whole Dropbox', 'customer-cloud-gallery' );
}

/**
 * The folder galleries come from. The server confines the editor's folder
 * tree and every gallery to it; choosing it browses the whole Dropbox.
 *
 * @param props            Component props.
 * @param props.connection The Dropbox connection (connected).
 */
export default function GalleryRootSetting( { connection }: Props ) {
	const settings = useGallerySettingsQuery();
	const save = useSaveGallerySettings();
	const [ isChoosing, setIsChoosing ] = useState( false );
	const [ choice, setChoice ] = useState< FolderRef | null >( null );
	const [ isSaved, setIsSaved ] = useState( false );
	const rootLabel = defaultRootLabel( connection );
	const current = settings.data?.galleryRoot.dropbox ?? null;

	const onSave = () => {
		if ( ! choice ) {
			return;
		}
		setIsSaved( false );
		save.mutate(
			{
				galleryRoot: {
					dropbox:
						choice.id === ''
							? null
							: { id: choice.id, path: choice.path },
				},
			},
			{
				onSuccess: () => {
					setIsChoosing( false );
					setChoice( null );
					setIsSaved( true );
				},
			}
		);
	};

	let currentText;
	if ( settings.isLoading ) {
		currentText = <Spinner />;
	} else if ( settings.error ) {
		currentText = (
			<Notice status="error" isDismissible={ false }>
				{ toApiError( settings.error ).message }
			</Notice>
		);
	} else {
		currentText = (
			<p>
				{ __( 'Gallery folder:', 'customer-cloud-gallery' ) }{ ' ' }
				<strong>{ current ? current.path : rootLabel }</strong>
			</p>
		);
	}

	return (
		<div
			className="ccg-gallery-root"
			role="group"
			aria-labelledby="ccg-gallery-root-heading"
		>
			<h3 id="ccg-gallery-root-heading">
				{ __( 'Gallery folder', 'customer-cloud-gallery' ) }
			</h3>
			<p>
				{ __(
					'Galleries and the folder browser in the editor can only reach photos inside this folder.',
					'customer-cloud-gallery'
				) }
			</p>
			{ currentText }
			{ isChoosing ? (
				<>
					<FolderTree
						provider="dropbox"
						scope="all"
						label={ __(
							'Folders in Dropbox',
							'customer-cloud-gallery'
						) }
						rootLabel={ rootLabel }
						selectedId={
							choice ? choice.id : ( current?.id ?? '' )
						}
						onSelect={ setChoice }
					/>
					<div className="ccg-actions">
						<Button
							__next40pxDefaultSize
							variant="primary"
							accessibleWhenDisabled
							disabled={ ! choice || save.isPending }
							isBusy={ save.isPending }
							onClick={ onSave }
						>
							{ __( 'Save', 'customer-cloud-gallery' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							onClick={ () => {
								setIsChoosing( false );
								setChoice( null );
							} }
						>
							{ __( 'Cancel', 'customer-cloud-gallery' ) }
						</Button>
					</div>
				</>
			) : (
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => {
						setIsSaved( false );
						setIsChoosing( true );
					} }
				>
					{ __( 'Choose folder', 'customer-cloud-gallery' ) }
				</Button>
			) }
			{ save.error && (
				<Notice status="error" isDismissible={ false }>
					{ toApiError( save.error ).message }
				</Notice>
			) }
			{ isSaved && (
				<Notice status="success" onRemove={ () => setIsSaved( false ) }>
					{ __( 'Gallery folder saved.', 'customer-cloud-gallery' ) }
				</Notice>
			) }
		</div>
	);
}
