/**
 * Internal dependencies
 */
import { get, post } from './client';
import type {
	AuthorizeResponse,
	Connection,
	CredentialField,
	CredentialsInput,
	ProviderId,
	TestConnectionResponse,
} from './types';

export function fetchConnections(): Promise< Connection[] > {
	return get< Connection[] >( '/connections' );
}

/**
 * The secrets of Dropbox and Google, for when the server has not described
 * the form's fields (it describes them only to people who may manage).
 */
const KNOWN_SECRET_FIELDS = [ 'appSecret', 'clientSecret' ];

/**
 * Saves a provider's OAuth app credentials.
 *
 * @param provider Provider.
 * @param input    Each field's value by name.
 * @param fields   The form's fields as the server described them, if known:
 *                 they say which fields are secrets.
 * @return The connection as it now stands.
 */
export function postCredentials(
	provider: ProviderId,
	input: CredentialsInput,
	fields?: CredentialField[] | null
): Promise< Connection > {
	const secrets = fields
		? fields
				.filter( ( field ) => field.kind === 'secret' )
				.map( ( field ) => field.name )
		: KNOWN_SECRET_FIELDS;
	// An empty secret means "keep the stored one": leave it out of the body
	// rather than send an empty string the server might store.
	const body: Record< string, unknown > = {};
	for ( const [ field, value ] of Object.entries( input ) ) {
		const clean = value.trim();
		if ( secrets.includes( field ) && ! clean ) {
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
