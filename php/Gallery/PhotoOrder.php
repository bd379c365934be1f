<?php
/**
 * The order a gallery shows its photos in.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * What the block asked for (its sortBy and sortOrder); Listing::page()
 * applies it to its rows. A provider's own listing order is unspecified, so
 * every order shown once a listing is complete is one of these.
 *
 * Image URLs carry the order as a one-letter code (ImageRef::$order), so a
 * thumbnail missed by a visitor's browser can be fetched together with its
 * neighbours on the same page (Images\MissBatch).
 */
final class PhotoOrder {

	public const NAME = 'name';

	public const TAKEN = 'taken';

	public const MODIFIED = 'modified';

	/** Every code() and "" (the listed order). */
	public const CODES = array( '', 'n', 'N', 't', 'T', 'm', 'M' );

	/**
	 * @param string $by One of the constants; anything else sorts by name.
	 */
	public function __construct(
		public readonly string $by,
		public readonly bool $descending = false
	) {}

	/**
	 * "n", "t" or "m", capitalised when descending.
	 */
	public function code(): string {
		$letter = match ( $this->by ) {
			self::TAKEN    => 't',
			self::MODIFIED => 'm',
			default        => 'n',
		};
		return $this->descending ? strtoupper( $letter ) : $letter;
	}

	/**
	 * The order of a code(); null for "" (the provider's listed order, shown
	 * while a listing is still being counted) or anything else.
	 */
	public static function from_code( string $code ): ?self {
		$by = match ( strtolower( $code ) ) {
			't'     => self::TAKEN,
			'm'     => self::MODIFIED,
			'n'     => self::NAME,
			default => null,
		};
		return null === $by || 1 !== strlen( $code ) ? null : new self( $by, ctype_upper( $code ) );
	}
}
