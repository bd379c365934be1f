/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { toApiError } from '../client';
import { fetchConnections, postCredentials } from '../connections';

jest.mock( '@wordpress/api-fetch' );

describe( 'REST client', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'builds paths inside the plugin namespace', async () => {
		jest.mocked( apiFetch ).mockResolvedValue( [] );
		await fetchConnections();
		expect( apiFetch ).toHaveBeenCalledWith( {
			path: '/customer-cloud-gallery/v1/connections',
		} );
	} );

	it( 'sends a typed secret and omits an empty one', async () => {
		jest.mocked( apiFetch ).mockResolvedValue( {} );
		await postCredentials( 'dropbox', {
			appKey: 'k',
			appSecret: 's',
			accessType: 'full',
		} );
		await postCredentials( 'dropbox', {
			appKey: 'k',
			appSecret: '',
			accessType: 'full',
		} );
		const bodies = jest
			.mocked( apiFetch )
			.mock.calls.map( ( [ options ] ) => options.data );
		expect( bodies ).toEqual( [
			{ appKey: 'k', appSecret: 's', accessType: 'full' },
			{ appKey: 'k', accessType: 'full' },
		] );
	} );

	it( 'sends a Google client’s id, and its secret only when typed', async () => {
		jest.mocked( apiFetch ).mockResolvedValue( {} );
		await postCredentials( 'google', {
			clientId: ' 1234.apps.googleusercontent.com ',
			clientSecret: ' GOCSPX-s ',
		} );
		await postCredentials( 'google', {
			clientId: '1234.apps.googleusercontent.com',
			clientSecret: '  ',
		} );
		const calls = jest
			.mocked( apiFetch )
			.mock.calls.map( ( [ options ] ) => [
				options.path,
				options.data,
			] );
		expect( calls ).toEqual( [
			[
				'/customer-cloud-gallery/v1/connections/google/credentials',
				{
					clientId: '1234.apps.googleusercontent.com',
					clientSecret: 'GOCSPX-s',
				},
			],
			[
				'/customer-cloud-gallery/v1/connections/google/credentials',
				{ clientId: '1234.apps.googleusercontent.com' },
			],
		] );
	} );

	describe( 'toApiError', () => {
		it( 'keeps a WordPress REST error’s code, message and status', () => {
			expect(
				toApiError( {
					code: 'ccg_invalid_state',
					message: 'The sign-in link expired.',
					data: { status: 400 },
				} )
			).toEqual( {
				code: 'ccg_invalid_state',
				message: 'The sign-in link expired.',
				status: 400,
			} );
		} );

		it.each( [
			[ 'an offline failure without message', { code: 'fetch_error' } ],
			[ 'a thrown string', 'boom' ],
			[ 'nothing', undefined ],
		] )( 'gives %s a readable message', ( _label, error ) => {
			const normalised = toApiError( error );
			expect( normalised.message ).toMatch( /request failed/ );
			expect( normalised.status ).toBeNull();
		} );
	} );
} );
