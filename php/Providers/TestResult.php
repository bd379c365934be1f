<?php
/**
 * The outcome of "Test connection".
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

/**
 * Every provider's test reads the same to the admin: who the provider
 * answered for, which top-level folders it sees, and what is still wrong.
 * The named constructors word that; a provider's ConnectionTest only says
 * what it learned.
 */
final class TestResult {

	/** How many folder names the message spells out. */
	private const NAMED_FOLDERS = 10;

	/**
	 * @param list<string> $visible_folders Top-level folders the connection can see.
	 */
	public function __construct(
		public readonly bool $ok,
		public readonly string $message,
		public readonly Connection $connection,
		public readonly array $visible_folders = array()
	) {}

	/**
	 * A failed result when the stored status rules a test out: nothing is
	 * connected yet, or the stored secrets cannot be decrypted (calling the
	 * provider would only fail less clearly).
	 *
	 * @param Problem $not_connected The provider's wording for "connect first".
	 */
	public static function untestable( Connection $before, Problem $not_connected ): ?self {
		if ( in_array( $before->status, array( Connection::STATUS_UNCONFIGURED, Connection::STATUS_READY ), true ) ) {
			return self::failed( $before, $before->problem ?? $not_connected );
		}
		if ( null !== $before->problem && 'credentials_unreadable' === $before->problem->code ) {
			return self::failed( $before, $before->problem );
		}
		return null;
	}

	public static function failed( Connection $connection, Problem $problem ): self {
		return new self( false, $problem->message . ' ' . $problem->fix, $connection->with_problem( $problem ) );
	}

	/**
	 * The provider answered: ok when the connection, built again after the
	 * calls, is connected; any problem it still has is spelled out.
	 *
	 * @param string       $answered    Who the provider answered for, in the provider's words.
	 * @param string       $none_seen   What "no folders" means at this provider.
	 * @param list<string> $folders     Top-level folders, as display paths.
	 * @param bool         $all_folders Whether $folders is all of them (a huge top level is read only in part).
	 * @param string       $thumbnail   What fetching a photo's thumbnail showed, as a sentence.
	 */
	public static function answered( Connection $after, string $answered, string $none_seen, array $folders, bool $all_folders = true, string $thumbnail = '' ): self {
		$sentences = array( $answered );

		if ( array() === $folders && $all_folders ) {
			$sentences[] = $none_seen;
		} else {
			$sentences[] = sprintf(
				/* translators: %s: comma-separated folder paths, e.g. "/Weddings, /Portraits", maybe followed by "and 12 more". */
				__( 'Top-level folders it sees: %s.', 'customer-cloud-gallery' ),
				self::folder_list( $folders, $all_folders )
			);
		}
		if ( '' !== $thumbnail ) {
			$sentences[] = $thumbnail;
		}

		if ( null !== $after->problem ) {
			$sentences[] = $after->problem->message;
			$sentences[] = $after->problem->fix;
		}
		return new self( $after->is_connected(), implode( ' ', $sentences ), $after, $folders );
	}

	/**
	 * The first few folders by name, and how many more there are.
	 *
	 * @param list<string> $folders
	 */
	private static function folder_list( array $folders, bool $all_folders ): string {
		$shown = implode( ', ', array_slice( $folders, 0, self::NAMED_FOLDERS ) );
		$rest  = count( $folders ) - min( count( $folders ), self::NAMED_FOLDERS );
		if ( $all_folders ) {
			return 0 === $rest ? $shown : sprintf(
				/* translators: 1: comma-separated folder paths, 2: how many more folders there are. */
				_n( '%1$s and %2$s more', '%1$s and %2$s more', $rest, 'customer-cloud-gallery' ),
				$shown,
				number_format_i18n( $rest )
			);
		}
		if ( '' === $shown ) {
			return __( 'more than could be counted', 'customer-cloud-gallery' );
		}
		return sprintf(
			/* translators: 1: comma-separated folder paths, 2: how many more folders were counted before counting stopped. */
			_n( '%1$s and at least %2$s more', '%1$s and at least %2$s more', max( 1, $rest ), 'customer-cloud-gallery' ),
			$shown,
			number_format_i18n( max( 1, $rest ) )
		);
	}
}
