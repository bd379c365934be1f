/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import type { APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { FolderListing, ProviderId } from '../types';
import { DRIVE_LIBRARY, LIBRARY } from './folder-fixtures';

type Handler = ( options: APIFetchOptions, url: URL ) => unknown;

interface Options {
	/** Dropbox listings by `folder` parameter (default: the fixture library). */
	library?: Record< string, FolderListing >;
	/** Google Drive listings by `folder` parameter (default: the Drive fixture). */
	driveLibrary?: Record< string, FolderListing >;
	/** Listings of further providers, by provider and `folder` parameter. */
	otherLibraries?: Record< ProviderId, Record< string, FolderListing > >;
	/** Further handlers by path without query, e.g. `GET /customer-cloud-gallery/v1/connections`. */
	routes?: Record< string, unknown | Handler >;
}

/**
 * The block renderer's answer in tests: the attributes it was asked for, so
 * a test can see which preview is on screen.
 *
 * @param url Request URL.
 * @return Response body.
 */
export function renderedPreview( url: URL ) {
	return {
		rendered: `<div class="ccg-gallery"><p>columns ${ url.searchParams.get(
			'attributes[columns]'
		) } of ${ url.searchParams.get(
			'attributes[folderPath]'
		) }</p><img src="https://example.test/t.jpg" alt="Photo"></div>`,
	};
}

/**
 * Answers apiFetch (mocked by the test file with jest.mock) like the plugin's
 * REST API: folder listings from a library, previews from the block
 * renderer, anything else from `routes` or a rest_no_route error.
 *
 * @param options                Libraries and routes.
 * @param options.library        Dropbox listings by folder parameter.
 * @param options.driveLibrary   Google Drive listings by folder parameter.
 * @param options.otherLibraries Listings of further providers.
 * @param options.routes         Further handlers by method and path.
 * @return The apiFetch mock.
 */
export function mockApi( {
	library = LIBRARY,
	driveLibrary = DRIVE_LIBRARY,
	otherLibraries = {},
	routes = {},
}: Options = {} ) {
	const libraries: Record< ProviderId, Record< string, FolderListing > > = {
		...otherLibraries,
		dropbox: library,
		google: driveLibrary,
	};
	const mock = jest.mocked( apiFetch );
	mock.mockImplementation( ( async ( options: APIFetchOptions ) => {
		const url = new URL( options.path ?? '', 'http://localhost' );
		const key = `${ options.method ?? 'GET' } ${ url.pathname }`;
		if ( key in routes ) {
			const route = routes[ key ];
			return typeof route === 'function'
				? ( route as Handler )( options, url )
				: route;
		}
		if ( key === 'GET /customer-cloud-gallery/v1/folders' ) {
			const folder = url.searchParams.get( 'folder' ) ?? '';
			const provider = url.searchParams.get( 'provider' ) ?? '';
			const found = libraries[ provider ]?.[ folder ];
			if ( ! found ) {
				throw {
					code: 'ccg_folder_not_found',
					message: `The folder was not found in ${
						provider === 'google' ? 'Google Drive' : 'Dropbox'
					}.`,
					data: { status: 404 },
				};
			}
			return found;
		}
		if (
			key === 'GET /wp/v2/block-renderer/customer-cloud-gallery/gallery'
		) {
			return renderedPreview( url );
		}
		throw {
			code: 'rest_no_route',
			message: `No route for ${ key }`,
			data: { status: 404 },
		};
	} ) as typeof apiFetch );
	return mock;
}

/**
 * The `folder` parameters GET /folders was called with, in order.
 *
 * @param mock The apiFetch mock.
 * @return Folder refs.
 */
export function folderRequests( mock: ReturnType< typeof mockApi > ) {
	return mock.mock.calls
		.map( ( [ options ] ) => new URL( options.path ?? '', 'http://x' ) )
		.filter( ( url ) => url.pathname.endsWith( '/folders' ) )
		.map( ( url ) => url.searchParams.get( 'folder' ) );
}
