/**
 * WordPress dependencies
 */
import { useDispatch, useRegistry, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { store as connectionsStore } from '../store/connections';
import type {
	PendingAction,
	ProviderId,
	RequestError,
	TestResult,
} from '../store/connections';

interface RequestState {
	pending: PendingAction;
	error: RequestError | null;
	testResult: TestResult | null;
}

/**
 * The requests in flight or last finished for one provider.
 *
 * @param provider Provider.
 * @return Pending action, last error and last test result.
 */
export function useRequestState( provider: ProviderId ): RequestState {
	return useSelect(
		( select ) => {
			const { getPendingAction, getError, getTestResult } =
				select( connectionsStore );
			return {
				pending: getPendingAction( provider ),
				error: getError( provider ),
				testResult: getTestResult( provider ),
			};
		},
		[ provider ]
	);
}

/**
 * Clears "connecting" when the browser brings the page back from its
 * back/forward cache (the user pressed Back on the consent screen), so the
 * buttons do not stay busy for a navigation that never happened.
 */
export function useResetConnectingOnReturn(): void {
	const registry = useRegistry();
	const { setPendingAction } = useDispatch( connectionsStore );
	useEffect( () => {
		const onPageShow = ( event: PageTransitionEvent ) => {
			if ( ! event.persisted ) {
				return;
			}
			const { getConnections, getPendingAction } =
				registry.select( connectionsStore );
			for ( const { provider } of getConnections() ?? [] ) {
				if ( getPendingAction( provider ) === 'connecting' ) {
					setPendingAction( provider, null );
				}
			}
		};
		window.addEventListener( 'pageshow', onPageShow );
		return () => window.removeEventListener( 'pageshow', onPageShow );
	}, [ registry, setPendingAction ] );
}
