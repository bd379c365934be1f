<?php
/**
 * The network a visitor is counted by, for per-client allowances.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

/**
 * REMOTE_ADDR, or what the `ccg_image_client_ip` filter says behind a
 * trusted reverse proxy; an IPv4 client by its address, an IPv6 one by its
 * /64 (IPv4-mapped addresses count as their IPv4 address). Callers store
 * only a keyed hash of it (Images\MissBudget, Downloads\ClientKey).
 */
final class ClientNetwork {

	public static function current(): string {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		/**
		 * Filters the client address the image miss budget and the download
		 * allowance count against.
		 *
		 * @param string $address REMOTE_ADDR. Behind a trusted reverse proxy, return the address it forwarded.
		 */
		return self::of( (string) apply_filters( 'ccg_image_client_ip', $remote ) );
	}

	public static function of( string $address ): string {
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
