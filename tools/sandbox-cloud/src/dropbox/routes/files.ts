import { LIST_FOLDER_PATH, READ_PATH, type StructSpec } from '../wire/args';
import { badRequest, lookupError } from '../wire/errors';
import type { DropboxServices } from '../services';
import type { RouteSpec } from '../wire/route';
import { rejectRoot, resolveFile, resolvePath } from './paths';

const LIST_FOLDER_ARG: StructSpec = {
	path: { type: { t: 'string', pattern: LIST_FOLDER_PATH }, required: true },
	recursive: { type: { t: 'bool' }, default: false },
	include_media_info: { type: { t: 'bool' }, default: false },
	include_deleted: { type: { t: 'bool' }, default: false },
	include_has_explicit_shared_members: {
		type: { t: 'bool' },
		default: false,
	},
	include_mounted_folders: { type: { t: 'bool' }, default: true },
	limit: { type: { t: 'uint', min: 1, max: 2000 } },
	shared_link: {
		type: {
			t: 'struct',
			fields: {
				url: { type: { t: 'string' }, required: true },
				password: { type: { t: 'string' } },
			},
		},
	},
	include_property_groups: {
		type: {
			t: 'union',
			members: {
				filter_all: {},
				filter_some: {
					filter_some: { type: { t: 'list', of: { t: 'string' } } },
				},
			},
		},
	},
	include_non_downloadable_files: { type: { t: 'bool' }, default: true },
	include_restorable_info: { type: { t: 'bool' }, default: false },
};

const GET_METADATA_ARG: StructSpec = {
	path: { type: { t: 'string', pattern: READ_PATH }, required: true },
	include_media_info: { type: { t: 'bool' }, default: false },
	include_deleted: { type: { t: 'bool' }, default: false },
	include_has_explicit_shared_members: {
		type: { t: 'bool' },
		default: false,
	},
	include_property_groups: LIST_FOLDER_ARG.include_property_groups!,
};

export function fileRoutes( svc: DropboxServices ): RouteSpec[] {
	return [
		{
			name: 'files/list_folder',
			host: 'api',
			style: 'rpc',
			scope: 'files.metadata.read',
			appAuth: true,
			arg: LIST_FOLDER_ARG,
			handle: async ( { arg, root, grant } ) => {
				const path = arg.path as string;
				if ( path === '/' ) {
					throw badRequest(
						'files/list_folder',
						'request body: path: Specify the root folder as an empty string rather than as "/".'
					);
				}
				if ( arg.shared_link ) {
					throw lookupError( 'not_found' );
				}
				const folder = await resolvePath(
					svc,
					'files/list_folder',
					root,
					path
				);
				if ( ! folder.isDir ) {
					throw lookupError( 'not_folder' );
				}
				const result = await svc.lister.start(
					grant.appKey,
					root,
					folder,
					arg.recursive as boolean,
					arg.limit as number | undefined
				);
				return { kind: 'json', body: result };
			},
		},
		{
			name: 'files/list_folder/continue',
			host: 'api',
			style: 'rpc',
			scope: 'files.metadata.read',
			appAuth: true,
			arg: { cursor: { type: { t: 'string' }, required: true } },
			handle: async ( { arg, root, grant } ) => {
				const state = svc.lister.decode(
					arg.cursor as string,
					grant.appKey,
					root
				);
				if ( ! state ) {
					throw badRequest(
						'files/list_folder/continue',
						'Invalid cursor'
					);
				}
				return {
					kind: 'json',
					body: await svc.lister.continue( state ),
				};
			},
		},
		{
			name: 'files/get_metadata',
			host: 'api',
			style: 'rpc',
			scope: 'files.metadata.read',
			arg: GET_METADATA_ARG,
			handle: async ( { arg, root } ) => {
				rejectRoot( 'files/get_metadata', arg.path as string );
				const node = await resolvePath(
					svc,
					'files/get_metadata',
					root,
					arg.path as string
				);
				if ( node.rel === root ) {
					throw badRequest(
						'files/get_metadata',
						'request body: path: The root folder is unsupported.'
					);
				}
				const body = await svc.meta.of( node, root, {
					tag: true,
					mediaInfo: arg.include_media_info as boolean,
					explicitSharedMembers:
						arg.include_has_explicit_shared_members as boolean,
				} );
				return { kind: 'json', body };
			},
		},
		{
			name: 'files/get_temporary_link',
			host: 'api',
			style: 'rpc',
			scope: 'files.content.read',
			arg: {
				path: {
					type: { t: 'string', pattern: READ_PATH },
					required: true,
				},
			},
			handle: async ( { arg, root } ) => {
				const node = await resolveFile(
					svc,
					'files/get_temporary_link',
					root,
					arg.path as string
				);
				// Links serve what is at a path; the sandbox makes none for an
				// earlier revision rather than serve the newer bytes.
				if ( node.revision ) {
					throw lookupError( 'not_found' );
				}
				const link = svc.state.createLink( node.rel, node.name );
				const metadata = await svc.meta.of( node, root, {
					tag: false,
				} );
				return {
					kind: 'json',
					body: {
						metadata,
						link: `${ svc.urls.linkBase }/cd/0/get/${ link.id }/${ encodeURIComponent( node.name ) }`,
					},
				};
			},
		},
	];
}
