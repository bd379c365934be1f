<?php
/**
 * The one registry of everything the plugin stores, so cleanup forgets nothing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

/**
 * Every option, option-name prefix, user meta key and cache group the plugin
 * writes starts with PREFIX. Uninstall deletes exactly the names in OPTIONS
 * and the families in OPTION_PREFIXES and TRANSIENT_PREFIXES, never
 * everything that merely starts with "ccg_": another plugin may use that too.
 */
final class Keys {

	public const PREFIX = 'ccg_';

	/** App key and access type in plain text; the App secret encrypted. */
	public const DROPBOX_CREDENTIALS = 'ccg_dropbox_credentials';

	/** The encrypted token record (access + refresh token, scopes, account). */
	public const DROPBOX_TOKEN = 'ccg_dropbox_token';

	/** Plain problems learned from Dropbox (revoked grant, missing scopes). */
	public const DROPBOX_HEALTH = 'ccg_dropbox_health';

	/** Client ID in plain text; the Client secret encrypted. */
	public const GOOGLE_CREDENTIALS = 'ccg_google_credentials';

	/** The encrypted Google token record (access + refresh token, scopes, account). */
	public const GOOGLE_TOKEN = 'ccg_google_token';

	/** Plain facts learned from Google about the grant (refused, missing scope, API off, My Drive id). */
	public const GOOGLE_HEALTH = 'ccg_google_health';

	/** Where the next poll of Drive's changes starts (a changes.list page token). */
	public const GOOGLE_CHANGES_TOKEN = 'ccg_google_changes_token';

	/** Transients: one resolved Drive folder each (name, parent, shared drive), by id. */
	public const GOOGLE_FOLDER_PREFIX = 'ccg_gfolder_';

	/** Transients of earlier versions: Drive thumbnail links captured while listing (no longer written; uninstall still deletes them). */
	public const GOOGLE_THUMBNAIL_LINKS_PREFIX = 'ccg_glinks_';

	/** One option per pending OAuth state, keyed by a hash of the state. */
	public const OAUTH_STATE_PREFIX = 'ccg_oauth_state_';

	/** Lock rows when no persistent object cache is available. */
	public const LOCK_PREFIX = 'ccg_lock_';

	/** Image miss budget counters when no persistent object cache is available (Images\MissBudget), one per hashed client and minute. */
	public const MISS_BUDGET_PREFIX = 'ccg_miss_';

	/** User meta: the one-time notice the Settings screen shows after OAuth. */
	public const FLASH_NOTICE = 'ccg_flash_notice';

	/** The folder galleries come from, per provider (plain, nothing secret). */
	public const GALLERY_ROOT = 'ccg_gallery_root';

	/** Transients: one cached folder listing each (hashed folder reference). */
	public const LISTING_PREFIX = 'ccg_listing_';

	/** Transients: one folder's metadata each, looked up by path (breadcrumbs). */
	public const FOLDER_META_PREFIX = 'ccg_folder_';

	/** Transients: date taken and dimensions of one folder's photos, by file id. */
	public const MEDIA_PREFIX = 'ccg_media_';

	/** Per album folder: the folder whose album cards last showed it (Gallery\Albums\CoverParents). */
	public const COVER_PARENT_PREFIX = 'ccg_cover_';

	/** Transients: a thumbnail the provider would not give, and when to ask again (Images\ThumbnailFailures). */
	public const THUMBNAIL_FAILURE_PREFIX = 'ccg_thumbfail_';

	/** Per provider: since when its thumbnails fail, and what it answered (Images\ThumbnailHealth). */
	public const THUMBNAIL_HEALTH = 'ccg_thumbnail_health';

	/** Whether this site's web server hands missing thumbnail files to WordPress (Images\FallbackProbe). */
	public const STATIC_IMAGES = 'ccg_static_images';

	/** One option per provider: the generation its listings' and media info's names carry (Cache\ProviderTransients). */
	public const CACHE_GENERATION_PREFIX = 'ccg_cachegen_';

	/** Post meta: one row per gallery a post shows, "<provider>|<listing key>" (Gallery\GalleryPosts). */
	public const GALLERY_POSTS_META = '_ccg_gallery';

	/** Folder under uploads holding the thumbnail disk cache. */
	public const UPLOADS_DIR = 'customer-cloud-gallery';

	/** WP-Cron hooks the plugin schedules (listing refresh, warming, eviction, the static images check, a revoked grant's grace over, forgetting miss counts, following a renamed gallery folder, polling Drive's changes). */
	public const CRON_HOOKS = array( 'ccg_refresh_listing', 'ccg_warm_gallery', 'ccg_evict_thumbnails', 'ccg_check_static_images', 'ccg_grace_over', 'ccg_forget_miss_counts', 'ccg_follow_gallery_root', 'ccg_drive_changes', 'ccg_warm_albums', 'ccg_refresh_albums' );

	/** Object cache group for locks (and later listings). */
	public const CACHE_GROUP = 'ccg';

	/** The plugin's options, by name. */
	public const OPTIONS = array(
		self::DROPBOX_CREDENTIALS,
		self::DROPBOX_TOKEN,
		self::DROPBOX_HEALTH,
		self::GOOGLE_CREDENTIALS,
		self::GOOGLE_TOKEN,
		self::GOOGLE_HEALTH,
		self::GOOGLE_CHANGES_TOKEN,
		self::GALLERY_ROOT,
		self::THUMBNAIL_HEALTH,
		self::STATIC_IMAGES,
	);

	/** Families of options the plugin names by key (one per pending state, one per lock). */
	public const OPTION_PREFIXES = array( self::OAUTH_STATE_PREFIX, self::LOCK_PREFIX, self::CACHE_GENERATION_PREFIX, self::MISS_BUDGET_PREFIX );

	/** Families of transients. */
	public const TRANSIENT_PREFIXES = array(
		self::GOOGLE_FOLDER_PREFIX,
		self::GOOGLE_THUMBNAIL_LINKS_PREFIX,
		self::LISTING_PREFIX,
		self::FOLDER_META_PREFIX,
		self::MEDIA_PREFIX,
		self::COVER_PARENT_PREFIX,
		self::THUMBNAIL_FAILURE_PREFIX,
	);
}
