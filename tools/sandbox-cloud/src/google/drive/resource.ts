import type { Stats } from 'node:fs';

import { driveUser } from '../account';
import type { DriveAccess } from '../scopes';
import type { GoogleServices } from '../services';
import { type Selection, wants } from './fields';
import type { FileFacts } from './file-facts';
import { NATIVE } from './layout';
import { fileId, myDriveKey } from './ids';
import {
	extensionOf,
	FOLDER_MIME,
	hasThumbnail,
	isGoogleNative,
	mimeTypeOf,
} from './mime';
import type { ThumbnailLinks } from './thumbnails';
import type { DriveItem } from './item';
import type { DriveTree } from './tree';

export interface ResourceContext {
	tree: DriveTree;
	facts: FileFacts;
	links: ThumbnailLinks;
	/** Base of the static links (icons, avatar) on the thumbnail host. */
	thumbBase: string;
	access: DriveAccess;
}

export function resourceContext(
	svc: GoogleServices,
	access: DriveAccess
): ResourceContext {
	return {
		tree: svc.tree,
		facts: svc.facts,
		links: svc.links,
		thumbBase: svc.urls.thumbBase,
		access,
	};
}

/** Times and sizes of an item: from its file, or fixed for Drive-only items. */
export interface ItemTimes {
	createdTime: number;
	modifiedTime: number;
	size: number;
}

export function timesOf( item: DriveItem, stat: Stats | null ): ItemTimes {
	if ( ! stat ) {
		const time = item.time ?? 0;
		return { createdTime: time, modifiedTime: time, size: 0 };
	}
	const modified = Math.floor( stat.mtimeMs );
	const born = Math.floor( stat.birthtimeMs );
	return {
		// Drive keeps an upload's modifiedTime; the sandbox never saw an upload, so files are "created" then too.
		createdTime: born > 0 ? Math.min( born, modified ) : modified,
		modifiedTime: modified,
		size: stat.size,
	};
}

const rfc3339 = ( ms: number ) => new Date( ms ).toISOString();

