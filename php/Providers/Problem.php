<?php
/**
 * Something the admin should know about a connection, and how to fix it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

/**
 * The code is stable (the Settings screen and tests key on it); message and
 * fix are translated, plain sentences taken from the setup guide.
 */
final class Problem {

	public const ACTION_RECONNECT        = 'reconnect';
	public const ACTION_CONNECT          = 'connect';
	public const ACTION_SAVE_CREDENTIALS = 'save_credentials';
	public const ACTION_RETRY            = 'retry';

	/**
	 * @param string      $code    Stable, machine-readable code, e.g. "missing_scope".
	 * @param string      $message What is wrong, in the admin's words.
	 * @param string      $fix     What to do about it.
	 * @param string|null $action  One of the ACTION_* constants, or null when informational.
	 */
	public function __construct(
		public readonly string $code,
		public readonly string $message,
		public readonly string $fix,
		public readonly ?string $action = null
	) {}
}
