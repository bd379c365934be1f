import type { GoogleProvider } from '../google/provider';
import type { GoogleClientInput } from '../google/types';
import type { Clock } from '../shared/clock';
import { maxPageEntries, type Route, seconds } from './route';

const iso = ( ms: number | null ) =>
	ms === null ? null : new Date( ms ).toISOString();

/**
 * Control endpoints of the Google sandbox: the Cloud Console (OAuth
 * clients), token lifetime and expiry, the user's grants.
 */
export function googleControlRoutes(
	google: GoogleProvider,
	clock: Clock
): Route[] {
	const state = google.services.state;
	const clients = google.services.clients;
	const clientId = ( m: RegExpExecArray ) => decodeURIComponent( m[ 1 ]! );
	const settings = () => ( {
		tokenLifetimeSeconds: state.tokenLifetimeSeconds,
		maxPageEntries: google.services.pages.maxEntries,
		clockOffsetSeconds: clock.offsetSeconds,
		now: new Date( clock.now() ).toISOString(),
	} );
	const grants = () =>
		state.listGrants().map( ( g ) => ( {
			id: g.id,
			clientId: g.clientId,
			scopes: g.scopes,
			createdAt: iso( g.createdAt ),
			revoked: g.revokedAt !== null,
			refreshTokens: state.refreshTokensOf( g ).map( ( t ) => ( {
				issuedAt: iso( t.issuedAt ),
				expiresAt: iso( t.expiresAt ),
				expired: state.refreshTokenExpired( t ),
			} ) ),
		} ) );
	return [
		[
			'GET',
			/^\/google\/clients$/,
			() => ( {
				body: {
					clients: clients.list(),
					defaultClientId: clients.defaultClientId,
				},
			} ),
		],
		[
			'POST',
			/^\/google\/clients$/,
			( _m, body ) => ( {
				status: 201,
				body: {
					client: google.registerClient( body as GoogleClientInput ),
				},
			} ),
		],
		[
			'GET',
			/^\/google\/clients\/([^/]+)$/,
			( m ) => {
				const client = clients.get( clientId( m ) );
				return client
					? { body: { client } }
					: { status: 404, body: { error: 'no such client' } };
			},
		],
		[
			'PUT',
			/^\/google\/clients\/([^/]+)$/,
			( m, body ) =>
				clients.get( clientId( m ) )
					? {
							body: {
								client: google.registerClient( {
									...( body as GoogleClientInput ),
									clientId: clientId( m ),
								} ),
							},
						}
					: { status: 404, body: { error: 'no such client' } },
		],
		[
			'DELETE',
			/^\/google\/clients\/([^/]+)$/,
			( m ) =>
				clients.delete( clientId( m ) )
					? {
							body: {
								deleted: true,
								defaultClientId: clients.defaultClientId,
							},
						}
					: { status: 404, body: { error: 'no such client' } },
		],
		[ 'GET', /^\/google\/settings$/, () => ( { body: settings() } ) ],
		[
			'POST',
			/^\/google\/settings$/,
			( _m, body ) => {
				if ( body.tokenLifetimeSeconds !== undefined ) {
					state.tokenLifetimeSeconds = Math.round(
						seconds( body, 'tokenLifetimeSeconds', 1 )
					);
				}
				if ( body.maxPageEntries !== undefined ) {
					google.services.pages.maxEntries = maxPageEntries( body );
				}
				return { body: settings() };
			},
		],
		[
			'POST',
			/^\/google\/tokens\/expire$/,
			() => ( { body: { expired: state.expireAllAccessTokens() } } ),
		],
		[
			'GET',
			/^\/google\/grants$/,
			() => ( { body: { grants: grants() } } ),
		],
		[
			'POST',
			/^\/google\/grants\/revoke$/,
			() => ( { body: { revoked: state.revokeAllGrants() } } ),
		],
	];
}
