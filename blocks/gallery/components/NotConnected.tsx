/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection, ProviderId } from '../../../src/api/types';
import {
	formatProviderList,
	KNOWN_PROVIDERS,
	listedProviders,
} from '../../../src/components/ProviderPicker/labels';
import { settingsUrl } from '../../../src/components/settings-url';

interface Props {
	connections: Connection[];
	/** The provider the gallery uses; without one, every offered provider. */
	provider?: ProviderId;
}

/**
 * The gallery's provider (or, before one is chosen, every provider the site
 * offers) cannot be used: send people who may connect it to Settings, and
 * tell everyone else whom to ask.
 *
 * @param props             Component props.
 * @param props.connections Connections as the store holds them.
 * @param props.provider    The gallery's provider, if chosen.
 */
export default function NotConnected( { connections, provider }: Props ) {
	const offered = listedProviders( connections ).filter( ( id ) =>
		connections.some( ( item ) => item.provider === id )
	);
	let providers = offered.length > 0 ? offered : KNOWN_PROVIDERS;
	if ( provider ) {
		providers = [ provider ];
	}
	const relevant = connections.filter( ( item ) =>
		providers.includes( item.provider )
	);
	const names = formatProviderList( providers, connections );
	const canManage = connections.some( ( item ) => item.canManage );
	const problem = relevant.find( ( item ) => item.problem )?.problem;
	return (
		<div className="ccg-not-connected">
			<p>
				{ providers.length > 1
					? sprintf(
							/* translators: %s: provider names, e.g. "Dropbox or Google Drive". */
							__(
								'This gallery shows photos from %s. None of them is connected to this site yet.',
								'customer-cloud-gallery'
							),
							names
						)
					: sprintf(
							/* translators: %s: provider name, e.g. Dropbox. */
							__(
								'This gallery shows photos from %s, which is not connected to this site yet.',
								'customer-cloud-gallery'
							),
							names
						) }
			</p>
			{ problem && canManage && <p>{ problem.message }</p> }
			{ canManage ? (
				<a href={ settingsUrl() }>
					{ sprintf(
						/* translators: %s: provider names, e.g. "Dropbox or Google Drive". */
						__(
							'Connect %s in Customer Cloud Gallery → Settings',
							'customer-cloud-gallery'
						),
						names
					) }
				</a>
			) : (
				<p>
					{ sprintf(
						/* translators: %s: provider names, e.g. "Dropbox or Google Drive". */
						__(
							'Ask your site administrator to connect %s.',
							'customer-cloud-gallery'
						),
						names
					) }
				</p>
			) }
		</div>
	);
}
