<?php
/**
 * Who a download is counted against.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Http\ClientNetwork;

/**
 * The rule of Images\MissBudget (Http\ClientNetwork), stored only as a
 * keyed hash. A "d" in the hash's input keeps a
 * client's download counts apart from its image miss counts.
 */
final class ClientKey {

	public function current(): string {
		return substr( hash_hmac( 'sha256', 'd|' . ClientNetwork::current(), wp_salt( 'nonce' ) ), 0, 30 );
	}
}
