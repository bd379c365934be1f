<?php
/**
 * Dropbox as a Provider: connect, status, test and disconnect.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\TestResult;

/**
 * A facade: each operation is its own class.
 */
final class DropboxProvider implements Provider {

	public const ID = 'dropbox';

	public function __construct(
		private ConnectionFactory $connections,
		private Authorization $authorization,
		private Disconnection $disconnection,
		private ConnectionTest $connection_test
	) {}

	public static function label_text(): string {
		return __( 'Dropbox', 'customer-cloud-gallery' );
	}

	public function id(): string {
		return self::ID;
	}

	public function label(): string {
		return self::label_text();
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
}
