/**
 * What both sides of the comparison do, step by step, with the same
 * arguments: every provider call the plugin makes. The PHP driver and the
 * official clients each implement these step names.
 */
import {
	fileId,
	myDriveKey,
} from '../../tools/sandbox-cloud/src/google/drive/ids';
import type { LibraryManifest } from '../../tools/sandbox-cloud/src/library/manifest';

export interface Step {
	step: string;
	args: Record< string, unknown >;
}

/** What one side reports: each step's outcome and the values that differ by nature. */
export interface SideReport {
	steps: Array< { step: string; ok: boolean; error?: string } >;
	/** Tokens, cursors, page tokens: replaced by their names before comparing. */
	values: Record< string, string >;
}

const FOLDER = '/Portfolio/Nature';

function aPhoto( manifest: LibraryManifest ): string {
	const photo = manifest.photos.find(
		( p ) => p.kind === 'jpeg' && p.path.startsWith( `${ FOLDER }/` )
	);
	if ( ! photo ) {
		throw new Error( `the sample library has no JPEG in ${ FOLDER }` );
	}
	return photo.path;
}

export function dropboxScenario( manifest: LibraryManifest ): Step[] {
	const photo = aPhoto( manifest );
	return [
		{ step: 'exchange_code', args: {} },
		{ step: 'refresh', args: {} },
		{ step: 'get_current_account', args: {} },
		// A small limit, so the folder needs a continue call.
		{ step: 'list_folder', args: { path: FOLDER, limit: 3 } },
		{ step: 'list_folder_continue', args: {} },
		{ step: 'get_metadata', args: { path: FOLDER } },
		{ step: 'get_media_info', args: { path: photo } },
		{
			step: 'get_thumbnail',
			args: { path: photo, size: 'w640h480', mode: 'bestfit' },
		},
		{
			step: 'get_thumbnail_batch',
			args: {
				entries: [
					{ path: photo, size: 'w256h256', mode: 'bestfit' },
					{ path: photo, size: 'w1024h768', mode: 'bestfit' },
				],
			},
		},
		{ step: 'download', args: { path: photo } },
		{ step: 'revoke', args: {} },
	];
}

export function googleScenario( manifest: LibraryManifest ): Step[] {
	// My Drive's root: the sandbox learns a folder's children only once its
	// parent was listed, so a fresh sandbox answers a deeper folder empty.
	const listing = {
		q: `'root' in parents and trashed = false`,
		fields: 'nextPageToken,files(id,name,mimeType,size,md5Checksum,modifiedTime,createdTime,hasThumbnail,thumbnailVersion,imageMediaMetadata(width,height,time,rotation),shortcutDetails)',
		// Small, so the listing needs a second page.
		pageSize: 3,
		orderBy: 'folder,name_natural',
	};
	return [
		{ step: 'exchange_code', args: {} },
		{ step: 'refresh', args: {} },
		{ step: 'about', args: {} },
		{ step: 'files_list', args: { query: listing } },
		{ step: 'files_list_next', args: { query: listing } },
		{
			step: 'files_get',
			args: {
				fileId: fileId( myDriveKey( aPhoto( manifest ) ) ),
				fields: 'thumbnailLink,hasThumbnail,mimeType,trashed,md5Checksum,thumbnailVersion,modifiedTime',
			},
		},
		{ step: 'drives_list', args: { pageSize: 100 } },
		{ step: 'drives_get', args: {} },
		{ step: 'changes_start', args: {} },
		{
			step: 'changes_list',
			// What DriveChangeFeed asks for.
			args: {
				fields: 'nextPageToken,newStartPageToken,changes(fileId,removed,file(parents,trashed,mimeType))',
				pageSize: 1000,
			},
		},
		{ step: 'thumbnail', args: { longEdge: 640 } },
		// A batch's requests, sent together by the plugin (Transport::request_all)
		// and with Promise.all by the official client: the same request twice,
		// so the order they arrive in cannot matter.
		{
			step: 'files_get_each',
			args: {
				fileId: fileId( myDriveKey( aPhoto( manifest ) ) ),
				fields: 'thumbnailLink,hasThumbnail,mimeType,trashed,md5Checksum,thumbnailVersion,modifiedTime',
				count: 2,
			},
		},
		{ step: 'thumbnails_each', args: { longEdge: 256, count: 2 } },
		{ step: 'revoke', args: {} },
	];
}
