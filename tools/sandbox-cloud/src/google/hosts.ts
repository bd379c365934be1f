import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Fault } from '../shared/faults';
import { delayResponse } from '../shared/faults';
import {
	type Handler,
	requestPath,
	sendHtml,
	sleep,
} from '../shared/http-server';
import { recorderOf } from '../shared/recorder';
import { handleAuthorize } from './oauth/authorize';
import { handleRevoke } from './oauth/revoke';
import { handleToken } from './oauth/token';
import { getStartPageToken, listChanges } from './routes/changes';
import { getAbout, getDrive, listDrives } from './routes/drives';
import { downloadFile, getFile } from './routes/files-get';
import { listFiles } from './routes/files-list';
import { serveStatic, serveThumbnail } from './routes/thumbnail';
import type { GoogleServices } from './services';
import { faultError, GoogleHttpError, OAuthError } from './wire/errors';
import { pretty } from './wire/params';
import { googleHeaders, googleJson, OAUTH_JSON } from './wire/respond';

type HostName = 'accounts' | 'oauth2' | 'api' | 'thumbnails';

/** How a host renders injected faults: the API's JSON envelope, OAuth JSON, or a page. */
type FaultStyle = 'drive' | 'oauth' | 'page';

/** A request resolved to a route key (for counts and faults) and its handler; null = 404. */
type Resolver = (
	req: IncomingMessage,
	res: ServerResponse,
	pathname: string,
	query: URLSearchParams
) => { key: string; run: () => Promise< void > } | null;

function writeError(
	res: ServerResponse,
	error: GoogleHttpError,
	query: URLSearchParams
): void {
	const body = Buffer.from(
		typeof error.body === 'string'
			? error.body
			: googleJson( error.body, pretty( query ) ),
		'utf8'
	);
	res.writeHead( error.status, {
		...googleHeaders(),
		'Cache-Control': 'private',
		...error.headers,
		'Content-Type': error.contentType,
		'Content-Length': String( body.length ),
	} );
	res.end( body );
}

function applyFault(
	req: IncomingMessage,
	res: ServerResponse,
	fault: Fault,
	style: FaultStyle,
	query: URLSearchParams
): void {
	if ( fault.kind === 'drop' ) {
		req.socket.destroy();
		return;
	}
	const status = fault.status ?? 500;
	// Google documents no Retry-After for Drive: it is sent only when the fault asks for one.
	const headers: Record< string, string > = fault.retryAfterSet
		? { 'Retry-After': String( fault.retryAfter ) }
		: {};
	let error: GoogleHttpError;
	if ( style === 'drive' ) {
		const drive = faultError( status, fault.reason );
		error = new GoogleHttpError( status, drive.body, drive.contentType, {
			...drive.headers,
			...headers,
		} );
	} else if ( style === 'oauth' ) {
		let code = fault.reason ?? 'invalid_request';
		if ( ! fault.reason && status === 429 ) {
			code = 'rate_limit_exceeded';
		} else if ( ! fault.reason && status >= 500 ) {
			code = 'internal_failure';
		}
		error = new GoogleHttpError(
			status,
			{ error: code, error_description: `Error ${ status }` },
			OAUTH_JSON,
			headers
		);
	} else {
		error = new GoogleHttpError(
			status,
			`<!DOCTYPE html><html lang=en><title>Error ${ status }</title><p><b>${ status }.</b> That’s an error.`,
			'text/html; charset=UTF-8',
			headers
		);
	}
	writeError( res, error, query );
}

function host(
	svc: GoogleServices,
	name: HostName,
	style: FaultStyle,
	resolve: Resolver
): Handler {
	return async ( req, res ) => {
		const started = Date.now();
		const { pathname, query } = requestPath( req );
		res.on( 'close', () =>
			svc.log(
				`google ${ name } ${ req.method } ${ pathname } → ${ res.headersSent ? res.statusCode : 'dropped' } ${ Date.now() - started }ms`
			)
		);
		const target = resolve( req, res, pathname, query );
		if ( ! target ) {
			return sendHtml(
				res,
				404,
				`<!DOCTYPE html><html lang=en><title>Error 404 (Not Found)</title><p><b>404.</b> That’s an error.<p>The requested URL <code>${ pathname.replace(
					/[<>&"]/g,
					''
				) }</code> was not found on this server.`
			);
		}
		svc.counter.count( target.key );
		res.once( 'close', svc.counter.enter( target.key ) );
		recorderOf( svc.counter ).record( `google ${ name }`, req );
		const { latencyMs, responseDelayMs, action } = svc.faults.take(
			target.key
		);
		if ( latencyMs ) {
			await sleep( latencyMs );
		}
		delayResponse( res, responseDelayMs );
		if ( action ) {
			return applyFault( req, res, action, style, query );
		}
		try {
			await target.run();
		} catch ( error ) {
			if ( error instanceof OAuthError ) {
				return writeError( res, error.toHttp(), query );
			}
			if ( ! ( error instanceof GoogleHttpError ) ) {
				throw error;
			}
			writeError( res, error, query );
		}
	};
}

