/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProviderTexts } from '../types';

export const CLOUD_CONSOLE_URL = 'https://console.cloud.google.com/';

/** The one scope the plugin asks for: see and download Drive files. */
export const DRIVE_READONLY_SCOPE =
	'https://www.googleapis.com/auth/drive.readonly';

/**
 * @return The Google Drive section's words.
 */
export function googleTexts(): ProviderTexts {
	return {
		name: __( 'Google Drive', 'customer-cloud-gallery' ),
		connectLabel: __( 'Connect Google Drive', 'customer-cloud-gallery' ),
		connectHint: __(
			'Save your Client ID and Client secret first.',
			'customer-cloud-gallery'
		),
		guideTitle: __(
			'Google Drive — step-by-step',
			'customer-cloud-gallery'
		),
		notSetUp: __(
			'Not set up yet. Follow “Google Drive — step-by-step” below, then save your Client ID and Client secret.',
			'customer-cloud-gallery'
		),
		disconnectQuestion: __(
			'Disconnect Google Drive?',
			'customer-cloud-gallery'
		),
		disconnectConsequence: __(
			'This deletes the site’s access to Google Drive and everything cached from it: folder listings and thumbnails. Galleries that show Google Drive folders show visitors a neutral message until you connect again. Your Client ID and Client secret stay saved.',
			'customer-cloud-gallery'
		),
		folderTreeLabel: __(
			'Folders in Google Drive',
			'customer-cloud-gallery'
		),
	};
}
