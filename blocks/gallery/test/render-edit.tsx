/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import metadata from '../../../block.json';
import { mockApi } from '../../../src/api/test/mock-api';
import { renderWithProviders } from '../../../src/api/test/providers';
import type { Connection } from '../../../src/api/types';
import GalleryEdit from '../components/GalleryEdit';
import type { GalleryAttributes } from '../types';

// Placeholder measures itself; jsdom has no ResizeObserver.
global.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
};

/** Each attribute's default, as block.json declares it: the editor's starting point. */
const DEFAULTS = Object.fromEntries(
	Object.entries( metadata.attributes ).map( ( [ name, attribute ] ) => [
		name,
		attribute.default,
	] )
) as GalleryAttributes;

/**
 * Renders the block's edit in a fresh registry and QueryClient, with
 * setAttributes applying changes like the editor does.
 *
 * @param options             Attributes, connections and API options.
 * @param options.attributes  Attributes besides the defaults.
 * @param options.connections Connections already in the store.
 * @param options.api         Library and routes of the mocked API.
 * @return Helpers.
 */
export function renderEdit( {
	attributes = {},
	connections,
	api = {},
}: {
	attributes?: Partial< GalleryAttributes >;
	connections?: Connection[];
	api?: Parameters< typeof mockApi >[ 0 ];
} = {} ) {
	const apiFetch = mockApi( api );
	const setAttributes = jest.fn();
	let current: GalleryAttributes = { ...DEFAULTS, ...attributes };
	const user = userEvent.setup();
	const element = () => (
		<GalleryEdit
			attributes={ current }
			setAttributes={ setAttributes }
			previewDebounceMs={ 0 }
		/>
	);
	const utils = renderWithProviders( element(), { connections } );
	setAttributes.mockImplementation(
		( next: Partial< GalleryAttributes > ) => {
			current = { ...current, ...next };
			utils.rerender( element() );
		}
	);
	return {
		...utils,
		apiFetch,
		setAttributes,
		user,
		attributes: () => current,
	};
}

/**
 * The canvas changes element as the block moves from placeholder to preview,
 * so it is looked up again on every try.
 */
export const canvas = () =>
	screen
		.getByTestId( 'block' )
		.querySelector( ':scope > :not([data-testid])' ) as HTMLElement;
export const inCanvas = () => ( {
	findByText: ( text: string, options?: object ) =>
		waitFor( () => within( canvas() ).getByText( text, options ) ),
	findByRole: ( role: string, options?: object ) =>
		waitFor( () => within( canvas() ).getByRole( role, options ) ),
} );
export const sidebar = () => screen.getByTestId( 'sidebar' );
export const SPOKEN = '.a11y-speak-region, script, style';
