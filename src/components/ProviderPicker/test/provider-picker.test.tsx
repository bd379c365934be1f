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
	googleConnectedConnection,
} from '../../../store/connections/test/fixtures';
import ProviderPicker from '..';
import { formatProviderList } from '../labels';

describe( 'ProviderPicker', () => {
	it( 'lists every provider and disables those that cannot be used, saying why', () => {
		render(
			<ProviderPicker
				connections={ [
					connectedConnection(),
					dropboxConnection( {
						provider: 'google',
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

	it( 'offers a connected Google Drive and says nothing more', async () => {
		const onChange = jest.fn();
		render(
			<ProviderPicker
				connections={ [
					connectedConnection(),
					googleConnectedConnection(),
				] }
				value="dropbox"
				onChange={ onChange }
			/>
		);
		const select = screen.getByRole( 'combobox' );
		expect( select ).not.toHaveAttribute( 'aria-describedby' );

		await userEvent.selectOptions( select, 'Google Drive' );
		expect( onChange ).toHaveBeenCalledWith( 'google' );
	} );
} );

describe( 'formatProviderList', () => {
	it( 'joins provider names as alternatives', () => {
		expect( formatProviderList( [ 'dropbox' ] ) ).toBe( 'Dropbox' );
		expect( formatProviderList( [ 'dropbox', 'google' ] ) ).toBe(
			'Dropbox or Google Drive'
		);
		expect( formatProviderList( [] ) ).toBe( '' );
	} );
} );
