/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

interface Props {
	/** What the dialog asks, e.g. "Disconnect Dropbox?". */
	question: string;
	/** What disconnecting means for the site's galleries. */
	consequence: string;
	isBusy: boolean;
	isDisabled: boolean;
	onConfirm: () => void;
}

/**
 * Disconnects after the user confirms: galleries go blank until someone
 * connects again, which a stray click should not cause. (A Modal rather
 * than ConfirmDialog, which is still experimental.)
 *
 * @param props             Component props.
 * @param props.question    Dialog title.
 * @param props.consequence Dialog text.
 * @param props.isBusy      Whether disconnecting is running.
 * @param props.isDisabled  Whether another request is running.
 * @param props.onConfirm   Disconnects.
 */
export default function DisconnectButton( {
	question,
	consequence,
	isBusy,
	isDisabled,
	onConfirm,
}: Props ) {
	const [ isOpen, setIsOpen ] = useState( false );
	const close = () => setIsOpen( false );
	return (
		<>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				isDestructive
				isBusy={ isBusy }
				disabled={ isDisabled }
				accessibleWhenDisabled
				onClick={ () => setIsOpen( true ) }
			>
				{ __( 'Disconnect', 'customer-cloud-gallery' ) }
			</Button>
			{ isOpen && (
				<Modal title={ question } size="small" onRequestClose={ close }>
					<p>{ consequence }</p>
					<div className="ccg-modal-actions">
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							onClick={ close }
						>
							{ __( 'Cancel', 'customer-cloud-gallery' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="primary"
							isDestructive
							onClick={ () => {
								close();
								onConfirm();
							} }
						>
							{ __( 'Disconnect', 'customer-cloud-gallery' ) }
						</Button>
					</div>
				</Modal>
			) }
		</>
	);
}
