/**
 * External dependencies
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { useFolderQuery, usePreviewQuery } from '../queries';
import { queryKeys } from '../query-keys';
import { queryClient as sharedQueryClient } from '../query-client';
import { CLIENTS, LIBRARY } from './folder-fixtures';
import { mockApi } from './mock-api';
import { createTestQueryClient } from './providers';

jest.mock( '@wordpress/api-fetch' );

function setup() {
	const queryClient = createTestQueryClient();
	const wrapper = ( { children }: { children: ReactNode } ) => (
		<QueryClientProvider client={ queryClient }>
			{ children }
		</QueryClientProvider>
	);
	return { queryClient, wrapper };
}

describe( 'useFolderQuery', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'GETs the folder’s listing and caches it under the factory’s key', async () => {
		const apiFetch = mockApi();
		const { queryClient, wrapper } = setup();
		const { result } = renderHook(
			() => useFolderQuery( 'dropbox', CLIENTS.id ),
			{ wrapper }
		);

		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );
		expect( result.current.data ).toEqual( LIBRARY[ CLIENTS.id ] );
		expect( apiFetch ).toHaveBeenCalledWith( {
			path: '/customer-cloud-gallery/v1/folders?provider=dropbox&folder=id%3Aclients',
		} );
		expect(
			queryClient.getQueryData(
				queryKeys.folder( 'dropbox', CLIENTS.id )
			)
		).toEqual( LIBRARY[ CLIENTS.id ] );
	} );

	it( 'asks for the whole account only with scope all', async () => {
		const apiFetch = mockApi();
		const { wrapper } = setup();
		const { result } = renderHook(
			() => useFolderQuery( 'dropbox', '', 'all' ),
			{ wrapper }
		);

		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );
		expect( apiFetch ).toHaveBeenCalledWith( {
			path: '/customer-cloud-gallery/v1/folders?provider=dropbox&folder=&scope=all',
		} );
	} );

	it( 'waits while there is no provider', () => {
		const apiFetch = mockApi();
		const { wrapper } = setup();
		const { result } = renderHook( () => useFolderQuery( '', '' ), {
			wrapper,
		} );

		expect( result.current.fetchStatus ).toBe( 'idle' );
		expect( apiFetch ).not.toHaveBeenCalled();
	} );

	it( 'reports the server’s error', async () => {
		mockApi();
		const { wrapper } = setup();
		const { result } = renderHook(
			() => useFolderQuery( 'dropbox', 'id:gone' ),
			{ wrapper }
		);

		await waitFor( () => expect( result.current.isError ).toBe( true ) );
		expect( result.current.error ).toMatchObject( {
			code: 'ccg_folder_not_found',
			data: { status: 404 },
		} );
	} );
} );

describe( 'the shared QueryClient’s retry rule', () => {
	it( 'retries outages and rate limits, not missing or forbidden folders', () => {
		const shouldRetry = sharedQueryClient.getDefaultOptions().queries
			?.retry as ( failureCount: number, error: unknown ) => boolean;
		const error = ( status: number ) => ( { code: 'x', data: { status } } );
		expect( shouldRetry( 0, error( 503 ) ) ).toBe( true );
		expect( shouldRetry( 0, error( 429 ) ) ).toBe( true );
		expect( shouldRetry( 2, error( 503 ) ) ).toBe( false );
		expect( shouldRetry( 0, error( 404 ) ) ).toBe( false );
		expect( shouldRetry( 0, error( 403 ) ) ).toBe( false );
		expect( shouldRetry( 0, error( 409 ) ) ).toBe( false );
	} );
} );

describe( 'usePreviewQuery', () => {
	beforeEach( () => jest.resetAllMocks() );
	afterEach( () => jest.useRealTimers() );

	it( 'asks core’s block renderer with the attributes and the post', async () => {
		const apiFetch = mockApi();
		const { wrapper } = setup();
		const { result } = renderHook(
			() =>
				usePreviewQuery(
					{ columns: 4, folderPath: '/Clients', lightbox: false },
					7,
					{ debounceMs: 0 }
				),
			{ wrapper }
		);

		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );
		expect( result.current.data?.rendered ).toContain(
			'columns 4 of /Clients'
		);
		const path = apiFetch.mock.calls[ 0 ]?.[ 0 ].path ?? '';
		const url = new URL( path, 'http://x' );
		expect( url.pathname ).toBe(
			'/wp/v2/block-renderer/customer-cloud-gallery/gallery'
		);
		expect( url.searchParams.get( 'context' ) ).toBe( 'edit' );
		expect( url.searchParams.get( 'post_id' ) ).toBe( '7' );
		expect( url.searchParams.get( 'attributes[lightbox]' ) ).toBe(
			'false'
		);
	} );

	it( 'keeps the previous preview while the next one loads', async () => {
		let release: () => void = () => {};
		const apiFetch = mockApi( {
			routes: {
				'GET /wp/v2/block-renderer/customer-cloud-gallery/gallery': (
					_options: unknown,
					url: URL
				) =>
					url.searchParams.get( 'attributes[columns]' ) === '5'
						? new Promise( ( resolve ) => {
								release = () =>
									resolve( { rendered: '<p>five</p>' } );
							} )
						: { rendered: '<p>three</p>' },
			},
		} );
		const { wrapper } = setup();
		const { result, rerender } = renderHook(
			( { columns }: { columns: number } ) =>
				usePreviewQuery( { columns }, null, { debounceMs: 0 } ),
			{ wrapper, initialProps: { columns: 3 } }
		);
		await waitFor( () =>
			expect( result.current.data?.rendered ).toBe( '<p>three</p>' )
		);

		rerender( { columns: 5 } );
		await waitFor( () => expect( apiFetch ).toHaveBeenCalledTimes( 2 ) );
		expect( result.current.data?.rendered ).toBe( '<p>three</p>' );
		expect( result.current.isPlaceholderData ).toBe( true );

		act( () => release() );
		await waitFor( () =>
			expect( result.current.data?.rendered ).toBe( '<p>five</p>' )
		);
		expect( result.current.isPlaceholderData ).toBe( false );
	} );

	it( 'sends one request after a burst of changes', async () => {
		jest.useFakeTimers();
		const apiFetch = mockApi();
		const { wrapper } = setup();
		const { rerender } = renderHook(
			( { columns }: { columns: number } ) =>
				usePreviewQuery( { columns }, null, { debounceMs: 300 } ),
			{ wrapper, initialProps: { columns: 1 } }
		);
		for ( const columns of [ 2, 3, 4, 5 ] ) {
			rerender( { columns } );
			act( () => jest.advanceTimersByTime( 100 ) );
		}
		act( () => jest.advanceTimersByTime( 400 ) );
		await act( async () => {
			await Promise.resolve();
		} );

		const columns = apiFetch.mock.calls.map( ( [ options ] ) =>
			new URL( options.path ?? '', 'http://x' ).searchParams.get(
				'attributes[columns]'
			)
		);
		expect( columns ).toEqual( [ '1', '5' ] );
	} );
} );
