<?php
/**
 * An option another request saved is read, even where WordPress's shared
 * list of missing options still names it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Tests\TestCase;

final class OptionStoreTest extends TestCase {

	private const NAME = Keys::DROPBOX_HEALTH;

	public function test_a_saved_option_hidden_by_a_stale_notoptions_entry_is_read_from_the_database(): void {
		global $wpdb;
		$was_using = wp_using_ext_object_cache( true );
		try {
			// Another request saved it after this one's copy of "notoptions"
			// was taken, and that stale copy was written back.
			$wpdb->insert(
				$wpdb->options,
				array(
					'option_name'  => self::NAME,
					'option_value' => maybe_serialize( array( 'refused' => 'revoked' ) ),
					'autoload'     => 'off',
				)
			);
			wp_cache_delete( self::NAME, 'options' );
			wp_cache_set( 'notoptions', array( self::NAME => true ), 'options' );
			$this->assertFalse( get_option( self::NAME ), 'WordPress itself believes the stale list.' );

			$this->assertSame( array( 'refused' => 'revoked' ), ( new OptionStore() )->read( self::NAME ) );
			$this->assertSame( array( 'refused' => 'revoked' ), get_option( self::NAME ), 'And the list is mended for everyone.' );
			$this->assertNull( ( new OptionStore() )->read( Keys::GOOGLE_HEALTH ), 'A missing option is still missing.' );
		} finally {
			wp_using_ext_object_cache( (bool) $was_using );
		}
	}
}
