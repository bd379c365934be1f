/**
 * WordPress dependencies
 */
import { createReduxStore, register, select } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as actions from './actions';
import { STORE_NAME } from './constants';
import reducer, { initialState } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';
import type { State } from './types';

/**
 * Connections to cloud providers and the state of requests about them.
 */
export const store = createReduxStore<
	State,
	typeof actions,
	typeof selectors
>( STORE_NAME, {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
} );

/*
 * The Settings screen and the block editor script each bundle this module but
 * share the page's `wp.data`; a second register() would log an error. An
 * unregistered store selects as undefined, which the types do not admit.
 */
if ( ! ( select( store ) as unknown ) ) {
	register( store );
}

export type * from './types';
