/**
 * Internal dependencies
 */
import { readSettingsConfig } from '../config';

describe( 'readSettingsConfig', () => {
	it( 'reads what the page printed', () => {
		expect(
			readSettingsConfig( {
				notice: {
					status: 'warning',
					message: 'You cancelled on Dropbox.',
					fix: 'Click Connect Dropbox and approve.',
					code: 'access_denied',
				},
			} )
		).toEqual( {
			notice: {
				status: 'warning',
				message: 'You cancelled on Dropbox.',
				fix: 'Click Connect Dropbox and approve.',
				code: 'access_denied',
			},
		} );
	} );

	it( 'still renders without the page’s object', () => {
		expect( readSettingsConfig( undefined ) ).toEqual( {
			notice: null,
		} );
	} );

	it( 'drops a notice without a message and repairs an unknown status', () => {
		expect(
			readSettingsConfig( {
				notice: { status: 'success', message: '' },
			} ).notice
		).toBeNull();
		expect(
			readSettingsConfig( {
				notice: {
					status: 'bogus' as 'info',
					message: 'Connected.',
				},
			} ).notice
		).toEqual( { status: 'info', message: 'Connected.' } );
	} );
} );
