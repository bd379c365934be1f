/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProviderId } from '../../api/types';

/** Every provider the plugin knows, in the order the picker lists them. */
export const PROVIDERS: ProviderId[] = [ 'dropbox', 'google' ];

export const PROVIDER_LABELS: Record< ProviderId, string > = {
	dropbox: __( 'Dropbox', 'customer-cloud-gallery' ),
	google: __( 'Google Drive', 'customer-cloud-gallery' ),
};

/**
 * Provider names as one alternative, e.g. "Dropbox or Google Drive".
 *
 * @param providers Providers, in order.
 * @return Translated list.
 */
export function formatProviderList( providers: ProviderId[] ): string {
	const names = providers.map( ( provider ) => PROVIDER_LABELS[ provider ] );
	if ( names.length <= 1 ) {
		return names[ 0 ] ?? '';
	}
	const last = names.pop() as string;
	return sprintf(
		/* translators: 1: provider names separated by commas, e.g. "Dropbox", 2: the last provider name, e.g. "Google Drive". */
		__( '%1$s or %2$s', 'customer-cloud-gallery' ),
		names.join( ', ' ),
		last
	);
}
