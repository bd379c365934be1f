/**
 * Internal dependencies
 */
import { get, post } from './client';
import type {
	AuthorizeResponse,
	Connection,
	CredentialsInputs,
	ProviderId,
	TestConnectionResponse,
} from './types';

export function fetchConnections(): Promise< Connection[] > {
	return get< Connection[] >( '/connections' );
}

export function fetchConnection( provider: ProviderId ): Promise< Connection > {
	return get< Connection >( `/connections/${ provider }` );
}

/** Fields that carry a secret: an empty one means "keep the stored one". */
const SECRET_FIELDS = [ 'appSecret', 'clientSecret' ];

/**
 * Saves a provider's OAuth app credentials.
 *
 * @param provider Provider.
 * @param input    Its credentials, in its own shape.
 * @return The connection as it now stands.
 */
export function postCredentials< P extends ProviderId >(
	provider: P,
	input: CredentialsInputs[ P ]
): Promise< Connection > {
	// Leave an empty secret out of the body rather than sending an empty
	// string the server might store.
	const body: Record< string, unknown > = {};
	for ( const [ field, value ] of Object.entries( input ) ) {
		const clean = typeof value === 'string' ? value.trim() : value;
		if ( SECRET_FIELDS.includes( field ) && ! clean ) {
			continue;
		}
		body[ field ] = clean;
	}
	return post< Connection >( `/connections/${ provider }/credentials`, body );
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
