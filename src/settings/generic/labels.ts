/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProviderTexts } from '../types';

/**
 * The words of a section for a provider the screen has no words of its own
 * for, made from the name the server gives it.
 *
 * @param name The provider's name, e.g. "Example Cloud".
 * @return The section's words.
 */
export function genericTexts( name: string ): ProviderTexts {
	return {
		name,
		connectLabel: sprintf(
			/* translators: %s: provider name, e.g. Dropbox. */
			__( 'Connect %s', 'customer-cloud-gallery' ),
			name
		),
		connectHint: __(
			'Save your credentials first.',
			'customer-cloud-gallery'
		),
		notSetUp: sprintf(
			/* translators: %s: provider name, e.g. Dropbox. */
			__(
				'Not set up yet. Save your %s credentials below, then connect.',
				'customer-cloud-gallery'
			),
			name
		),
		disconnectQuestion: sprintf(
			/* translators: %s: provider name, e.g. Dropbox. */
			__( 'Disconnect %s?', 'customer-cloud-gallery' ),
			name
		),
		disconnectConsequence: sprintf(
			/* translators: %1$s: provider name, e.g. Dropbox. */
			__(
				'This deletes the site’s access to %1$s and everything cached from it: folder listings and thumbnails. Galleries that show %1$s folders show visitors a neutral message until you connect again. Your credentials stay saved.',
				'customer-cloud-gallery'
			),
			name
		),
		folderTreeLabel: sprintf(
			/* translators: %s: provider name, e.g. Dropbox. */
			__( 'Folders in %s', 'customer-cloud-gallery' ),
			name
		),
	};
}
