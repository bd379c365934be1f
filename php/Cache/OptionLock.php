<?php
/**
 * A lock held as a row of the options table, for sites without a persistent
 * object cache (most hosts).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Storage\Keys;

/**
 * The unique index on option_name makes the INSERT the atomic step: of two
 * processes inserting the same row, exactly one affects a row. add_option()
 * cannot be used: it upserts. The row's value is "<expires at>:<owner>", so a
 * lock whose holder died is recovered after its TTL, and a process only ever
 * deletes the exact row it saw (never one a third process just took).
 */
final class OptionLock implements Lock {

	private ?string $value = null;

	public function __construct( private string $name, private int $ttl ) {}

	public function acquire(): bool {
		if ( $this->insert() ) {
			return true;
		}
		$held = $this->held_value();
		if ( null !== $held && $this->expired( $held ) ) {
			$this->delete_row( $held );
			return $this->insert();
		}
		return false;
	}

	public function release(): void {
		if ( null !== $this->value ) {
			$this->delete_row( $this->value );
		}
		$this->value = null;
	}

	private function insert(): bool {
		global $wpdb;

		$value      = ( time() + $this->ttl ) . ':' . wp_generate_uuid4();
		$suppressed = $wpdb->suppress_errors( true );
		$inserted   = $wpdb->query(
			$wpdb->prepare(
				"INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')",
				$this->option_name(),
				$value
			)
		);
		$wpdb->suppress_errors( $suppressed );

		if ( 1 !== $inserted ) {
			return false;
		}
		$this->value = $value;
		return true;
	}

	private function held_value(): ?string {
		global $wpdb;

		$value = $wpdb->get_var(
			$wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $this->option_name() )
		);
		return is_string( $value ) ? $value : null;
	}

	private function expired( string $value ): bool {
		return (int) strtok( $value, ':' ) < time();
	}

	private function delete_row( string $value ): void {
		global $wpdb;

		$wpdb->query(
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s",
				$this->option_name(),
				$value
			)
		);
	}

	private function option_name(): string {
		return Keys::LOCK_PREFIX . $this->name;
	}
}
