import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Fault } from '../shared/faults';
import { delayResponse } from '../shared/faults';
import {
	type Handler,
	requestPath,
	sendText,
	sleep,
} from '../shared/http-server';
import { recorderOf } from '../shared/recorder';
import { extensionOf } from './files/media-info';
import { handleAuthorize } from './oauth/authorize';
import { handleToken } from './oauth/token';
import { accountRoutes } from './routes/account';
import { contentRoutes } from './routes/content';
import { fileRoutes } from './routes/files';
import type { DropboxServices } from './services';
import { commonHeaders, DbxHttpError, rateLimited } from './wire/errors';
import { callRoute } from './wire/pipeline';
import { sendFile } from '../shared/send-file';
import type { RouteSpec } from './wire/route';

type HostName = 'www' | 'api' | 'content' | 'links';

/** Resolves a request to a route key (for counts and faults) and its handler; null = 404. */
type Resolver = (
	req: IncomingMessage,
	res: ServerResponse,
	pathname: string
) => { key: string; run: ( query: URLSearchParams ) => Promise< void > } | null;

const MIME: Record< string, string > = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	heic: 'image/heic',
	pdf: 'application/pdf',
	txt: 'text/plain; charset=utf-8',
};

function writeError( res: ServerResponse, error: DbxHttpError ): void {
	const body = Buffer.from( error.body, 'utf8' );
	res.writeHead( error.status, {
		...commonHeaders(),
		'Content-Type': error.contentType,
		'Content-Length': String( body.length ),
		...error.headers,
	} );
	res.end( body );
}

function applyFault(
	req: IncomingMessage,
	res: ServerResponse,
	fault: Fault
): void {
	if ( fault.kind === 'drop' ) {
		req.socket.destroy();
		return;
	}
	const status = fault.status ?? 500;
	if ( status === 429 ) {
		return writeError(
			res,
			rateLimited( fault.retryAfter ?? 1, fault.body )
		);
	}
	let text = `Error ${ status }`;
	if ( status === 503 ) {
		text = 'Service Unavailable';
	} else if ( status >= 500 ) {
		text = 'Internal Server Error';
	}
	const headers: Record< string, string > =
		fault.retryAfter !== null
			? { 'Retry-After': String( fault.retryAfter ) }
			: {};
	writeError(
		res,
		new DbxHttpError( status, 'text/plain; charset=utf-8', text, headers )
	);
}

function host(
	svc: DropboxServices,
	name: HostName,
	resolve: Resolver
): Handler {
	return async ( req, res ) => {
		const started = Date.now();
		const { pathname, query } = requestPath( req );
		res.on( 'close', () =>
			svc.log(
				`dropbox ${ name } ${ req.method } ${ pathname } → ${ res.headersSent ? res.statusCode : 'dropped' } ${ Date.now() - started }ms`
			)
		);
		const target = resolve( req, res, pathname );
		if ( ! target ) {
			return sendText( res, 404, 'Not Found' );
		}
		svc.counter.count( target.key );
		res.once( 'close', svc.counter.enter( target.key ) );
		recorderOf( svc.counter ).record( `dropbox ${ name }`, req );
		const { latencyMs, responseDelayMs, action } = svc.faults.take(
			target.key
		);
		if ( latencyMs ) {
			await sleep( latencyMs );
		}
		delayResponse( res, responseDelayMs );
		if ( action ) {
			return applyFault( req, res, action );
		}
		try {
			await target.run( query );
		} catch ( error ) {
			if ( ! ( error instanceof DbxHttpError ) ) {
				throw error;
			}
			writeError( res, error );
		}
	};
}

function routeTable(
	svc: DropboxServices,
	hostName: 'api' | 'content'
): Resolver {
	const routes: RouteSpec[] = [
		...accountRoutes( svc ),
		...fileRoutes( svc ),
		...contentRoutes( svc ),
	];
	const byPath = new Map(
		routes
			.filter( ( r ) => r.host === hostName )
			.map( ( r ) => [ `/2/${ r.name }`, r ] )
	);
	return ( req, res, pathname ) => {
		if ( hostName === 'api' && pathname === '/oauth2/token' ) {
			return {
				key: 'oauth2/token',
				run: ( query ) => handleToken( svc, req, res, query ),
			};
		}
		const route = byPath.get( pathname );
		return route
			? {
					key: route.name,
					run: ( query ) => callRoute( svc, route, req, res, query ),
				}
			: null;
	};
}

async function serveLink(
	svc: DropboxServices,
	req: IncomingMessage,
	res: ServerResponse,
	id: string
): Promise< void > {
	if ( req.method !== 'GET' && req.method !== 'HEAD' ) {
		return sendText( res, 405, 'Method Not Allowed', {
			Allow: 'GET, HEAD',
		} );
	}
	const link = svc.state.findLink( id );
	if ( ! link ) {
		return sendText( res, 404, 'Not Found' );
	}
	if ( svc.state.linkExpired( link ) ) {
		return sendText(
			res,
			410,
			'Gone: this temporary link has expired (links last 4 hours).'
		);
	}
	const node = await svc.library.resolve( link.libraryPath );
	if ( ! node || node.isDir ) {
		return sendText( res, 404, 'Not Found' );
	}
	const name = encodeURIComponent( node.name );
	await sendFile(
		req,
		res,
		node.abs,
		node.stat.size,
		`"${ await svc.meta.rev( node ) }"`,
		{
			'Content-Type':
				MIME[ extensionOf( node.name ) ] ?? 'application/octet-stream',
			'Content-Disposition': `attachment; filename="${ node.name.replace( /[^\x20-\x7e]|["\\]/g, '_' ) }"; filename*=UTF-8''${ name }`,
			'Cache-Control': 'max-age=0',
			'X-Content-Type-Options': 'nosniff',
		}
	);
}

/**
 * Request handlers for the four Dropbox hosts the sandbox plays.
 */
export function dropboxHosts(
	svc: DropboxServices,
	secret: string,
	libraryDir: string
): Record< HostName, Handler > {
	return {
		www: host( svc, 'www', ( req, res, pathname ) =>
			pathname === '/oauth2/authorize'
				? {
						key: 'oauth2/authorize',
						run: ( query ) =>
							handleAuthorize(
								svc,
								secret,
								libraryDir,
								req,
								res,
								query
							),
					}
				: null
		),
		api: host( svc, 'api', routeTable( svc, 'api' ) ),
		content: host( svc, 'content', routeTable( svc, 'content' ) ),
		links: host( svc, 'links', ( req, res, pathname ) => {
			const match = /^\/cd\/0\/get\/([A-Za-z0-9]+)\/[^/]*$/.exec(
				pathname
			);
			return match
				? {
						key: 'temporary_link',
						run: () => serveLink( svc, req, res, match[ 1 ]! ),
					}
				: null;
		} ),
	};
}
