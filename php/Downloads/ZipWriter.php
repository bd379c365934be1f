<?php
/**
 * Writes a ZIP archive front to back, as its entries arrive.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use Closure;
use HashContext;

/**
 * Stored entries (photos are compressed already), so nothing needs the
 * whole file: each entry's local header goes out with zero sizes and flag
 * bit 3, its bytes follow as they come (CRC-32 computed incrementally), and
 * a data descriptor after them carries the CRC and sizes. Only the central
 * directory (some 100 bytes per entry) is kept until the end. ZIP64 (APPNOTE
 * 4.5.3) where a size or offset may pass 4 GiB, and for the whole archive
 * past 65,535 entries or 4 GiB: an entry whose size is known to be large,
 * or that starts past 4 GiB, gets a ZIP64 local header and an 8-byte data
 * descriptor. Names are UTF-8 (flag bit 11).
 */
final class ZipWriter {

	private const LIMIT_32 = 0xFFFFFFFF;

	private const LIMIT_16 = 0xFFFF;

	private int $offset = 0;

	/** @var list<string> Central directory records, packed. */
	private array $directory = array();

	private ?HashContext $crc = null;

	private int $entry_size = 0;

	private int $entry_offset = 0;

	private bool $entry_zip64 = false;

	private string $entry_name = '';

	private int $entry_time = 0;

	/**
	 * @param Closure(string): void $out       Receives the archive's bytes in order.
	 * @param int                   $threshold Sizes and offsets from which ZIP64 is used; tests
	 *                                         lower it to check the ZIP64 records without 4 GiB.
	 */
	public function __construct( private Closure $out, private int $threshold = self::LIMIT_32 ) {}

	/**
	 * @param int $expected_size The size the listing gives, to decide on ZIP64 up front (0: unknown).
	 * @param int $modified      Unix time, stored as the entry's DOS date.
	 */
	public function begin( string $name, int $expected_size, int $modified ): void {
		$this->crc          = hash_init( 'crc32b' );
		$this->entry_size   = 0;
		$this->entry_offset = $this->offset;
		$this->entry_zip64  = $expected_size >= $this->threshold || $this->offset >= $this->threshold;
		$this->entry_name   = $name;
		$this->entry_time   = self::dos_time( $modified );
		$extra              = $this->entry_zip64 ? pack( 'vvPP', 0x0001, 16, 0, 0 ) : '';
		$this->emit(
			pack(
				'VvvvVVVVvv',
				0x04034b50,
				$this->entry_zip64 ? 45 : 20,
				0x0808,
				0,
				$this->entry_time,
				0,
				$this->entry_zip64 ? self::LIMIT_32 : 0,
				$this->entry_zip64 ? self::LIMIT_32 : 0,
				strlen( $name ),
				strlen( $extra )
			) . $name . $extra
		);
	}

	public function write( string $bytes ): void {
		if ( null === $this->crc || '' === $bytes ) {
			return;
		}
		hash_update( $this->crc, $bytes );
		$this->entry_size += strlen( $bytes );
		$this->emit( $bytes );
	}

	public function end(): void {
		if ( null === $this->crc ) {
			return;
		}
		$crc       = (int) unpack( 'N', hash_final( $this->crc, true ) )[1];
		$this->crc = null;
		$size      = $this->entry_size;
		$this->emit( $this->entry_zip64 ? pack( 'VVPP', 0x08074b50, $crc, $size, $size ) : pack( 'VVVV', 0x08074b50, $crc, $size, $size ) );

		$big_size   = $this->entry_zip64 || $size >= $this->threshold;
		$big_offset = $this->entry_offset >= $this->threshold;
		$extra      = ( $big_size ? pack( 'PP', $size, $size ) : '' ) . ( $big_offset ? pack( 'P', $this->entry_offset ) : '' );
		$extra      = '' === $extra ? '' : pack( 'vv', 0x0001, strlen( $extra ) ) . $extra;
		$zip64      = '' !== $extra;

		$this->directory[] = pack(
			'VvvvvVVVVvvvvvVV',
			0x02014b50,
			0x0300 | ( $zip64 ? 45 : 20 ),
			$zip64 || $this->entry_zip64 ? 45 : 20,
			0x0808,
			0,
			$this->entry_time,
			$crc,
			$big_size ? self::LIMIT_32 : $size,
			$big_size ? self::LIMIT_32 : $size,
			strlen( $this->entry_name ),
			strlen( $extra ),
			0,
			0,
			0,
			0100644 << 16,
			$big_offset ? self::LIMIT_32 : $this->entry_offset
		) . $this->entry_name . $extra;
	}

	/**
	 * The central directory and its end records.
	 */
	public function finish(): void {
		$this->end();
		$start = $this->offset;
		foreach ( $this->directory as $record ) {
			$this->emit( $record );
		}
		$size    = $this->offset - $start;
		$count   = count( $this->directory );
		$records = '';
		if ( $count >= self::LIMIT_16 || $start >= $this->threshold || $size >= $this->threshold ) {
			$end64    = $this->offset;
			$records .= pack( 'VPvvVVPPPP', 0x06064b50, 44, 0x0300 | 45, 45, 0, 0, $count, $count, $size, $start );
			$records .= pack( 'VVPV', 0x07064b50, 0, $end64, 1 );
			$count    = min( $count, self::LIMIT_16 );
			$size     = min( $size, self::LIMIT_32 );
			$start    = self::LIMIT_32;
		}
		$records .= pack( 'VvvvvVVv', 0x06054b50, 0, 0, $count, $count, $size, $start, 0 );
		$this->emit( $records );
	}

	public function bytes_written(): int {
		return $this->offset;
	}

	private function emit( string $bytes ): void {
		$this->offset += strlen( $bytes );
		( $this->out )( $bytes );
	}

	/**
	 * MS-DOS date and time in the site's time zone, as archivers show it.
	 */
	private static function dos_time( int $time ): int {
		$date = getdate( max( 315532800, $time ) + (int) ( (float) get_option( 'gmt_offset', 0 ) * HOUR_IN_SECONDS ) );
		return ( ( $date['year'] - 1980 ) << 25 ) | ( $date['mon'] << 21 ) | ( $date['mday'] << 16 ) | ( $date['hours'] << 11 ) | ( $date['minutes'] << 5 ) | ( $date['seconds'] >> 1 );
	}
}
