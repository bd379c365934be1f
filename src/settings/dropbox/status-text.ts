/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection, PendingAction } from '../../store/connections';

/**
 * The Dropbox section's status line: the request in flight, else where the
 * connection stands and, unless a problem notice says it, what to do next.
 *
 * @param connection The connection.
 * @param pending    The request in flight, if any.
 * @return The status in words.
 */
export function getStatusText(
	connection: Connection,
	pending: PendingAction
): string {
	switch ( pending ) {
		case 'saving':
			return __( 'Saving credentials…', 'customer-cloud-gallery' );
		case 'connecting':
			return __(
				'Opening Dropbox to approve the connection…',
				'customer-cloud-gallery'
			);
		case 'disconnecting':
			return __( 'Disconnecting…', 'customer-cloud-gallery' );
		case 'testing':
			return __( 'Testing the connection…', 'customer-cloud-gallery' );
	}

	const { status, account, canManage, problem } = connection;
	// The problem notice right below explains what to do; do not repeat it.
	if ( problem && status !== 'connected' ) {
		return status === 'unconfigured'
			? __( 'Dropbox is not set up yet.', 'customer-cloud-gallery' )
			: __(
					'The Dropbox connection needs attention.',
					'customer-cloud-gallery'
				);
	}
	switch ( status ) {
		case 'connected':
			return account
				? sprintf(
						/* translators: %s: name of the Dropbox account holder. */
						__(
							'Connected to Dropbox as %s.',
							'customer-cloud-gallery'
						),
						account.name
					)
				: __( 'Connected to Dropbox.', 'customer-cloud-gallery' );
		case 'needs_attention':
			return __(
				'The Dropbox connection needs attention.',
				'customer-cloud-gallery'
			);
		case 'ready':
			return canManage
				? __(
						'Credentials saved. Click Connect Dropbox to approve access.',
						'customer-cloud-gallery'
					)
				: __(
						'Dropbox is not connected yet.',
						'customer-cloud-gallery'
					);
		case 'unconfigured':
		default:
			return canManage
				? __(
						'Not set up yet. Follow “Dropbox — step-by-step” below, then save your App key and App secret.',
						'customer-cloud-gallery'
					)
				: __(
						'Dropbox is not set up yet. Ask a site administrator to connect it.',
						'customer-cloud-gallery'
					);
	}
}
