import type { IncomingMessage, ServerResponse } from 'node:http';

import { driveUser } from '../account';
import { parseFields, project } from '../drive/fields';
import { PageTokens } from '../drive/page-token';
import { ABOUT, DRIVE, DRIVE_LIST } from '../drive/schema';
import type { DriveItem } from '../drive/item';
import type { GoogleServices } from '../services';
import { driveError, invalidValue } from '../wire/errors';
import { intParam, pretty } from '../wire/params';
import { sendGoogleJson } from '../wire/respond';
import { authenticate } from './api-auth';

function driveResource( drive: DriveItem ): Record< string, unknown > {
	return {
		kind: 'drive#drive',
		id: drive.id,
		name: drive.name,
		colorRgb: '#4986e7',
		backgroundImageLink:
			'https://ssl.gstatic.com/team_drive_themes/abstract_blue_bg.jpg',
		capabilities: {
			canAddChildren: false,
			canListChildren: true,
			canDownload: true,
			canEdit: false,
			canManageMembers: false,
			canRenameDrive: false,
			canDeleteDrive: false,
		},
		createdTime: new Date( drive.time ?? 0 ).toISOString(),
		hidden: false,
		restrictions: {
			adminManagedRestrictions: false,
			copyRequiresWriterPermission: false,
			domainUsersOnly: false,
			driveMembersOnly: false,
		},
	};
}

const defaultDrive = ( drive: DriveItem ) => ( {
	kind: 'drive#drive',
	id: drive.id,
	name: drive.name,
} );

/**
 * `GET /drive/v3/drives` (drives.list): the shared drives, by name, pageSize
 * 1–100 (default 10). Needs `drive` or `drive.readonly`, as in Drive.
 */
export async function listDrives(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams
): Promise< void > {
	authenticate( svc, req, q, 'content' );
	const selection = parseFields( q.get( 'fields' ), DRIVE_LIST );
	const pageSize = intParam( q, 'pageSize', {
		min: 1,
		max: 100,
		fallback: 10,
		coerce: false,
	} );
	if ( ( q.get( 'q' ) ?? '' ).trim() !== '' ) {
		// The sandbox's drives.list takes no search; refusing beats ignoring it.
		throw invalidValue( 'q' );
	}
	const key = PageTokens.queryKey( [ 'drives' ] );
	const token = q.get( 'pageToken' );
	const offset = token ? svc.pageTokens.decode( token, key )?.offset : 0;
	if ( offset === undefined ) {
		throw invalidValue( 'pageToken' );
	}
	const drives = [ ...svc.tree.drives ].sort( ( a, b ) =>
		a.name.localeCompare( b.name )
	);
	const page = drives.slice( offset, offset + pageSize );
	const more = offset + pageSize < drives.length;
	const body = {
		kind: 'drive#driveList',
		...( more
			? { nextPageToken: svc.pageTokens.encode( key, offset + pageSize ) }
			: {} ),
		drives: page.map( selection ? driveResource : defaultDrive ),
	};
	sendGoogleJson( res, 200, selection ? project( body, selection ) : body, {
		pretty: pretty( q ),
	} );
}

/**
 * `GET /drive/v3/drives/{driveId}` (drives.get).
 */
export async function getDrive(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams,
	driveId: string
): Promise< void > {
	authenticate( svc, req, q, 'content' );
	const selection = parseFields( q.get( 'fields' ), DRIVE );
	const drive = svc.tree.drives.find( ( d ) => d.id === driveId );
	if ( ! drive ) {
		throw driveError(
			404,
			'notFound',
			`Shared drive not found: ${ driveId }`,
			{
				location: 'driveId',
			}
		);
	}
	sendGoogleJson(
		res,
		200,
		selection
			? project( driveResource( drive ), selection )
			: defaultDrive( drive ),
		{ pretty: pretty( q ) }
	);
}

/**
 * `GET /drive/v3/about` (about.get): the user and quota. `fields` is required, as in Drive.
 */
export async function getAbout(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams
): Promise< void > {
	authenticate( svc, req, q, 'appFiles' );
	const selection = parseFields( q.get( 'fields' ), ABOUT );
	if ( ! selection ) {
		throw driveError(
			400,
			'required',
			"The 'fields' parameter is required for this method.",
			{ location: 'fields' }
		);
	}
	const body = {
		kind: 'drive#about',
		user: driveUser( svc.urls.thumbBase ),
		storageQuota: {
			limit: '16106127360',
			usage: '2147483648',
			usageInDrive: '2013265920',
			usageInDriveTrash: '12582912',
		},
		canCreateDrives: true,
		appInstalled: false,
		maxUploadSize: '5242880000000',
		folderColorPalette: [ '#ac725e', '#4986e7', '#16a765' ],
	};
	sendGoogleJson( res, 200, project( body, selection ), {
		pretty: pretty( q ),
	} );
}
