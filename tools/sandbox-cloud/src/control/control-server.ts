import type { IncomingMessage } from 'node:http';

import type { DropboxProvider } from '../dropbox/provider';
import { AppValidationError } from '../dropbox/apps';
import { ChangeRefused, type LibraryChanges } from '../library/changes';
import type { LibraryManifest } from '../library/manifest';
import type { Clock } from '../shared/clock';
import {
	FaultError,
	type FaultRegistry,
	type FaultSpec,
	type RequestCounter,
} from '../shared/faults';
import {
	type Handler,
	readBody,
	requestPath,
	sendJson,
} from '../shared/http-server';
import { recorderOf } from '../shared/recorder';
import { ClientValidationError } from '../google/clients';
import type { GoogleProvider } from '../google/provider';
import { googleControlRoutes } from './google-routes';
import { libraryRoutes } from './library-routes';
import {
	BadInput,
	type Body,
	maxPageEntries,
	type Route,
	seconds,
} from './route';

export interface ControlContext {
	clock: Clock;
	faults: FaultRegistry;
	counter: RequestCounter;
	dropbox: DropboxProvider;
	google: GoogleProvider;
	changes: LibraryChanges;
	manifest: () => LibraryManifest | null;
	info: () => Record< string, unknown >;
}

async function jsonBody( req: IncomingMessage ): Promise< Body > {
	// Room for a photo in base64 (PUT /library/files).
	const text = ( await readBody( req, 64 * 1024 * 1024 ) )
		.toString( 'utf8' )
		.trim();
	if ( text === '' ) {
		return {};
	}
	let value: unknown;
	try {
		value = JSON.parse( text );
	} catch {
		throw new BadInput( 'body is not JSON' );
	}
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray( value )
	) {
		throw new BadInput( 'body must be a JSON object' );
	}
	return value as Body;
}

