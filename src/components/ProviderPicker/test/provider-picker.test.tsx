/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import {
	connectedConnection,
	dropboxConnection,
} from '../../../store/connections/test/fixtures';
import ProviderPicker from '..';

describe( 'ProviderPicker', () => {
	it( 'lists every provider and disables those that cannot be used, saying why', () => {
		render(
			<ProviderPicker
				connections={ [
					connectedConnection(),
					dropboxConnection( {
						provider: 'google-drive',
						label: 'Google Drive',
					} ),
				] }
				value="dropbox"
				onChange={ jest.fn() }
			/>
		);
		const select = screen.getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		expect(
			within( select ).getByRole( 'option', { name: 'Dropbox' } )
		).toBeEnabled();
		expect(
			within( select ).getByRole( 'option', {
				name: 'Google Drive — not connected yet',
			} )
		).toBeDisabled();
	} );

	it( 'says when a connection needs attention', () => {
		render(
			<ProviderPicker
				connections={ [
					connectedConnection( { status: 'needs_attention' } ),
				] }
				value=""
				onChange={ jest.fn() }
			/>
		);
		expect(
			screen.getByRole( 'option', { name: 'Dropbox — needs attention' } )
		).toBeDisabled();
	} );

	it( 'reports a usable choice', async () => {
		const onChange = jest.fn();
		render(
			<ProviderPicker
				connections={ [ connectedConnection() ] }
				value=""
				onChange={ onChange }
			/>
		);
		await userEvent.selectOptions(
			screen.getByRole( 'combobox' ),
			'Dropbox'
		);
		expect( onChange ).toHaveBeenCalledWith( 'dropbox' );
	} );
} );
