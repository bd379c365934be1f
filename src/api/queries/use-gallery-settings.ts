/**
 * External dependencies
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { queryKeys } from '../query-keys';
import { fetchSettings, saveSettings } from '../settings';
import type { GallerySettings } from '../types';

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
 * Saves the settings. A new gallery root changes what every folder listing
 * and preview may show, so those are refetched.
 *
 * @return The mutation.
 */
export function useSaveGallerySettings() {
	const client = useQueryClient();
	return useMutation( {
		mutationFn: ( settings: GallerySettings ) => saveSettings( settings ),
		onSuccess: async ( saved ) => {
			client.setQueryData( queryKeys.settings(), saved );
			await Promise.all( [
				client.invalidateQueries( {
					queryKey: queryKeys.folders( 'dropbox' ),
				} ),
				client.invalidateQueries( { queryKey: queryKeys.previews() } ),
			] );
		},
	} );
}
