/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import LayoutPanel from '../components/LayoutPanel';
import type { GalleryAttributes } from '../types';

type Shown = Pick<
	GalleryAttributes,
	'layout' | 'rowHeight' | 'columns' | 'gap' | 'aspectRatio' | 'perPage'
>;

const DEFAULTS: Shown = {
	layout: 'grid',
	rowHeight: 240,
	columns: 3,
	gap: 8,
	aspectRatio: '1',
	perPage: 24,
};

function renderPanel( initial: Partial< Shown > = {} ) {
	const changes: Array< Partial< GalleryAttributes > > = [];
	function Stateful() {
		const [ attributes, setState ] = useState< Shown >( {
			...DEFAULTS,
			...initial,
		} );
		return (
			<LayoutPanel
				attributes={ attributes }
				setAttributes={ ( next ) => {
					changes.push( next );
					setState( ( current ) => ( { ...current, ...next } ) );
				} }
			/>
		);
	}
	render( <Stateful /> );
	return { user: userEvent.setup(), changes };
}

const control = ( role: 'combobox' | 'spinbutton', name: string ) =>
	screen.queryByRole( role, { name } );

describe( 'LayoutPanel', () => {
	it( 'offers grid, justified and masonry, with the settings each one uses', async () => {
		const { user, changes } = renderPanel();
		const layout = screen.getByRole( 'combobox', { name: 'Layout' } );
		expect(
			Array.from(
				( layout as HTMLSelectElement ).options,
				( option ) => option.textContent
			)
		).toEqual( [ 'Grid', 'Justified', 'Masonry' ] );
		expect( control( 'combobox', 'Crop to aspect ratio' ) ).not.toBeNull();
		expect( control( 'spinbutton', 'Columns' ) ).not.toBeNull();
		expect( control( 'spinbutton', 'Row height (px)' ) ).toBeNull();

		await user.selectOptions( layout, 'Justified' );
		expect( changes.at( -1 ) ).toEqual( { layout: 'justified' } );
		expect(
			screen.getByText(
				'Rows of equal height that fill the width; each photo keeps its shape.'
			)
		).toBeInTheDocument();
		expect( control( 'combobox', 'Crop to aspect ratio' ) ).toBeNull();
		expect( control( 'spinbutton', 'Columns' ) ).toBeNull();
		const rowHeight = control( 'spinbutton', 'Row height (px)' )!;
		expect( rowHeight ).toHaveValue( 240 );
		await user.clear( rowHeight );
		await user.type( rowHeight, '300' );
		expect( changes.at( -1 ) ).toEqual( { rowHeight: 300 } );

		await user.selectOptions( layout, 'Masonry' );
		expect( changes.at( -1 ) ).toEqual( { layout: 'masonry' } );
		expect( control( 'combobox', 'Crop to aspect ratio' ) ).toBeNull();
		expect( control( 'spinbutton', 'Columns' ) ).not.toBeNull();
		expect( control( 'spinbutton', 'Row height (px)' ) ).toBeNull();
		// Space and page size mean the same in every layout.
		expect(
			control( 'spinbutton', 'Space between photos (px)' )
		).not.toBeNull();
		expect( control( 'spinbutton', 'Photos per page' ) ).not.toBeNull();

		await user.selectOptions( layout, 'Grid' );
		expect( control( 'combobox', 'Crop to aspect ratio' ) ).toHaveValue(
			'1'
		);
	} );
} );
