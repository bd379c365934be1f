<?php
/**
 * The {provider} URL parameter shared by the connection routes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Providers\ProviderRegistry;
use WP_Error;

final class ProviderArgument {

	/**
	 * Only known ids match the route, e.g. "(?P<provider>dropbox)".
	 */
	public static function route_pattern( ProviderRegistry $providers ): string {
		$ids = array_map( static fn ( string $id ): string => preg_quote( $id, '#' ), $providers->ids() );
		return '(?P<provider>' . implode( '|', $ids ) . ')';
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function schema( ProviderRegistry $providers ): array {
		return array(
			'description' => __( 'Cloud provider id.', 'customer-cloud-gallery' ),
			'type'        => 'string',
			'enum'        => $providers->ids(),
			'required'    => true,
		);
	}

	public static function not_found(): WP_Error {
		return new WP_Error( 'ccg_unknown_provider', __( 'This cloud provider is not supported.', 'customer-cloud-gallery' ), array( 'status' => 404 ) );
	}
}
