<?php
/**
 * How long galleries keep serving from the cache after a provider refused the grant.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use Closure;
use CustomerCloudGallery\Providers\ProviderRegistry;

/**
 * A grant revoked at the provider (the photographer removed the app from
 * their Dropbox or Google account, or the provider ended it), not by
 * Disconnect, which purges at once. Published galleries keep showing what is
 * cached for a grace period, 7 days unless the `ccg_revoked_grace_seconds`
 * filter says otherwise, while administrators see a notice counting down
 * (Admin\GrantGraceNotice); after it, visitors see the neutral message and
 * the provider's cache is purged.
 */
final class GrantGrace {

	private const DEFAULT_SECONDS = 7 * DAY_IN_SECONDS;

	/**
	 * @param Closure(): ProviderRegistry $providers
	 */
	public function __construct( private Closure $providers ) {}

	/**
	 * When the provider's grace period ends; null while its grant works.
	 */
	public function ends_at( string $provider ): ?int {
		$since = ( $this->providers )()->get( $provider )?->refused_since();
		return null === $since ? null : $since + self::seconds();
	}

	public function over( string $provider ): bool {
		$ends = $this->ends_at( $provider );
		return null !== $ends && time() >= $ends;
	}

	public static function seconds(): int {
		/**
		 * How long galleries keep serving cached photos after the provider refused the grant.
		 *
		 * @param int $seconds 7 days.
		 */
		return max( 0, (int) apply_filters( 'ccg_revoked_grace_seconds', self::DEFAULT_SECONDS ) );
	}
}
