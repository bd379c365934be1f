<?php
/**
 * Window counters as rows of the options table, for sites without a
 * persistent object cache (most hosts).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Storage\Keys;

/**
 * One row per key and window, "ccg_miss_<window start>_<key>". The database
 * makes each step atomic: an UPDATE adds one under the row's lock, and the
 * unique index on option_name lets exactly one of two racing INSERTs create
 * the row. update_option() cannot be used: it reads, then writes, so two
 * processes would both write the same count.
 *
 * The window start leads the name (ten digits until 2286), so the rows of
 * earlier windows sort before the current one and are deleted by one range
 * query, run by whichever process opens a window for a key, and by a
 * WP-Cron event two windows later, so no count outlives its use by more
 * than that even when no later request comes.
 */
final class OptionCounter implements WindowCounter {

	public const FORGET_HOOK = 'ccg_forget_miss_counts';

	public function increment( string $key, int $window_start, int $window ): int {
		$name = Keys::MISS_BUDGET_PREFIX . $window_start . '_' . $key;
		if ( ! $this->add_one( $name ) ) {
			if ( $this->insert( $name ) ) {
				$this->forget_before( $window_start );
				if ( false === wp_next_scheduled( self::FORGET_HOOK ) ) {
					wp_schedule_single_event( $window_start + 2 * $window, self::FORGET_HOOK );
				}
				return 1;
			}
			// Another process created the row first.
			$this->add_one( $name );
		}
		return $this->read( $name );
	}

	private function add_one( string $name ): bool {
		global $wpdb;

		return 1 === $wpdb->query(
			$wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = option_value + 1 WHERE option_name = %s", $name )
		);
	}

	private function insert( string $name ): bool {
		global $wpdb;

		$suppressed = $wpdb->suppress_errors( true );
		$inserted   = $wpdb->query(
			$wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, '1', 'off')", $name )
		);
		$wpdb->suppress_errors( $suppressed );
		return 1 === $inserted;
	}

	private function read( string $name ): int {
		global $wpdb;

		return (int) $wpdb->get_var(
			$wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name )
		);
	}

	public function forget_before( int $window_start ): void {
		global $wpdb;

		$wpdb->query(
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s AND option_name < %s",
				$wpdb->esc_like( Keys::MISS_BUDGET_PREFIX ) . '%',
				Keys::MISS_BUDGET_PREFIX . $window_start
			)
		);
	}
}
