/**
 * Internal dependencies
 */
import { readSettingsConfig } from '../config';

describe( 'readSettingsConfig', () => {
	it( 'reads what the page printed', () => {
		expect(
			readSettingsConfig( {
				restNamespace: 'customer-cloud-gallery/v1',
				settingsUrl: 'http://localhost:8888/wp-admin/admin.php?page=x',
				notice: {
					status: 'warning',
					message: 'You cancelled on Dropbox.',
					fix: 'Click Connect Dropbox and approve.',
					code: 'access_denied',
				},
			} )
		).toEqual( {
			restNamespace: 'customer-cloud-gallery/v1',
			settingsUrl: 'http://localhost:8888/wp-admin/admin.php?page=x',
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
			restNamespace: 'customer-cloud-gallery/v1',
			settingsUrl: '',
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
