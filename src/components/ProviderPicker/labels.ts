/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection, ProviderId } from '../../api/types';

export const DROPBOX: ProviderId = 'dropbox';
export const GOOGLE: ProviderId = 'google';

/**
 * The providers the editor has its own words for. They are listed even
 * before the server offers them, so an author sees what the site could use;
 * any other provider is listed once the server offers it.
 */
export const KNOWN_PROVIDERS: ProviderId[] = [ DROPBOX, GOOGLE ];

const KNOWN_LABELS: Partial< Record< ProviderId, string > > = {
	[ DROPBOX ]: __( 'Dropbox', 'customer-cloud-gallery' ),
	[ GOOGLE ]: __( 'Google Drive', 'customer-cloud-gallery' ),
};

/**
 * A provider's name: the editor's own translation for the providers it
 * knows, else the label its connection carries from the server.
 *
 * @param provider   Provider.
 * @param connection Its connection, if the server offers it.
 * @return The name.
 */
export function providerLabel(
	provider: ProviderId,
	connection?: Connection | null
): string {
	return KNOWN_LABELS[ provider ] ?? connection?.label ?? provider;
}

/**
 * The providers to list, in order: the known ones, then every other one the
 * server offers, in the server's order.
 *
 * @param connections Connections as the store holds them.
 * @return Provider ids.
 */
export function listedProviders( connections: Connection[] ): ProviderId[] {
	const others = connections
		.map( ( connection ) => connection.provider )
		.filter( ( provider ) => ! KNOWN_PROVIDERS.includes( provider ) );
	return [ ...KNOWN_PROVIDERS, ...others ];
}

/**
 * Provider names as one alternative, e.g. "Dropbox or Google Drive".
 *
 * @param providers   Providers, in order.
 * @param connections Connections, for the names of providers the editor
 *                    does not know.
 * @return Translated list.
 */
export function formatProviderList(
	providers: ProviderId[],
	connections: Connection[] = []
): string {
	const names = providers.map( ( provider ) =>
		providerLabel(
			provider,
			connections.find( ( item ) => item.provider === provider )
		)
	);
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
