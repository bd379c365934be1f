<?php
/**
 * The fields of a provider's app credentials: an id, a secret, and any choices.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

/**
 * Dropbox calls them App key and App secret (plus the app's access type);
 * Google calls them Client ID and Client secret. Everything that stores,
 * validates or shows credentials reads the names from here.
 */
final class CredentialsForm {

	/**
	 * @param list<CredentialField> $choices Non-secret settings of the app, stored in plain text.
	 */
	public function __construct(
		public readonly CredentialField $id,
		public readonly CredentialField $secret,
		public readonly array $choices = array()
	) {}

	/**
	 * @return list<CredentialField> In display order.
	 */
	public function fields(): array {
		return array( $this->id, $this->secret, ...$this->choices );
	}
}
