/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AccessType } from '../../store/connections';

export const APP_CONSOLE_URL = 'https://www.dropbox.com/developers/apps';

export const REQUIRED_SCOPES = [
	'files.metadata.read',
	'files.content.read',
] as const;

/**
 * Dropbox's name for an access type, as in its App Console.
 *
 * @param accessType Access type.
 * @return Translated name.
 */
export function getAccessTypeLabel( accessType: AccessType ): string {
	return accessType === 'app_folder'
		? __( 'App folder', 'customer-cloud-gallery' )
		: __( 'Full Dropbox', 'customer-cloud-gallery' );
}
