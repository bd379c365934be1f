/**
 * External dependencies
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { queryKeys } from '../query-keys';
import { fetchSettings, saveSettings } from '../settings';
import type { GallerySettings, ProviderId } from '../types';

/**
 * The plugin's settings (admins only).
 *
 * @param enabled Whether to load them.
 * @return The query.
 */
export function useGallerySettingsQuery( enabled = true ) {
	return useQuery( {
		queryKey: queryKeys.settings(),
		queryFn: fetchSettings,
		enabled,
	} );
}

/**
 * Saves the settings. A new gallery root changes what the folder listings of
 * its provider and every preview may show, so those are refetched.
 *
 * @return The mutation.
 */
export function useSaveGallerySettings() {
	const client = useQueryClient();
	return useMutation( {
		mutationFn: ( settings: GallerySettings ) => saveSettings( settings ),
		onSuccess: async ( saved, sent ) => {
			client.setQueryData( queryKeys.settings(), saved );
			const providers = Object.keys( sent.galleryRoot ) as ProviderId[];
			await Promise.all( [
				...providers.map( ( provider ) =>
					client.invalidateQueries( {
						queryKey: queryKeys.folders( provider ),
					} )
				),
				client.invalidateQueries( { queryKey: queryKeys.previews() } ),
			] );
		},
	} );
}
