import type { Node } from '../files/library';
import {
	ThumbnailFailure,
	type ThumbnailFormat,
	type ThumbnailMode,
} from '../files/thumbnails';
import type { DropboxServices } from '../services';
import {
	READ_PATH,
	type StructSpec,
	THUMBNAIL_FORMATS,
	THUMBNAIL_MODES,
	THUMBNAIL_SIZES,
} from '../wire/args';
import {
	DbxHttpError,
	lookupError,
	routeError,
	type Union,
} from '../wire/errors';
import type { RouteSpec } from '../wire/route';
import { resolveFile } from './paths';

const STYLE: StructSpec = {
	format: { type: { t: 'enum', tags: THUMBNAIL_FORMATS }, default: 'jpeg' },
	size: { type: { t: 'enum', tags: THUMBNAIL_SIZES }, default: 'w64h64' },
	mode: { type: { t: 'enum', tags: THUMBNAIL_MODES }, default: 'strict' },
	exclude_media_info: { type: { t: 'bool' } },
};

const THUMBNAIL_V2_ARG: StructSpec = {
	resource: {
		type: {
			t: 'union',
			members: {
				path: {
					path: {
						type: { t: 'string', pattern: READ_PATH },
						required: true,
					},
				},
				link: {
					url: { type: { t: 'string' }, required: true },
					path: { type: { t: 'string' } },
					password: { type: { t: 'string' } },
				},
			},
		},
		required: true,
	},
	...STYLE,
};

const THUMBNAIL_ARG: StructSpec = {
	path: { type: { t: 'string', pattern: READ_PATH }, required: true },
	...STYLE,
};

export const MAX_BATCH = 25;

/**
 * The error union of a failed lookup or rendering, for both 409s and batch failures.
 */
function failureOf( error: unknown ): Union {
	if ( error instanceof ThumbnailFailure ) {
		return { '.tag': error.tag };
	}
	if ( error instanceof DbxHttpError && error.status === 409 ) {
		return ( JSON.parse( error.body ) as { error: Union } ).error;
	}
	throw error;
}

async function thumbnail(
	svc: DropboxServices,
	node: Node,
	arg: Record< string, unknown >
): Promise< Buffer > {
	return svc.thumbs.render(
		node,
		arg.size as string,
		arg.mode as ThumbnailMode,
		arg.format as ThumbnailFormat
	);
}

export function contentRoutes( svc: DropboxServices ): RouteSpec[] {
	return [
		{
			name: 'files/get_thumbnail_v2',
			host: 'content',
			style: 'download',
			scope: 'files.content.read',
			appAuth: true,
			arg: THUMBNAIL_V2_ARG,
			handle: async ( { arg, root } ) => {
				const resource = arg.resource as {
					'.tag': string;
					path?: string;
				};
				// The sandbox serves no shared links: a link resource is "not found".
				if ( resource[ '.tag' ] === 'link' ) {
					throw routeError( { '.tag': 'not_found' } );
				}
				const node = await resolveFile(
					svc,
					'files/get_thumbnail_v2',
					root,
					resource.path ?? ''
				);
				let data: Buffer;
				try {
					data = await thumbnail( svc, node, arg );
				} catch ( error ) {
					throw routeError( failureOf( error ) );
				}
				const fileMetadata = await svc.meta.of( node, root, {
					tag: false,
					mediaInfo: arg.exclude_media_info !== true,
				} );
				return {
					kind: 'bytes',
					result: { file_metadata: fileMetadata },
					data,
				};
			},
		},
		{
			name: 'files/get_thumbnail_batch',
			host: 'content',
			style: 'rpc',
			scope: 'files.content.read',
			arg: {
				entries: {
					type: {
						t: 'list',
						of: { t: 'struct', fields: THUMBNAIL_ARG },
					},
					required: true,
				},
			},
			handle: async ( { arg, root } ) => {
				const entries = arg.entries as Array<
					Record< string, unknown >
				>;
				if ( entries.length > MAX_BATCH ) {
					throw routeError( { '.tag': 'too_many_files' } );
				}
				const results = await Promise.all(
					entries.map( async ( entry ) => {
						try {
							const node = await resolveFile(
								svc,
								'files/get_thumbnail_batch',
								root,
								entry.path as string
							);
							const data = await thumbnail( svc, node, entry );
							const metadata = await svc.meta.of( node, root, {
								tag: false,
							} );
							return {
								'.tag': 'success',
								metadata,
								thumbnail: data.toString( 'base64' ),
							};
						} catch ( error ) {
							return {
								'.tag': 'failure',
								failure: failureOf( error ),
							};
						}
					} )
				);
				return { kind: 'json', body: { entries: results } };
			},
		},
		{
			name: 'files/download',
			host: 'content',
			style: 'download',
			scope: 'files.content.read',
			arg: {
				path: {
					type: { t: 'string', pattern: READ_PATH },
					required: true,
				},
				rev: { type: { t: 'string', pattern: '[0-9a-f]{9,}' } },
			},
			handle: async ( { arg, root } ) => {
				const node = await resolveFile(
					svc,
					'files/download',
					root,
					arg.path as string
				);
				const rev = await svc.meta.rev( node );
				if ( arg.rev !== undefined && arg.rev !== rev ) {
					throw lookupError( 'not_found' );
				}
				const result = await svc.meta.of( node, root, { tag: false } );
				return { kind: 'file', result, node, rev };
			},
		},
	];
}
