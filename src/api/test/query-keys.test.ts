/**
 * Internal dependencies
 */
import { queryKeys } from '../query-keys';

describe( 'queryKeys', () => {
	it( 'keys a folder listing by provider, folder and scope', () => {
		expect( queryKeys.folder( 'dropbox', 'id:abc' ) ).toEqual( [
			'dropbox',
			'folder',
			'id:abc',
			'gallery',
		] );
		expect( queryKeys.folder( 'dropbox', '', 'all' ) ).toEqual( [
			'dropbox',
			'folder',
			'',
			'all',
		] );
	} );

	it( 'gives every folder of a provider one prefix to invalidate', () => {
		const prefix = queryKeys.folders( 'dropbox' );
		expect( queryKeys.folder( 'dropbox', 'id:abc' ).slice( 0, 2 ) ).toEqual(
			prefix
		);
		expect( queryKeys.folder( 'google', 'x' ).slice( 0, 2 ) ).not.toEqual(
			prefix
		);
	} );

	it( 'keeps the gallery root and the whole-account root apart', () => {
		expect( queryKeys.folder( 'dropbox', '' ) ).not.toEqual(
			queryKeys.folder( 'dropbox', '', 'all' )
		);
	} );

	it( 'keys previews by post and attributes under one prefix', () => {
		const key = queryKeys.preview( { columns: 3 }, 12 );
		expect( key ).toEqual( [ 'preview', 12, { columns: 3 } ] );
		expect( key[ 0 ] ).toBe( queryKeys.previews()[ 0 ] );
		expect( queryKeys.settings() ).toEqual( [ 'settings' ] );
	} );
} );
