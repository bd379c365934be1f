/**
 * Internal dependencies
 */
import { get, post } from './client';
import type { GallerySettings } from './types';

export function fetchSettings(): Promise< GallerySettings > {
	return get< GallerySettings >( '/settings' );
}

export function saveSettings(
	settings: GallerySettings
): Promise< GallerySettings > {
	return post< GallerySettings >( '/settings', { ...settings } );
}
