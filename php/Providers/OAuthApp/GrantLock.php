<?php
/**
 * Serializes what changes a provider's stored grant: refresh, connect,
 * reconnect and disconnect.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Cache\Locks;

/**
 * The same lock OAuth\TokenRefresh takes around a refresh, so a refresh that
 * is under way when the admin presses Disconnect or Reconnect finishes (and
 * saves) before the grant is replaced, instead of saving the old grant back
 * afterwards. A refresh that dies holds it at most its TTL; past the wait the
 * change goes ahead anyway, and AccessTokens' compare-before-save keeps the
 * old grant from coming back.
 */
final class GrantLock {

	/** As long as a refresh may hold the lock (TokenRefresh's TTL). */
	private const TTL = 30;

	private const POLL_MICROS = 100000;

	public function __construct( private Locks $locks, private string $name, private float $wait_seconds = 20.0 ) {}

	/**
	 * @template T
	 *
	 * @param callable(): T $change
	 *
	 * @return T
	 */
	public function hold( callable $change ): mixed {
		$lock     = $this->locks->create( $this->name, self::TTL );
		$deadline = microtime( true ) + $this->wait_seconds;
		$held     = $lock->acquire();
		while ( ! $held && microtime( true ) < $deadline ) {
			usleep( self::POLL_MICROS );
			$held = $lock->acquire();
		}
		try {
			return $change();
		} finally {
			if ( $held ) {
				$lock->release();
			}
		}
	}
}
