/**
 * External dependencies
 */
import { act, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { folderQueryOptions } from '../../../src/api/queries';
import { LIBRARY } from '../../../src/api/test/folder-fixtures';
import { renderedPreview } from '../../../src/api/test/mock-api';
import type { FolderListing } from '../../../src/api/types';
import { connectedConnection } from '../../../src/store/connections/test/fixtures';
import { renderEdit, sidebar } from './render-edit';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( './block-editor-mock' )
);

const smith = {
	provider: 'dropbox' as const,
	folderId: 'id:smith',
	folderPath: '/Clients/Smith wedding',
};

/**
 * GET /folders for a folder the server is still listing: each answer knows
 * more photos, until the one at `completeAt`.
 *
 * @param counts     photoCount of each successive answer for id:smith.
 * @param completeAt Index of the first complete answer.
 */
function growingFolder( counts: number[], completeAt: number ) {
	let calls = 0;
	return ( _options: unknown, url: URL ): FolderListing => {
		const folder = url.searchParams.get( 'folder' ) ?? '';
		const listing = LIBRARY[ folder ];
		if ( ! listing ) {
			throw new Error( `No fixture for ${ folder }` );
		}
		if ( folder !== 'id:smith' ) {
			return listing;
		}
		const index = Math.min( calls++, counts.length - 1 );
		return {
			...listing,
			photoCount: counts[ index ] ?? 0,
			complete: index >= completeAt,
		};
	};
}

/**
 * How long the editor waits before asking again for a folder still being
 * listed, read from the query options the editor uses.
 *
 * @return Milliseconds.
 */
function countingRefetchMs(): number {
	const { refetchInterval } = folderQueryOptions( 'dropbox', 'id:smith' );
	// The rule reads only the query's data; a whole Query is not needed.
	const counting = { state: { data: { complete: false } } } as never;
	const ms =
		typeof refetchInterval === 'function'
			? refetchInterval( counting )
			: refetchInterval;
	if ( typeof ms !== 'number' ) {
		throw new Error( 'A folder being counted is not polled.' );
	}
	return ms;
}
const COUNTING_REFETCH_MS = countingRefetchMs();

async function tick( ms: number ) {
	await act( async () => {
		await jest.advanceTimersByTimeAsync( ms );
	} );
}

describe( 'Cloud Gallery block: the count of a folder still being listed', () => {
	beforeEach( () => {
		jest.resetAllMocks();
		jest.useFakeTimers();
		document.documentElement.lang = 'en-US';
	} );
	afterEach( () => {
		jest.useRealTimers();
		document.documentElement.lang = '';
	} );

	it( 'says Counting… with the number so far, polls, and shows the final count only once complete', async () => {
		const { apiFetch } = renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
			api: {
				routes: {
					'GET /customer-cloud-gallery/v1/folders': growingFolder(
						[ 626, 1893, 2500, 2500 ],
						2
					),
					'GET /wp/v2/block-renderer/customer-cloud-gallery/gallery':
						( _options: unknown, url: URL ) =>
							renderedPreview( url ),
				},
			},
		} );
		const panel = () => within( sidebar() );
		const previews = () =>
			apiFetch.mock.calls.filter( ( [ options ] ) =>
				( options.path ?? '' ).includes( 'block-renderer' )
			).length;

		await tick( 0 );
		expect(
			panel().getByText( 'Counting… 626 photos so far' )
		).toBeInTheDocument();
		expect( panel().queryByText( /photos in this folder/ ) ).toBeNull();
		const previewsWhileCounting = previews();

		await tick( COUNTING_REFETCH_MS + 100 );
		expect(
			panel().getByText( 'Counting… 1,893 photos so far' )
		).toBeInTheDocument();
		expect( panel().queryByText( /photos in this folder/ ) ).toBeNull();

		await tick( COUNTING_REFETCH_MS + 100 );
		expect(
			panel().getByText( '2,500 photos in this folder' )
		).toBeInTheDocument();
		expect( panel().queryByText( /Counting/ ) ).toBeNull();
		expect( previews() ).toBeGreaterThan( previewsWhileCounting );

		// Complete: no more polling.
		const folderCalls = () =>
			apiFetch.mock.calls.filter( ( [ options ] ) =>
				( options.path ?? '' ).includes( 'folder=id%3Asmith' )
			).length;
		const settled = folderCalls();
		await tick( COUNTING_REFETCH_MS * 3 );
		expect( folderCalls() ).toBe( settled );
	} );

	it( 'groups digits the way the editor language does', async () => {
		document.documentElement.lang = 'de-DE';
		renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
			api: {
				routes: {
					'GET /customer-cloud-gallery/v1/folders': growingFolder(
						[ 1893 ],
						1
					),
				},
			},
		} );

		await tick( 0 );
		expect(
			within( sidebar() ).getByText( 'Counting… 1.893 photos so far' )
		).toBeInTheDocument();
	} );

	it( 'says "photo" for one', async () => {
		renderEdit( {
			connections: [ connectedConnection() ],
			attributes: smith,
			api: {
				routes: {
					'GET /customer-cloud-gallery/v1/folders': growingFolder(
						[ 1 ],
						1
					),
				},
			},
		} );

		await tick( 0 );
		expect(
			within( sidebar() ).getByText( 'Counting… 1 photo so far' )
		).toBeInTheDocument();
	} );
} );
