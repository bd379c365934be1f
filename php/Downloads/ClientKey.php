<?php
/**
 * Who a download is counted against.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

/**
 * The rule of Images\MissBudget: REMOTE_ADDR, or what the
 * `ccg_image_client_ip` filter says behind a trusted proxy; IPv6 counted
 * per /64; stored only as a keyed hash. A "d" in the hash's input keeps a
 * client's download counts apart from its image miss counts.
 */
final class ClientKey {

	public function current(): string {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		/** This filter is documented in php/Images/MissBudget.php */
		$address = (string) apply_filters( 'ccg_image_client_ip', $remote );
		return substr( hash_hmac( 'sha256', 'd|' . self::network( $address ), wp_salt( 'nonce' ) ), 0, 30 );
	}

	private static function network( string $address ): string {
		if ( false === filter_var( $address, FILTER_VALIDATE_IP ) ) {
			return $address;
		}
		$packed = (string) inet_pton( $address );
		if ( 4 === strlen( $packed ) ) {
			return $address;
		}
		if ( str_repeat( "\0", 10 ) . "\xff\xff" === substr( $packed, 0, 12 ) ) {
			return (string) inet_ntop( substr( $packed, 12 ) );
		}
		return bin2hex( substr( $packed, 0, 8 ) ) . '/64';
	}
}
