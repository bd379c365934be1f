<?php
/**
 * The capabilities that gate the plugin's screens and routes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery;

/**
 * Capabilities, never role names: sites remap roles, and multisite super
 * admins or custom roles must get exactly what their capabilities say.
 */
final class Capabilities {

	/** Anyone who builds galleries may see which clouds are connected. */
	public const VIEW_CONNECTIONS = 'edit_posts';

	/** Only site administrators may change credentials or connect accounts. */
	public const MANAGE_CONNECTIONS = 'manage_options';
}