/**
 * A path segment, percent-decoded (left as it is when malformed).
 */
function decoded( segment: string ): string {
	try {
		return decodeURIComponent( segment );
	} catch {
		return segment;
	}
}

const FILE_PATH = /^\/drive\/v3\/files\/([^/]+)$/;
const DRIVE_PATH = /^\/drive\/v3\/drives\/([^/]+)$/;

/**
 * Request handlers for the four Google hosts the sandbox plays. Each answers
 * only its own routes; Drive routes answer GET only (the sandbox is read-only).
 */
export function googleHosts(
	svc: GoogleServices
): Record< HostName, Handler > {
	return {
		accounts: host(
			svc,
			'accounts',
			'page',
			( req, res, pathname, query ) =>
				pathname === '/o/oauth2/v2/auth'
					? {
							key: 'google/auth',
							run: () => handleAuthorize( svc, req, res, query ),
						}
					: null
		),
		oauth2: host( svc, 'oauth2', 'oauth', ( req, res, pathname, query ) => {
			// Google's token host answers GET with a 404 (contract B1.4).
			if ( req.method !== 'POST' ) {
				return null;
			}
			if ( pathname === '/token' ) {
				return {
					key: 'google/token',
					run: () => handleToken( svc, req, res, query ),
				};
			}
			return pathname === '/revoke' || pathname === '/o/oauth2/revoke'
				? {
						key: 'google/revoke',
						run: () => handleRevoke( svc, req, res, query ),
					}
				: null;
		} ),
		api: host( svc, 'api', 'drive', ( req, res, pathname, query ) => {
			if ( req.method !== 'GET' ) {
				return null;
			}
			if ( pathname === '/drive/v3/files' ) {
				return {
					key: 'google/drive/v3/files',
					run: () => listFiles( svc, req, res, query ),
				};
			}
			if ( pathname === '/drive/v3/drives' ) {
				return {
					key: 'google/drive/v3/drives',
					run: () => listDrives( svc, req, res, query ),
				};
			}
			if ( pathname === '/drive/v3/changes' ) {
				return {
					key: 'google/drive/v3/changes',
					run: () => listChanges( svc, req, res, query ),
				};
			}
			if ( pathname === '/drive/v3/changes/startPageToken' ) {
				return {
					key: 'google/drive/v3/changes/startPageToken',
					run: () => getStartPageToken( svc, req, res, query ),
				};
			}
			if ( pathname === '/drive/v3/about' ) {
				return {
					key: 'google/drive/v3/about',
					run: () => getAbout( svc, req, res, query ),
				};
			}
			const file = FILE_PATH.exec( pathname );
			if ( file ) {
				const id = decoded( file[ 1 ]! );
				return query.get( 'alt' ) === 'media'
					? {
							key: 'google/drive/v3/files/media',
							run: () => downloadFile( svc, req, res, query, id ),
						}
					: {
							key: 'google/drive/v3/files/get',
							run: () => getFile( svc, req, res, query, id ),
						};
			}
			const drive = DRIVE_PATH.exec( pathname );
			return drive
				? {
						key: 'google/drive/v3/drives/get',
						run: () =>
							getDrive(
								svc,
								req,
								res,
								query,
								decoded( drive[ 1 ]! )
							),
					}
				: null;
		} ),
		thumbnails: host( svc, 'thumbnails', 'page', ( req, res, pathname ) => {
			if ( req.method !== 'GET' && req.method !== 'HEAD' ) {
				return null;
			}
			if ( pathname.startsWith( '/drive-storage/' ) ) {
				return {
					key: 'google/thumbnail',
					run: () =>
						serveThumbnail(
							svc,
							req,
							res,
							pathname.slice( '/drive-storage/'.length )
						),
				};
			}
			return /^\/(icon\/16\/type\/[\w.+-]+\/[\w.+-]+|a\/[\w=-]+)$/.test(
				pathname
			)
				? {
						key: 'google/static',
						run: () => serveStatic( res, pathname ),
					}
				: null;
		} ),
	};
}
