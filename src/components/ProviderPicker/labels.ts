/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProviderId } from '../../api/types';

/** Every provider the plugin knows, in the order the picker lists them. */
export const PROVIDERS: ProviderId[] = [ 'dropbox', 'google-drive' ];

export const PROVIDER_LABELS: Record< ProviderId, string > = {
	dropbox: __( 'Dropbox', 'customer-cloud-gallery' ),
	'google-drive': __( 'Google Drive', 'customer-cloud-gallery' ),
};
