<?php
/**
 * Raised when a stored secret cannot be decrypted.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

use RuntimeException;

/**
 * The usual cause is changed salts (or a changed CCG_ENCRYPTION_KEY). Callers
 * turn it into a "Reconnect" status; it must never reach a page as a fatal.
 */
final class UnreadableSecret extends RuntimeException {
}
