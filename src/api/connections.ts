/**
 * Internal dependencies
 */
import { get, post } from './client';
import type {
	AuthorizeResponse,
	Connection,
	CredentialsInput,
	ProviderId,
	TestConnectionResponse,
} from './types';

export function fetchConnections(): Promise< Connection[] > {
	return get< Connection[] >( '/connections' );
}

export function fetchConnection( provider: ProviderId ): Promise< Connection > {
	return get< Connection >( `/connections/${ provider }` );
}

export function postCredentials(
	provider: ProviderId,
	input: CredentialsInput
): Promise< Connection > {
	// An empty secret means "keep the stored one": leave it out of the body
	// rather than sending an empty string the server might store.
	const body: CredentialsInput = {
		appKey: input.appKey.trim(),
		accessType: input.accessType,
	};
	const secret = input.appSecret?.trim();
	if ( secret ) {
		body.appSecret = secret;
	}
	return post< Connection >( `/connections/${ provider }/credentials`, {
		...body,
	} );
}

export function postAuthorize(
	provider: ProviderId
): Promise< AuthorizeResponse > {
	return post< AuthorizeResponse >( `/connections/${ provider }/authorize` );
}

export function postDisconnect( provider: ProviderId ): Promise< Connection > {
	return post< Connection >( `/connections/${ provider }/disconnect` );
}

export function postTestConnection(
	provider: ProviderId
): Promise< TestConnectionResponse > {
	return post< TestConnectionResponse >( `/connections/${ provider }/test` );
}
