import type { IncomingMessage, ServerResponse } from 'node:http';

import sharp from 'sharp';

import { sendText } from '../../shared/http-server';
import { driveAccess } from '../scopes';
import type { GoogleServices } from '../services';
import { parseSize } from '../drive/thumbnails';
import { hasThumbnail } from '../drive/mime';
import { bearerToken } from './api-auth';

/**
 * Errors of the thumbnail host are short plain-text pages, as a content
 * server's are, not the API's JSON envelope.
 */
function refuse( res: ServerResponse, status: number, text: string ): void {
	sendText( res, status, text, { 'Cache-Control': 'private, max-age=0' } );
}

/**
 * `GET /drive-storage/<opaque>=<size>` (a thumbnailLink): needs
 * `Authorization: Bearer <live access token with drive.readonly or drive>`;
 * the link dies 6 hours after the call that returned it. Sizes `=sN`,
 * `=wN-hM`, `=wN`, `=hM` (plus `-c` to crop), never larger than the photo.
 * @param path The part after `/drive-storage/`.
 */
export async function serveThumbnail(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	path: string
): Promise< void > {
	const eq = path.indexOf( '=' );
	const opaque = eq >= 0 ? path.slice( 0, eq ) : path;
	const link = svc.links.decode( opaque );
	if ( ! link ) {
		return refuse( res, 404, 'Not Found: no such thumbnail.' );
	}
	const value = bearerToken( req, new URLSearchParams() );
	if ( value === null ) {
		return refuse(
			res,
			403,
			'Forbidden: thumbnails of private files need an Authorization: Bearer header.'
		);
	}
	const token = svc.state.liveAccessToken( value );
	if ( ! token || ! svc.clients.get( token.clientId ) ) {
		return refuse(
			res,
			401,
			'Unauthorized: the access token is invalid, expired or revoked.'
		);
	}
	if ( driveAccess( token.scopes ) !== 'content' ) {
		return refuse(
			res,
			403,
			'Forbidden: insufficientPermissions: the token has no scope that reads file content (drive.readonly).'
		);
	}
	if ( link.expiresAt <= svc.clock.now() ) {
		return refuse(
			res,
			403,
			'Forbidden: this thumbnailLink has expired (links last 6 hours); get a fresh one from files.list or files.get.'
		);
	}
	const size = parseSize( eq >= 0 ? path.slice( eq + 1 ) : null );
	if ( ! size ) {
		return refuse( res, 400, 'Bad Request: unknown size option.' );
	}
	const item = await svc.tree.get( link.fileId );
	const stat = item && ( await svc.tree.statOf( item ) );
	const data =
		item && stat && hasThumbnail( item.mimeType )
			? await svc.thumbs.render(
					svc.tree.abs( item.source! ),
					stat,
					size
				)
			: null;
	if ( ! data ) {
		return refuse( res, 404, 'Not Found: no thumbnail for this file.' );
	}
	res.writeHead( 200, {
		'Content-Type': 'image/jpeg',
		'Content-Length': String( data.length ),
		'Cache-Control': 'private, max-age=86400, no-transform',
		'X-Content-Type-Options': 'nosniff',
		Server: 'fife',
	} );
	res.end( req.method === 'HEAD' ? undefined : data );
}

const ICON_COLOURS: Array< [ RegExp, string ] > = [
	[ /folder/, '#8f8f8f' ],
	[ /^image\//, '#d93025' ],
	[ /document|^text\//, '#4285f4' ],
	[ /spreadsheet/, '#0f9d58' ],
	[ /presentation/, '#f4b400' ],
	[ /pdf/, '#ea4335' ],
];
const icons = new Map< string, Promise< Buffer > >();

/**
 * The static, unauthenticated images File and User resources link to:
 * `iconLink` (`/icon/16/type/<mime>`) and the user's `photoLink` (`/a/…`).
 */
export async function serveStatic(
	res: ServerResponse,
	path: string
): Promise< void > {
	const avatar = path.startsWith( '/a/' );
	const colour = avatar
		? '#7b61ff'
		: ( ICON_COLOURS.find( ( [ re ] ) => re.test( path ) )?.[ 1 ] ??
			'#5f6368' );
	const side = avatar ? 64 : 16;
	let image = icons.get( `${ colour }${ side }` );
	if ( ! image ) {
		image = sharp( {
			create: {
				width: side,
				height: side,
				channels: 3,
				background: colour,
			},
		} )
			.png()
			.toBuffer();
		icons.set( `${ colour }${ side }`, image );
	}
	const data = await image;
	res.writeHead( 200, {
		'Content-Type': 'image/png',
		'Content-Length': String( data.length ),
		'Cache-Control': 'public, max-age=86400',
	} );
	res.end( data );
}
