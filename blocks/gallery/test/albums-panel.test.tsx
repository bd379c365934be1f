/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import AlbumsPanel from '../components/AlbumsPanel';

describe( 'AlbumsPanel', () => {
	it( 'turns albums on, and offers the depth only then', () => {
		const setAttributes = jest.fn();
		const { rerender } = render(
			<AlbumsPanel
				attributes={ { albums: false, albumDepth: 1 } }
				setAttributes={ setAttributes }
			/>
		);
		fireEvent.click( screen.getByRole( 'button', { name: 'Albums' } ) );
		expect(
			screen.queryByRole( 'spinbutton', { name: 'Album levels' } )
		).not.toBeInTheDocument();

		fireEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Show subfolders as albums',
			} )
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( { albums: true } );

		rerender(
			<AlbumsPanel
				attributes={ { albums: true, albumDepth: 1 } }
				setAttributes={ setAttributes }
			/>
		);
		fireEvent.change(
			screen.getByRole( 'spinbutton', { name: 'Album levels' } ),
			{ target: { value: '3' } }
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( { albumDepth: 3 } );
	} );
} );
