<?php
/**
 * A provider the admin connects with their own OAuth app: connect, status,
 * test and disconnect.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\ConnectionCheck;
use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\TestResult;

/**
 * A facade: each operation is its own class; the test is the provider's own.
 */
final class OAuthAppProvider implements Provider {

	public function __construct(
		private ProviderDescription $description,
		private ConnectionFactory $connections,
		private Authorization $authorization,
		private Disconnection $disconnection,
		private ConnectionCheck $connection_test,
		private HealthStore $health
	) {}

	public function id(): string {
		return $this->description->id();
	}

	public function label(): string {
		return $this->description->label();
	}

	public function connection(): Connection {
		return $this->connections->build();
	}

	public function authorization_url( string $state, string $code_challenge, string $redirect_uri ): string {
		return $this->authorization->url( $state, $code_challenge, $redirect_uri );
	}

	public function complete_authorization( string $code, string $code_verifier, string $redirect_uri ): Connection {
		$this->authorization->complete( $code, $code_verifier, $redirect_uri );
		return $this->connection();
	}

	public function disconnect(): Connection {
		$problem    = $this->disconnection->run();
		$connection = $this->connection();
		return null === $problem ? $connection : $connection->with_problem( $problem );
	}

	public function test(): TestResult {
		return $this->connection_test->run();
	}

	public function refused_since(): ?int {
		return $this->health->refused_since();
	}
}
