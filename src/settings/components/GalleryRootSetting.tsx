/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';
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
	/** The provider's connection (connected). */
	connection: Connection;
	/** What "no gallery folder" means, e.g. "The whole Dropbox". */
	rootLabel: string;
	/** Accessible name of the folder tree, e.g. "Folders in Dropbox". */
	treeLabel: string;
}

/**
 * The folder one provider's galleries come from. The server confines the
 * editor's folder tree and every gallery of that provider to it; choosing it
 * browses the whole account.
 *
 * @param props            Component props.
 * @param props.connection The provider's connection (connected).
 * @param props.rootLabel  Name of "no gallery folder".
 * @param props.treeLabel  Accessible name of the folder tree.
 */
export default function GalleryRootSetting( {
	connection,
	rootLabel,
	treeLabel,
}: Props ) {
	const { provider } = connection;
	const headingId = `ccg-gallery-root-${ useInstanceId(
		GalleryRootSetting
	) }`;
	const settings = useGallerySettingsQuery();
	const save = useSaveGallerySettings();
	const [ isChoosing, setIsChoosing ] = useState( false );
	const [ choice, setChoice ] = useState< FolderRef | null >( null );
	const [ isSaved, setIsSaved ] = useState( false );
	const current = settings.data?.galleryRoot[ provider ] ?? null;

	const onSave = () => {
		if ( ! choice ) {
			return;
		}
		setIsSaved( false );
		save.mutate(
			{
				galleryRoot: {
					[ provider ]:
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
			<>
				<p>
					{ __( 'Gallery folder:', 'customer-cloud-gallery' ) }{ ' ' }
					<strong>{ current ? current.path : rootLabel }</strong>
				</p>
				{ ! current && (
					<p>
						{ __(
							'Until you choose one, only administrators can browse this account in the editor and make galleries of it; everyone else who edits posts is asked to ask an administrator.',
							'customer-cloud-gallery'
						) }
					</p>
				) }
			</>
		);
	}

	return (
		<div
			className="ccg-gallery-root"
			role="group"
			aria-labelledby={ headingId }
		>
			<h3 id={ headingId }>
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
						provider={ provider }
						scope="all"
						label={ treeLabel }
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
