/**
 * External dependencies
 */
import { QueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { toApiError } from './client';

/** Errors a second try cannot fix: the folder is gone, forbidden, or the provider is not connected. */
const FINAL_STATUSES = [ 400, 401, 403, 404, 409 ];

/**
 * Retries only what may pass: a flaky network, the provider unreachable or rate
 * limited (the server already waited out Retry-After where it could).
 *
 * @param failureCount Failures so far.
 * @param error        The last error.
 * @return Whether to try again.
 */
function shouldRetry( failureCount: number, error: unknown ): boolean {
	const { status } = toApiError( error );
	return (
		failureCount < 2 &&
		( status === null || ! FINAL_STATUSES.includes( status ) )
	);
}

/**
 * Builds a client with the plugin's defaults. Tests build their own with
 * retry off.
 *
 * @return A QueryClient.
 */
function createQueryClient(): QueryClient {
	return new QueryClient( {
		defaultOptions: {
			queries: {
				// Folder listings change rarely while someone edits a post;
				// the server caches them too. Opening a folder again is instant.
				staleTime: 5 * 60 * 1000,
				gcTime: 30 * 60 * 1000,
				refetchOnWindowFocus: false,
				retry: shouldRetry,
			},
		},
	} );
}

/** The one client every block instance and the Settings screen of a page share. */
export const queryClient = createQueryClient();
