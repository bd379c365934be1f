<?php
/**
 * One field of a provider's app credentials, as stored and as the Settings form shows it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

final class CredentialField {

	public const KIND_ID     = 'id';
	public const KIND_SECRET = 'secret';
	public const KIND_CHOICE = 'choice';

	/**
	 * @param string                $name       Its name in REST and JSON, e.g. "appKey".
	 * @param string                $stored     Its key in the stored option, e.g. "app_key".
	 * @param string                $kind       One of the KIND_* constants.
	 * @param string                $label      The form's label, e.g. "App key".
	 * @param string                $help       What to paste or pick, for the form and the REST schema.
	 * @param int                   $max_length For id and secret.
	 * @param array<string, string> $options    For a choice: value => label; the first is the default.
	 */
	public function __construct(
		public readonly string $name,
		public readonly string $stored,
		public readonly string $kind,
		public readonly string $label,
		public readonly string $help,
		public readonly int $max_length = 128,
		public readonly array $options = array()
	) {}

	/**
	 * What the Settings screen needs to draw the field (never a value).
	 *
	 * @return array<string, mixed>
	 */
	public function to_json(): array {
		$json = array(
			'name'  => $this->name,
			'label' => $this->label,
			'kind'  => $this->kind,
			'help'  => $this->help,
		);
		if ( self::KIND_CHOICE === $this->kind ) {
			$json['options'] = array();
			foreach ( $this->options as $value => $label ) {
				$json['options'][] = array(
					'value' => (string) $value,
					'label' => $label,
				);
			}
		}
		return $json;
	}

	/** For a choice: the value a missing or unknown stored one reads as. */
	public function default_choice(): string {
		return (string) array_key_first( $this->options );
	}
}
