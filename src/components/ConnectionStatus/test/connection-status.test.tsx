/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import ConnectionStatus from '..';

describe( 'ConnectionStatus', () => {
	it.each( [
		[ 'unconfigured', 'Not set up' ],
		[ 'ready', 'Ready to connect' ],
		[ 'connected', 'Connected' ],
		[ 'needs_attention', 'Needs attention' ],
	] as const )( 'names the %s status in words', ( status, label ) => {
		const { container } = render( <ConnectionStatus status={ status } /> );
		expect( screen.getByText( label ) ).toBeInTheDocument();
		expect( container.firstChild ).toHaveClass(
			`ccg-connection-status--${ status }`
		);
	} );
} );