function routes( ctx: ControlContext ): Route[] {
	const dbx = ctx.dropbox;
	const state = dbx.services.state;
	const grants = () =>
		state.listGrants().map( ( g ) => ( {
			id: g.id,
			appKey: g.appKey,
			accessType: g.accessType,
			appFolder: g.appFolder,
			scopes: g.scopes,
			tokenAccessType: g.tokenAccessType,
			hasRefreshToken: g.refreshToken !== null,
			pkce: g.pkce,
			createdAt: new Date( g.createdAt ).toISOString(),
			revoked: g.revokedAt !== null,
		} ) );
	const settings = () => ( {
		tokenLifetimeSeconds: state.tokenLifetimeSeconds,
		maxPageEntries: dbx.services.pages.maxEntries,
		clockOffsetSeconds: ctx.clock.offsetSeconds,
		now: new Date( ctx.clock.now() ).toISOString(),
	} );
	return [
		[ 'GET', /^\/$/, () => ( { body: ctx.info() } ) ],
		[ 'GET', /^\/library$/, () => ( { body: ctx.manifest() } ) ],
		...libraryRoutes( ctx.changes ),
		// Requests and faults (every provider).
		[ 'GET', /^\/requests$/, () => ( { body: ctx.counter.snapshot() } ) ],
		[
			'POST',
			/^\/requests(?:\/reset)?$/,
			() => ( ctx.counter.reset(), { body: ctx.counter.snapshot() } ),
		],
		[
			'GET',
			/^\/faults$/,
			() => ( { body: { faults: ctx.faults.list() } } ),
		],
		[
			'POST',
			/^\/faults$/,
			( _m, body ) => ( {
				status: 201,
				body: { fault: ctx.faults.add( body as unknown as FaultSpec ) },
			} ),
		],
		[
			'DELETE',
			/^\/faults$/,
			() => ( ctx.faults.clear(), { body: { faults: [] } } ),
		],
		[
			'DELETE',
			/^\/faults\/([A-Za-z0-9]+)$/,
			( m ) =>
				ctx.faults.remove( m[ 1 ]! )
					? { body: { removed: m[ 1 ] } }
					: { status: 404, body: { error: 'no such fault' } },
		],
		// Recordings of provider requests as received (conformance suite).
		[
			'GET',
			/^\/recordings$/,
			() => ( { body: { requests: recorderOf( ctx.counter ).list() } } ),
		],
		[
			'POST',
			/^\/recordings$/,
			() => (
				recorderOf( ctx.counter ).start(),
				{ body: { requests: [] } }
			 ),
		],
		[
			'DELETE',
			/^\/recordings$/,
			() => (
				recorderOf( ctx.counter ).clear(),
				{ body: { requests: [] } }
			 ),
		],
		// Time.
		[ 'GET', /^\/time$/, () => ( { body: settings() } ) ],
		[
			'POST',
			/^\/time\/advance$/,
			( _m, body ) => (
				ctx.clock.advance( seconds( body, 'seconds', -Infinity ) ),
				{ body: settings() }
			 ),
		],
		[
			'POST',
			/^\/reset$/,
			( _m, body ) => {
				ctx.faults.clear();
				ctx.counter.reset();
				recorderOf( ctx.counter ).clear();
				ctx.clock.reset();
				state.reset( body.apps === true );
				dbx.services.pages.reset();
				ctx.google.services.state.reset();
				ctx.google.services.pages.reset();
				if ( body.apps === true ) {
					ctx.google.services.clients.reset();
				}
				return {
					body: {
						reset: true,
						apps: state.listApps().length,
						googleClients:
							ctx.google.services.clients.list().length,
					},
				};
			},
		],
		// Dropbox: the App Console, tokens, grants, temporary links.
		[
			'GET',
			/^\/dropbox\/apps$/,
			() => ( { body: { apps: state.listApps() } } ),
		],
		[
			'POST',
			/^\/dropbox\/apps$/,
			( _m, body ) => ( {
				status: 201,
				body: { app: dbx.registerApp( body as { key: string } ) },
			} ),
		],
		[
			'GET',
			/^\/dropbox\/apps\/([^/]+)$/,
			( m ) => {
				const app = state.getApp( decodeURIComponent( m[ 1 ]! ) );
				return app
					? { body: { app } }
					: { status: 404, body: { error: 'no such app' } };
			},
		],
		[
			'PUT',
			/^\/dropbox\/apps\/([^/]+)$/,
			( m, body ) => ( {
				body: {
					app: dbx.registerApp( {
						...body,
						key: decodeURIComponent( m[ 1 ]! ),
					} ),
				},
			} ),
		],
		[
			'DELETE',
			/^\/dropbox\/apps\/([^/]+)$/,
			( m ) =>
				state.deleteApp( decodeURIComponent( m[ 1 ]! ) )
					? { body: { deleted: true } }
					: { status: 404, body: { error: 'no such app' } },
		],
		[
			'GET',
			/^\/dropbox\/webhooks$/,
			async () => ( {
				body: { deliveries: await dbx.webhooks.settled() },
			} ),
		],
		[ 'GET', /^\/dropbox\/settings$/, () => ( { body: settings() } ) ],
		[
			'POST',
			/^\/dropbox\/settings$/,
			( _m, body ) => {
				if ( body.tokenLifetimeSeconds !== undefined ) {
					state.tokenLifetimeSeconds = Math.round(
						seconds( body, 'tokenLifetimeSeconds', 1 )
					);
				}
				if ( body.maxPageEntries !== undefined ) {
					dbx.services.pages.maxEntries = maxPageEntries( body );
				}
				return { body: settings() };
			},
		],
		[
			'POST',
			/^\/dropbox\/tokens\/expire$/,
			() => ( { body: { expired: state.expireAllAccessTokens() } } ),
		],
		[
			'GET',
			/^\/dropbox\/grants$/,
			() => ( { body: { grants: grants() } } ),
		],
		[
			'POST',
			/^\/dropbox\/grants\/revoke$/,
			() => ( { body: { revoked: state.revokeAllGrants() } } ),
		],
		[
			'POST',
			/^\/dropbox\/links\/age$/,
			( _m, body ) => ( {
				body: { aged: state.ageLinks( seconds( body, 'seconds', 0 ) ) },
			} ),
		],
		...googleControlRoutes( ctx.google, ctx.clock ),
	];
}

/**
 * The control API (JSON) on basePort+9. See README "Control API".
 */
export function controlHandler( ctx: ControlContext ): Handler {
	const table = routes( ctx );
	return async ( req, res ) => {
		const { pathname } = requestPath( req );
		const path =
			pathname.length > 1 ? pathname.replace( /\/$/, '' ) : pathname;
		const matching = table.filter( ( [ , pattern ] ) =>
			pattern.test( path )
		);
		const route = matching.find( ( [ method ] ) => method === req.method );
		if ( ! route ) {
			return matching.length
				? sendJson(
						res,
						405,
						{
							error: `use ${ matching.map( ( r ) => r[ 0 ] ).join( ', ' ) }`,
						},
						{},
						'application/json; charset=utf-8'
					)
				: sendJson(
						res,
						404,
						{
							error: `no control endpoint ${ req.method } ${ path }`,
						},
						{},
						'application/json; charset=utf-8'
					);
		}
		try {
			const result = await route[ 2 ](
				route[ 1 ].exec( path )!,
				await jsonBody( req )
			);
			sendJson(
				res,
				result.status ?? 200,
				result.body,
				{},
				'application/json; charset=utf-8'
			);
		} catch ( error ) {
			if (
				error instanceof BadInput ||
				error instanceof ChangeRefused ||
				error instanceof FaultError ||
				error instanceof AppValidationError ||
				error instanceof ClientValidationError
			) {
				return sendJson(
					res,
					400,
					{ error: error.message },
					{},
					'application/json; charset=utf-8'
				);
			}
			throw error;
		}
	};
}
