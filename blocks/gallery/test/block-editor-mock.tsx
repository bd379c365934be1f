/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/*
 * What the block's edit uses of @wordpress/block-editor, rendered in place
 * with test ids: `jest.mock( '@wordpress/block-editor', () =>
 * jest.requireActual( './block-editor-mock' ) )`.
 */

export const useBlockProps = ( props: Record< string, unknown > = {} ) => ( {
	...props,
	'data-testid': 'block',
} );

export const InspectorControls = ( { children }: { children: ReactNode } ) => (
	<div data-testid="sidebar">{ children }</div>
);

export const BlockControls = ( { children }: { children: ReactNode } ) => (
	<div data-testid="toolbar">{ children }</div>
);
