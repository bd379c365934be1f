import type { IncomingMessage, ServerResponse } from 'node:http';

import { sendFile } from '../../shared/send-file';
import { parseFields, project, type Selection } from '../drive/fields';
import { isGoogleNative } from '../drive/mime';
import { defaultFile, fileResource, resourceContext } from '../drive/resource';
import { FILE } from '../drive/schema';
import type { DriveItem } from '../drive/item';
import type { GoogleServices } from '../services';
import {
	fileNotDownloadable,
	fileNotFound,
	insufficientPermissions,
	invalidValue,
} from '../wire/errors';
import { boolParam, pretty } from '../wire/params';
import { sendGoogleJson } from '../wire/respond';
import { type ApiCaller, authenticate } from './api-auth';

/**
 * The item a files.get names: `root` is My Drive's root; shared-drive items
 * need supportsAllDrives=true (else 404, as in Drive).
 */
async function itemFor(
	svc: GoogleServices,
	fileId: string,
	q: URLSearchParams,
	caller: ApiCaller
): Promise< DriveItem > {
	const id = fileId === 'root' ? svc.tree.rootId : fileId;
	const item = await svc.tree.get( id );
	const supports =
		boolParam( q, 'supportsAllDrives' ) ||
		boolParam( q, 'supportsTeamDrives' );
	if (
		! item ||
		caller.access === 'appFiles' ||
		( item.driveId !== null && ! supports ) ||
		! ( await svc.tree.stillThere( item ) )
	) {
		throw fileNotFound( fileId );
	}
	return item;
}

/**
 * `GET /drive/v3/files/{fileId}` (files.get, contract B4), metadata.
 */
export async function getFile(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams,
	fileId: string
): Promise< void > {
	const caller = authenticate( svc, req, q, 'appFiles' );
	const selection: Selection | null = parseFields( q.get( 'fields' ), FILE );
	const alt = q.get( 'alt' ) ?? 'json';
	if ( alt !== 'json' ) {
		throw invalidValue( 'alt' );
	}
	const item = await itemFor( svc, fileId, q, caller );
	const body = selection
		? project(
				await fileResource(
					resourceContext( svc, caller.access ),
					item,
					await svc.tree.statOf( item ),
					selection
				),
				selection
			)
		: defaultFile( item );
	sendGoogleJson( res, 200, body, { pretty: pretty( q ) } );
}

/**
 * `GET /drive/v3/files/{fileId}?alt=media`: the bytes, with the file's
 * Content-Type and Range support; needs a content scope.
 */
export async function downloadFile(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams,
	fileId: string
): Promise< void > {
	const caller = authenticate( svc, req, q, 'appFiles' );
	const item = await itemFor( svc, fileId, q, caller );
	if ( caller.access !== 'content' ) {
		throw insufficientPermissions();
	}
	if ( item.kind !== 'file' || isGoogleNative( item.mimeType ) ) {
		throw fileNotDownloadable();
	}
	const stat = await svc.tree.statOf( item );
	if ( ! stat ) {
		throw fileNotFound( fileId );
	}
	await sendFile(
		req,
		res,
		svc.tree.abs( item.source! ),
		stat.size,
		`"${ item.id }-${ Math.floor( stat.mtimeMs ) }"`,
		{
			'Content-Type': item.mimeType,
			'Cache-Control': 'private, max-age=0',
			'X-Content-Type-Options': 'nosniff',
			Server: 'UploadServer',
		}
	);
}