const EXPORT_TYPES: Record< string, string[] > = {
	[ NATIVE.document ]: [
		'application/pdf',
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		'text/plain',
	],
	[ NATIVE.spreadsheet ]: [
		'application/pdf',
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		'text/csv',
	],
	[ NATIVE.presentation ]: [
		'application/pdf',
		'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	],
};

function webViewLink( item: DriveItem ): string {
	if ( item.kind === 'folder' ) {
		return `https://drive.google.com/drive/folders/${ item.id }`;
	}
	if ( item.mimeType === NATIVE.document ) {
		return `https://docs.google.com/document/d/${ item.id }/edit?usp=drivesdk`;
	}
	if ( item.mimeType === NATIVE.spreadsheet ) {
		return `https://docs.google.com/spreadsheets/d/${ item.id }/edit?usp=drivesdk`;
	}
	return `https://drive.google.com/file/d/${ item.id }/view?usp=drivesdk`;
}

/**
 * A File resource (contract B4.1) with what `selection` asks for: costly
 * fields (checksums, image metadata) are only computed when selected.
 * `thumbnailLink` only comes with content access, as in Drive.
 */
export async function fileResource(
	ctx: ResourceContext,
	item: DriveItem,
	stat: Stats | null,
	selection: Selection | true
): Promise< Record< string, unknown > > {
	const want = ( field: string ) => wants( selection, field );
	const times = timesOf( item, stat );
	const binary = item.kind === 'file';
	const inSharedDrive = item.driveId !== null;
	const version = String(
		Math.max( 1, Math.floor( times.modifiedTime / 1000 ) % 1e7 )
	);
	const user = driveUser( ctx.thumbBase );
	const out: Record< string, unknown > = {
		kind: 'drive#file',
		id: item.id,
		name: item.name,
		mimeType: item.mimeType,
	};
	if ( item.parentId ) {
		out.parents = [ item.parentId ];
	}
	if ( inSharedDrive ) {
		out.driveId = item.driveId;
		out.teamDriveId = item.driveId;
	}
	out.starred = false;
	out.trashed = item.trashed;
	out.explicitlyTrashed = item.explicitlyTrashed;
	if ( item.explicitlyTrashed ) {
		out.trashedTime = rfc3339( times.modifiedTime + 86400e3 );
		out.trashingUser = user;
	}
	out.spaces = [ 'drive' ];
	out.version = version;
	out.webViewLink = webViewLink( item );
	if ( binary ) {
		out.webContentLink = `https://drive.google.com/uc?id=${ item.id }&export=download`;
	}
	out.iconLink = `${ ctx.thumbBase }/icon/16/type/${ item.mimeType }`;
	const thumbnail = binary && hasThumbnail( item.mimeType );
	out.hasThumbnail = thumbnail;
	if ( thumbnail && ctx.access === 'content' && want( 'thumbnailLink' ) ) {
		out.thumbnailLink = ctx.links.link( item.id );
	}
	out.thumbnailVersion = thumbnail ? version : '0';
	out.viewedByMe = true;
	out.viewedByMeTime = rfc3339( times.modifiedTime );
	out.createdTime = rfc3339( times.createdTime );
	out.modifiedTime = rfc3339( times.modifiedTime );
	out.modifiedByMeTime = rfc3339( times.modifiedTime );
	out.modifiedByMe = true;
	if ( ! inSharedDrive ) {
		out.owners = [ user ];
	}
	out.lastModifyingUser = user;
	out.shared = inSharedDrive;
	out.ownedByMe = ! inSharedDrive;
	out.capabilities = {
		canDownload: binary && ctx.access === 'content',
		canListChildren: item.kind === 'folder',
		canCopy: binary,
		canEdit: false,
		canRename: false,
		canTrash: false,
		canDelete: false,
		canShare: false,
		canComment: false,
		canReadRevisions: binary,
	};
	out.viewersCanCopyContent = true;
	out.copyRequiresWriterPermission = false;
	out.writersCanShare = true;
	out.isAppAuthorized = false;
	if ( inSharedDrive ) {
		out.hasAugmentedPermissions = false;
	}
	if ( binary ) {
		const extension = extensionOf( item.name );
		out.originalFilename = item.name;
		out.fullFileExtension = extension;
		out.fileExtension = extension;
		out.headRevisionId = `0B${ item.id.slice( 1, 20 ) }${ version }`;
		out.size = String( times.size );
		out.quotaBytesUsed = inSharedDrive ? '0' : String( times.size );
		const checksums = [ 'md5Checksum', 'sha1Checksum', 'sha256Checksum' ];
		if ( stat && checksums.some( want ) ) {
			const sums = await ctx.facts.checksums(
				ctx.tree.abs( item.source! ),
				stat
			);
			out.md5Checksum = sums.md5;
			out.sha1Checksum = sums.sha1;
			out.sha256Checksum = sums.sha256;
		}
		if (
			stat &&
			item.mimeType.startsWith( 'image/' ) &&
			want( 'imageMediaMetadata' )
		) {
			const image = await ctx.facts.image(
				ctx.tree.abs( item.source! ),
				stat
			);
			if ( image ) {
				out.imageMediaMetadata = image;
			}
		}
	} else {
		out.quotaBytesUsed = '0';
	}
	if ( isGoogleNative( item.mimeType ) && EXPORT_TYPES[ item.mimeType ] ) {
		out.exportLinks = Object.fromEntries(
			EXPORT_TYPES[ item.mimeType ]!.map( ( type ) => [
				type,
				`https://docs.google.com/feeds/download/documents/export/Export?id=${ item.id }&exportFormat=${ encodeURIComponent(
					type
				) }`,
			] )
		);
	}
	if ( item.target ) {
		out.shortcutDetails = {
			targetId: fileId( myDriveKey( item.target.path ) ),
			targetMimeType: item.target.isFolder
				? FOLDER_MIME
				: mimeTypeOf( item.target.path ),
		};
	}
	return out;
}

/**
 * Without `fields`, files.list and files.get return only these (contract B2).
 */
export function defaultFile( item: DriveItem ): Record< string, unknown > {
	return {
		kind: 'drive#file',
		...( item.driveId
			? { driveId: item.driveId, teamDriveId: item.driveId }
			: {} ),
		id: item.id,
		name: item.name,
		mimeType: item.mimeType,
	};
}
