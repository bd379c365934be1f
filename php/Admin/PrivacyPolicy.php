<?php
/**
 * Suggested text for the site's privacy policy (Settings → Privacy).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Admin;

/**
 * What a visitor of a gallery should be told, in the words WordPress's
 * policy guide shows beside each plugin's name. Every sentence is one
 * docs/privacy.md backs with the code; keep the two in step.
 */
final class PrivacyPolicy {

	public function register(): void {
		add_action( 'admin_init', array( $this, 'add_suggested_text' ) );
	}

	public function add_suggested_text(): void {
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
			return;
		}
		wp_add_privacy_policy_content( __( 'Customer Cloud Gallery', 'customer-cloud-gallery' ), $this->text() );
	}

	public function text(): string {
		$paragraphs = array(
			__( 'This website shows photo galleries that are stored in the site owner’s Dropbox or Google Drive. When you view a gallery, your browser loads the photos from this website only: it does not connect to Dropbox or Google, so they do not learn that you looked at the photos.', 'customer-cloud-gallery' ),
			__( 'The photos you see are copies (thumbnails) that this website keeps in its own storage so that pages load quickly. The web address of each photo is encrypted: the photo’s storage location or identifier cannot be read from it. A photo’s file name may be shown as its description. When the site owner removes a photo or a gallery from their storage, its copies on this website are deleted within minutes.', 'customer-cloud-gallery' ),
			__( 'To protect the photo storage from automated downloading, this website counts, for each visitor’s network address, how many photos that are not yet stored on the site it asks for per minute. The address is only stored in a scrambled form (a keyed hash) that cannot be turned back into the address, the count is deleted within a few minutes, and it is used for nothing else.', 'customer-cloud-gallery' ),
			__( 'The gallery plugin sets no cookies for visitors. The name and email address of the storage account the site owner connected are stored encrypted and shown to the site’s administrators only.', 'customer-cloud-gallery' ),
		);
		$html = '<p class="privacy-policy-tutorial">' . esc_html__( 'Suggested text for the section on embedded content or on the services this website uses:', 'customer-cloud-gallery' ) . '</p>';
		foreach ( $paragraphs as $paragraph ) {
			$html .= '<p>' . esc_html( $paragraph ) . '</p>';
		}
		return $html;
	}
}
