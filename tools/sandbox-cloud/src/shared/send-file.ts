import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { header } from './http-server';

function parseRange(
	value: string | undefined,
	size: number
): [ number, number ] | 'invalid' | null {
	if ( ! value ) {
		return null;
	}
	const m = /^bytes=(\d*)-(\d*)$/.exec( value.trim() );
	if ( ! m || ( m[ 1 ] === '' && m[ 2 ] === '' ) ) {
		return 'invalid';
	}
	let start = m[ 1 ] === '' ? size - Number( m[ 2 ] ) : Number( m[ 1 ] );
	let end = m[ 1 ] === '' || m[ 2 ] === '' ? size - 1 : Number( m[ 2 ] );
	start = Math.max( 0, start );
	end = Math.min( end, size - 1 );
	return start > end || start >= size ? 'invalid' : [ start, end ];
}

/**
 * Streams a file with ETag / If-None-Match and single-range support.
 */
export async function sendFile(
	req: IncomingMessage,
	res: ServerResponse,
	abs: string,
	size: number,
	etag: string,
	headers: Record< string, string >
): Promise< void > {
	const base = { ...headers, Etag: etag, 'Accept-Ranges': 'bytes' };
	if (
		header( req, 'if-none-match' )
			?.split( /\s*,\s*/ )
			.includes( etag )
	) {
		res.writeHead( 304, base );
		res.end();
		return;
	}
	const range = parseRange( header( req, 'range' ), size );
	if ( range === 'invalid' ) {
		res.writeHead( 416, {
			...base,
			'Content-Range': `bytes */${ size }`,
			'Content-Length': '0',
		} );
		res.end();
		return;
	}
	const [ start, end ] = range ?? [ 0, size - 1 ];
	res.writeHead( range ? 206 : 200, {
		...base,
		'Content-Length': String( size === 0 ? 0 : end - start + 1 ),
		...( range
			? { 'Content-Range': `bytes ${ start }-${ end }/${ size }` }
			: {} ),
	} );
	if ( req.method === 'HEAD' || size === 0 ) {
		res.end();
		return;
	}
	await new Promise< void >( ( resolve ) => {
		const stream = createReadStream( abs, { start, end } );
		stream.on( 'error', () => {
			res.destroy();
			resolve();
		} );
		stream.on( 'end', () => resolve() );
		stream.pipe( res );
	} );
}
