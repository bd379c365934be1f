/**
 * Which thumbnails the site asked Dropbox for, read from the sandbox's
 * recordings: the `resource` (or `path`) and `size` of every
 * `get_thumbnail_v2` call (its Dropbox-API-Arg) and of every entry of every
 * `get_thumbnail_batch` call, so "no thumbnail fetched twice" holds whether
 * misses are fetched one by one or a page's chunk at a time. An ask is
 * keyed with its bearer token too: a call refused because the token had
 * just expired, retried with the refreshed one, is one fetch, not two.
 */
import type { RecordedRequest } from '../sandbox-cloud/src/shared/recorder';

interface ThumbnailArg {
	resource?: unknown;
	path?: unknown;
	size?: unknown;
}

function argOf( request: RecordedRequest ): ThumbnailArg {
	const header = request.headers.find(
		( [ name ] ) => name.toLowerCase() === 'dropbox-api-arg'
	)?.[ 1 ];
	const query = new URL( request.url, 'http://sandbox' ).searchParams.get(
		'arg'
	);
	return JSON.parse( header ?? query ?? '{}' ) as ThumbnailArg;
}

function key( arg: ThumbnailArg, token: string ): string {
	return JSON.stringify( [ arg.resource ?? arg.path, arg.size, token ] );
}

function bearer( request: RecordedRequest ): string {
	return (
		request.headers.find(
			( [ name ] ) => name.toLowerCase() === 'authorization'
		)?.[ 1 ] ?? ''
	);
}

/** Photo × size × token → how many times it was asked for. */
export function thumbnailsAskedFor(
	recordings: RecordedRequest[]
): Map< string, number > {
	const asked = new Map< string, number >();
	const add = ( arg: ThumbnailArg, token: string ) =>
		asked.set(
			key( arg, token ),
			( asked.get( key( arg, token ) ) ?? 0 ) + 1
		);
	for ( const request of recordings ) {
		const route = new URL( request.url, 'http://sandbox' ).pathname;
		if ( route.endsWith( '/files/get_thumbnail_v2' ) ) {
			add( argOf( request ), bearer( request ) );
		} else if ( route.endsWith( '/files/get_thumbnail_batch' ) ) {
			const body = JSON.parse(
				Buffer.from( request.body, 'base64' ).toString( 'utf8' ) || '{}'
			) as { entries?: ThumbnailArg[] };
			for ( const entry of body.entries ?? [] ) {
				add( entry, bearer( request ) );
			}
		}
	}
	return asked;
}

/**
 * Sum of all asks, distinct photo × size pairs, the most any one was
 * asked for with one token, and how many were asked again with a new token.
 */
export function summarize( asked: Map< string, number > ) {
	const counts = [ ...asked.values() ];
	const photos = new Map< string, number >();
	for ( const k of asked.keys() ) {
		const [ photo, size ] = JSON.parse( k ) as unknown[];
		const id = JSON.stringify( [ photo, size ] );
		photos.set( id, ( photos.get( id ) ?? 0 ) + 1 );
	}
	return {
		asks: counts.reduce( ( a, b ) => a + b, 0 ),
		distinct: photos.size,
		most: Math.max( 0, ...counts ),
		retriedWithNewToken: [ ...photos.values() ].filter( ( n ) => n > 1 )
			.length,
	};
}
