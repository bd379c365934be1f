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
	exampleConnection,
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

describe( 'ProviderPicker with a provider only the server knows', () => {
	it( 'lists it by its connection’s label and reports its id', async () => {
		const onChange = jest.fn();
		render(
			<ProviderPicker
				connections={ [
					connectedConnection(),
					exampleConnection( { status: 'connected' } ),
				] }
				value="dropbox"
				onChange={ onChange }
			/>
		);
		const select = screen.getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		expect(
			within( select ).getByRole( 'option', { name: 'Example Cloud' } )
		).toBeEnabled();

		await userEvent.selectOptions( select, 'Example Cloud' );
		expect( onChange ).toHaveBeenCalledWith( 'example' );
	} );

	it( 'says why it cannot be used yet, and where to connect it', () => {
		render(
			<ProviderPicker
				connections={ [ connectedConnection(), exampleConnection() ] }
				value="dropbox"
				onChange={ jest.fn() }
			/>
		);
		expect(
			screen.getByRole( 'option', {
				name: 'Example Cloud — not connected yet',
			} )
		).toBeDisabled();
		expect(
			screen.getByRole( 'link', {
				name: 'Customer Cloud Gallery → Settings',
			} ).parentElement
		).toHaveTextContent(
			'To use Example Cloud, connect it in Customer Cloud Gallery → Settings.'
		);
	} );
} );

describe( 'formatProviderList', () => {
	it( 'joins provider names as alternatives', () => {
		expect( formatProviderList( [ 'dropbox' ] ) ).toBe( 'Dropbox' );
		expect( formatProviderList( [ 'dropbox', 'google' ] ) ).toBe(
			'Dropbox or Google Drive'
		);
		expect( formatProviderList( [] ) ).toBe( '' );
		expect(
			formatProviderList(
				[ 'dropbox', 'example' ],
				[ exampleConnection() ]
			)
		).toBe( 'Dropbox or Example Cloud' );
	} );
} );
