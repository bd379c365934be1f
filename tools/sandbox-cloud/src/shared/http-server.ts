import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';

export type Handler = (
	req: IncomingMessage,
	res: ServerResponse
) => Promise< void >;

export interface Listener {
	readonly port: number;
	close: () => Promise< void >;
}

/** Thrown when a request body is larger than the route accepts. */
export class BodyTooLargeError extends Error {}

/**
 * Starts one HTTP listener. Each provider host (www, api, content, …) gets
 * its own port so a call to the wrong host fails as it would in production.
 */
export function listen(
	host: string,
	port: number,
	handler: Handler,
	log: ( line: string ) => void
): Promise< Listener > {
	const sockets = new Set< Socket >();
	const server: Server = createServer( ( req, res ) => {
		handler( req, res ).catch( ( error: unknown ) => {
			log(
				`internal error on ${ req.method } ${ req.url }: ${ error instanceof Error ? error.stack : String( error ) }`
			);
			if ( ! res.headersSent ) {
				sendText( res, 500, 'Internal Server Error' );
			} else {
				res.destroy();
			}
		} );
	} );
	server.keepAliveTimeout = 5000;
	server.on( 'connection', ( socket ) => {
		sockets.add( socket );
		socket.on( 'close', () => sockets.delete( socket ) );
	} );
	return new Promise( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( port, host, () => {
			server.off( 'error', reject );
			resolve( {
				port,
				close: () =>
					new Promise< void >( ( done ) => {
						server.close( () => done() );
						for ( const socket of sockets ) {
							socket.destroy();
						}
					} ),
			} );
		} );
	} );
}

export function readBody(
	req: IncomingMessage,
	limitBytes = 1024 * 1024
): Promise< Buffer > {
	return new Promise( ( resolve, reject ) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on( 'data', ( chunk: Buffer ) => {
			size += chunk.length;
			if ( size > limitBytes ) {
				reject(
					new BodyTooLargeError( `body over ${ limitBytes } bytes` )
				);
				req.destroy();
				return;
			}
			chunks.push( chunk );
		} );
		req.on( 'end', () => resolve( Buffer.concat( chunks ) ) );
		req.on( 'error', reject );
	} );
}

export function sendText(
	res: ServerResponse,
	status: number,
	text: string,
	headers: Record< string, string > = {}
): void {
	const body = Buffer.from( text, 'utf8' );
	res.writeHead( status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': String( body.length ),
		...headers,
	} );
	res.end( body );
}

/**
 * JSON with an exact Content-Type (Dropbox clients compare it byte for byte).
 */
export function sendJson(
	res: ServerResponse,
	status: number,
	value: unknown,
	headers: Record< string, string > = {},
	contentType = 'application/json'
): void {
	const body = Buffer.from( JSON.stringify( value ), 'utf8' );
	res.writeHead( status, {
		'Content-Type': contentType,
		'Content-Length': String( body.length ),
		...headers,
	} );
	res.end( body );
}

export function sendHtml(
	res: ServerResponse,
	status: number,
	html: string,
	headers: Record< string, string > = {}
): void {
	const body = Buffer.from( html, 'utf8' );
	res.writeHead( status, {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Length': String( body.length ),
		'X-Frame-Options': 'DENY',
		'Cache-Control': 'no-store',
		...headers,
	} );
	res.end( body );
}

export function requestPath( req: IncomingMessage ): {
	pathname: string;
	query: URLSearchParams;
} {
	const url = new URL( req.url ?? '/', 'http://sandbox.invalid' );
	return { pathname: url.pathname, query: url.searchParams };
}

/**
 * Header value as one string (Node gives arrays for repeated headers).
 */
export function header(
	req: IncomingMessage,
	name: string
): string | undefined {
	const value = req.headers[ name.toLowerCase() ];
	return Array.isArray( value ) ? value.join( ', ' ) : value;
}

export function sleep( ms: number ): Promise< void > {
	return new Promise( ( resolve ) => setTimeout( resolve, ms ) );
}
