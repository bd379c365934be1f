/**
 * Internal dependencies
 */
import { toApiError } from '../../api/client';
import {
	postAuthorize,
	postCredentials,
	postDisconnect,
	postTestConnection,
} from '../../api/connections';
import { assignLocation } from './navigation';
import type {
	ApiError,
	Connection,
	CredentialsInput,
	Navigate,
	PendingAction,
	ProviderId,
	RequestError,
	TestResult,
} from './types';

export function receiveConnections( connections: Connection[] ) {
	return { type: 'RECEIVE_CONNECTIONS', connections } as const;
}

export function receiveLoadError( error: ApiError | null ) {
	return { type: 'RECEIVE_LOAD_ERROR', error } as const;
}

export function setPendingAction(
	provider: ProviderId,
	action: PendingAction
) {
	return { type: 'SET_PENDING_ACTION', provider, action } as const;
}

// Not store actions: only the thunks below report what a server answered.
function receiveConnection( connection: Connection ) {
	return { type: 'RECEIVE_CONNECTION', connection } as const;
}

function receiveError( provider: ProviderId, error: RequestError | null ) {
	return { type: 'RECEIVE_ERROR', provider, error } as const;
}

function receiveTestResult( provider: ProviderId, result: TestResult | null ) {
	return { type: 'RECEIVE_TEST_RESULT', provider, result } as const;
}

export type Action = ReturnType<
	| typeof receiveConnections
	| typeof receiveConnection
	| typeof receiveLoadError
	| typeof setPendingAction
	| typeof receiveError
	| typeof receiveTestResult
>;

/**
 * The part of @wordpress/data's thunk arguments these thunks use. Typed here
 * rather than as ThunkArgs< typeof store >, which would make the store's type
 * depend on itself.
 */
export interface ThunkArgs {
	dispatch: ( action: Action ) => void;
	select: {
		getConnection: (
			provider: ProviderId
		) => Connection | null | undefined;
	};
}

/**
 * Runs one request for a provider: marks it pending, records a failure as the
 * provider's error, and clears the pending mark unless told to keep it.
 *
 * @param provider Provider the request is for.
 * @param pending  What the section shows while waiting.
 * @param dispatch Store dispatch.
 * @param request  The request; may ask to keep the pending mark (the page
 *                 is navigating away).
 * @return Whether the request succeeded.
 */
async function run(
	provider: ProviderId,
	pending: Exclude< PendingAction, null >,
	dispatch: ThunkArgs[ 'dispatch' ],
	request: () => Promise< { keepPending?: boolean } | void >
): Promise< boolean > {
	dispatch( setPendingAction( provider, pending ) );
	dispatch( receiveError( provider, null ) );
	try {
		const outcome = await request();
		if ( ! outcome?.keepPending ) {
			dispatch( setPendingAction( provider, null ) );
		}
		return true;
	} catch ( error ) {
		dispatch(
			receiveError( provider, {
				...toApiError( error ),
				action: pending,
			} )
		);
		dispatch( setPendingAction( provider, null ) );
		return false;
	}
}

/**
 * Saves the provider's OAuth app credentials.
 *
 * @param provider Provider to configure.
 * @param input    Each field's value by name (Dropbox: App key, optional
 *                 new secret, access type; Google: Client ID, optional new
 *                 secret); an empty secret keeps the stored one.
 * @return Resolves to whether the credentials were saved (the error is in
 *         getError() otherwise).
 */
export const saveCredentials =
	( provider: ProviderId, input: CredentialsInput ) =>
	( { dispatch, select }: ThunkArgs ): Promise< boolean > =>
		run( provider, 'saving', dispatch, async () => {
			const fields = select.getConnection( provider )?.credentialFields;
			dispatch(
				receiveConnection(
					await postCredentials( provider, input, fields )
				)
			);
		} );

/**
 * Starts the OAuth flow: asks the server for the provider's consent URL and
 * sends the browser there. The section stays "connecting" while the page
 * unloads.
 *
 * @param provider Provider to connect.
 * @param navigate Where to send the browser (tests pass a spy).
 * @return Resolves to whether the browser was sent to the consent screen.
 */
export const connect =
	( provider: ProviderId, navigate: Navigate = assignLocation ) =>
	( { dispatch }: ThunkArgs ): Promise< boolean > =>
		run( provider, 'connecting', dispatch, async () => {
			const { authorizeUrl } = await postAuthorize( provider );
			navigate( authorizeUrl );
			return { keepPending: true };
		} );

/**
 * Forgets the provider's tokens on the server (credentials stay).
 *
 * @param provider Provider to disconnect.
 * @return Resolves to whether the provider was disconnected.
 */
export const disconnect =
	( provider: ProviderId ) =>
	( { dispatch }: ThunkArgs ): Promise< boolean > =>
		run( provider, 'disconnecting', dispatch, async () => {
			const connection = await postDisconnect( provider );
			dispatch( receiveConnection( connection ) );
			dispatch( receiveTestResult( provider, null ) );
		} );

/**
 * Asks the server to call the provider with the stored token and list the
 * top-level folders it can see.
 *
 * @param provider Provider to test.
 * @return Resolves to whether the request itself succeeded; the outcome of
 *         the test is in getTestResult().
 */
export const testConnection =
	( provider: ProviderId ) =>
	( { dispatch }: ThunkArgs ): Promise< boolean > =>
		run( provider, 'testing', dispatch, async () => {
			dispatch( receiveTestResult( provider, null ) );
			const { connection, ...result } =
				await postTestConnection( provider );
			dispatch( receiveConnection( connection ) );
			dispatch( receiveTestResult( provider, result ) );
		} );
