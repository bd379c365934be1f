/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AccessType, Connection } from '../../store/connections';
import type { ProviderTexts } from '../types';

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

/**
 * What "no gallery folder" means for this connection.
 *
 * @param connection The Dropbox connection.
 * @return Translated label.
 */
export function defaultRootLabel( connection: Connection ): string {
	return connection.accessType === 'app_folder'
		? __( 'The App folder', 'customer-cloud-gallery' )
		: __( 'The whole Dropbox', 'customer-cloud-gallery' );
}

/**
 * @return The Dropbox section's words.
 */
export function dropboxTexts(): ProviderTexts {
	return {
		name: __( 'Dropbox', 'customer-cloud-gallery' ),
		connectLabel: __( 'Connect Dropbox', 'customer-cloud-gallery' ),
		connectHint: __(
			'Save your app credentials first.',
			'customer-cloud-gallery'
		),
		guideTitle: __( 'Dropbox — step-by-step', 'customer-cloud-gallery' ),
		notSetUp: __(
			'Not set up yet. Follow “Dropbox — step-by-step” below, then save your App key and App secret.',
			'customer-cloud-gallery'
		),
		disconnectQuestion: __(
			'Disconnect Dropbox?',
			'customer-cloud-gallery'
		),
		disconnectConsequence: __(
			'This deletes the site’s access to Dropbox and everything cached from it: folder listings, photo details and thumbnails. Galleries that show Dropbox folders show visitors a neutral message until you connect again. Your app credentials stay saved.',
			'customer-cloud-gallery'
		),
		folderTreeLabel: __( 'Folders in Dropbox', 'customer-cloud-gallery' ),
	};
}
