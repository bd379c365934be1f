/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ConnectionStatus as Status } from '../../api/types';
import './style.scss';

/**
 * Short name of a connection status, as shown in the status badge.
 *
 * @param status Connection status.
 * @return Translated label.
 */
function getStatusLabel( status: Status ): string {
	switch ( status ) {
		case 'connected':
			return __( 'Connected', 'customer-cloud-gallery' );
		case 'ready':
			return __( 'Ready to connect', 'customer-cloud-gallery' );
		case 'needs_attention':
			return __( 'Needs attention', 'customer-cloud-gallery' );
		case 'unconfigured':
		default:
			return __( 'Not set up', 'customer-cloud-gallery' );
	}
}

interface Props {
	status: Status;
}

/**
 * A coloured dot and the status in words (colour is never the only cue).
 *
 * @param props        Component props.
 * @param props.status Connection status.
 */
export default function ConnectionStatus( { status }: Props ) {
	return (
		<span
			className={ `ccg-connection-status ccg-connection-status--${ status }` }
		>
			<span className="ccg-connection-status__dot" aria-hidden="true" />
			{ getStatusLabel( status ) }
		</span>
	);
}
