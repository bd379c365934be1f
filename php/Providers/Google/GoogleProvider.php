<?php
/**
 * Google Drive as a Provider: connect, status, test and disconnect.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\TestResult;

/**
 * A facade: each operation is its own class.
 */
final class GoogleProvider implements Provider {

	public const ID = 'google';

	public function __construct(
		private ConnectionFactory $connections,
		private Authorization $authorization,
		private Disconnection $disconnection,
		private ConnectionTest $connection_test
	) {}

	public static function label_text(): string {
		return __( 'Google Drive', 'customer-cloud-gallery' );
	}

	/** The name galleries show for the account's own drive. */
	public static function my_drive_label(): string {
		return __( 'My Drive', 'customer-cloud-gallery' );
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
