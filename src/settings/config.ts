/**
 * Internal dependencies
 */
import type { OAuthNotice, SettingsConfig } from './types';

const STATUSES: ReadonlyArray< OAuthNotice[ 'status' ] > = [
	'success',
	'error',
	'warning',
	'info',
];

function readNotice( value: unknown ): OAuthNotice | null {
	if ( typeof value !== 'object' || value === null ) {
		return null;
	}
	const { status, message, fix, code } = value as Record< string, unknown >;
	if ( typeof message !== 'string' || message === '' ) {
		return null;
	}
	return {
		status: STATUSES.find( ( known ) => known === status ) ?? 'info',
		message,
		...( typeof fix === 'string' && fix !== '' ? { fix } : {} ),
		...( typeof code === 'string' ? { code } : {} ),
	};
}

/**
 * Reads the page's `window.ccgSettings`, tolerating a missing or partial one
 * so the screen still renders (without the one-time notice).
 *
 * @param source The object the page printed.
 * @return The screen's configuration.
 */
export function readSettingsConfig(
	source: Window[ 'ccgSettings' ] = window.ccgSettings
): SettingsConfig {
	return {
		notice: readNotice( source?.notice ),
	};
}
