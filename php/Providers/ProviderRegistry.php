<?php
/**
 * The providers this site can connect to, by id.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

final class ProviderRegistry {

	/** @var array<string, Provider> */
	private array $providers = array();

	/**
	 * @param list<Provider> $providers
	 */
	public function __construct( array $providers ) {
		foreach ( $providers as $provider ) {
			$this->providers[ $provider->id() ] = $provider;
		}
	}

	/**
	 * @return list<Provider>
	 */
	public function all(): array {
		return array_values( $this->providers );
	}

	/**
	 * @return list<string>
	 */
	public function ids(): array {
		return array_keys( $this->providers );
	}

	public function get( string $id ): ?Provider {
		return $this->providers[ $id ] ?? null;
	}
}
