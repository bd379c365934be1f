/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection, PendingAction } from '../../store/connections';
import type { ProviderTexts } from '../types';

/**
 * A provider section's status line: the request in flight, else where the
 * connection stands and, unless a problem notice says it, what to do next.
 *
 * @param connection The connection.
 * @param pending    The request in flight, if any.
 * @param texts      The provider's words.
 * @return The status in words.
 */
export function getStatusText(
	connection: Connection,
	pending: PendingAction,
	texts: ProviderTexts
): string {
	const { name } = texts;
	switch ( pending ) {
		case 'saving':
			return __( 'Saving credentials…', 'customer-cloud-gallery' );
		case 'connecting':
			return sprintf(
				/* translators: %s: provider name, e.g. Dropbox. */
				__(
					'Opening %s to approve the connection…',
					'customer-cloud-gallery'
				),
				name
			);
		case 'disconnecting':
			return __( 'Disconnecting…', 'customer-cloud-gallery' );
		case 'testing':
			return __( 'Testing the connection…', 'customer-cloud-gallery' );
	}

	const notSetUp = sprintf(
		/* translators: %s: provider name, e.g. Dropbox. */
		__( '%s is not set up yet.', 'customer-cloud-gallery' ),
		name
	);
	const needsAttention = sprintf(
		/* translators: %s: provider name, e.g. Dropbox. */
		__( 'The %s connection needs attention.', 'customer-cloud-gallery' ),
		name
	);
	const { status, account, canManage, problem } = connection;
	// The problem notice right below explains what to do; do not repeat it.
	if ( problem && status !== 'connected' ) {
		return status === 'unconfigured' ? notSetUp : needsAttention;
	}
	switch ( status ) {
		case 'connected':
			return account
				? sprintf(
						/* translators: 1: provider name, e.g. Dropbox, 2: name of the account holder. */
						__(
							'Connected to %1$s as %2$s.',
							'customer-cloud-gallery'
						),
						name,
						account.name
					)
				: sprintf(
						/* translators: %s: provider name, e.g. Dropbox. */
						__( 'Connected to %s.', 'customer-cloud-gallery' ),
						name
					);
		case 'needs_attention':
			return needsAttention;
		case 'ready':
			return canManage
				? sprintf(
						/* translators: %s: the connect button, e.g. Connect Dropbox. */
						__(
							'Credentials saved. Click %s to approve access.',
							'customer-cloud-gallery'
						),
						texts.connectLabel
					)
				: sprintf(
						/* translators: %s: provider name, e.g. Dropbox. */
						__(
							'%s is not connected yet.',
							'customer-cloud-gallery'
						),
						name
					);
		case 'unconfigured':
		default:
			return canManage
				? texts.notSetUp
				: sprintf(
						/* translators: %s: provider name, e.g. Dropbox. */
						__(
							'%s is not set up yet. Ask a site administrator to connect it.',
							'customer-cloud-gallery'
						),
						name
					);
	}
}
