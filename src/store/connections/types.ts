/**
 * Internal dependencies
 */
import type {
	ApiError,
	Connection,
	ProviderId,
	TestConnectionResponse,
} from '../../api/types';

export type {
	AccessType,
	ApiError,
	Connection,
	ConnectionProblem,
	ConnectionStatus,
	CredentialField,
	CredentialsInput,
	ProblemAction,
	ProviderId,
	StoredCredentials,
} from '../../api/types';

/** The request a provider's section is waiting for, if any. */
export type PendingAction =
	'saving' | 'connecting' | 'disconnecting' | 'testing' | null;

/** Outcome of the last "Test connection", kept for the screen to show. */
export type TestResult = Omit< TestConnectionResponse, 'connection' >;

/** A failed request and which one it was, so the screen shows it in place. */
export type RequestError = ApiError & {
	action: Exclude< PendingAction, null >;
};

export type ByProvider< T > = Partial< Record< ProviderId, T > >;

export interface State {
	/** Connections received so far, keyed by provider. */
	byProvider: ByProvider< Connection >;
	/** Server order of the providers, once GET /connections has answered. */
	order: ProviderId[] | undefined;
	/** Why GET /connections failed, if it did. */
	loadError: ApiError | null;
	pending: ByProvider< PendingAction >;
	errors: ByProvider< RequestError >;
	testResults: ByProvider< TestResult >;
}

/** Navigates the browser; injectable so tests never leave the page. */
export type Navigate = ( url: string ) => void;
