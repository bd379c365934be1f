/**
 * External dependencies
 */
import { QueryClientProvider } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { queryClient } from '../api/query-client';
import SettingsScreen from './components/SettingsScreen';
import { readSettingsConfig } from './config';
import './style.scss';

/**
 * Renders the screen into the root the Settings page printed.
 *
 * @param root Mount point.
 */
function renderSettings( root: HTMLElement ): void {
	createRoot( root ).render(
		<QueryClientProvider client={ queryClient }>
			<SettingsScreen config={ readSettingsConfig() } />
		</QueryClientProvider>
	);
}

function mount(): void {
	const root = document.getElementById( 'ccg-settings-root' );
	if ( root ) {
		renderSettings( root );
	}
}

// The page may print this script in the head, before the root exists.
if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', mount, { once: true } );
} else {
	mount();
}
