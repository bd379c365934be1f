/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ProviderId } from '../../api/types';
import { store as connectionsStore } from '../../store/connections';
import { KNOWN_PROVIDERS, providerLabel } from './labels';

/**
 * A provider's name where only its id is at hand. The store is asked only
 * for providers the editor has no words for, so showing a known one never
 * loads the connections.
 *
 * @param provider Provider.
 * @return The name.
 */
export function useProviderLabel( provider: ProviderId ): string {
	return useSelect(
		( select ) =>
			providerLabel(
				provider,
				KNOWN_PROVIDERS.includes( provider )
					? null
					: select( connectionsStore ).getConnection( provider )
			),
		[ provider ]
	);
}
