<?php
/**
 * A Redis object cache drop-in (wp-content/object-cache.php) for the
 * production-like test stack (tools/production-stack). No maintained drop-in
 * is reachable from Debian's archive or npm, so this one lives in the test
 * support tree and proves itself in tests/hosting/ObjectCacheTest.php.
 *
 * It follows the contract of core's WP_Object_Cache (wp-includes/class-wp-object-cache.php):
 * - add() is atomic across processes (SET NX), because locks rely on it; it
 *   never trusts this request's copy, which another process may have made stale.
 * - Global groups are shared by every site of a network; other groups are
 *   prefixed with the current blog id (switch_to_blog() changes it), in
 *   Redis and in this request's copies alike.
 * - Non-persistent groups live only in this request.
 * - incr()/decr() are atomic (a Lua script), never go below 0, and treat a
 *   non-numeric value as 0, like core.
 * - flush() empties the Redis database it was given (WP_REDIS_DATABASE), so
 *   each site of the stack gets its own database number.
 *
 * Configuration (wp-config.php): WP_REDIS_HOST (127.0.0.1), WP_REDIS_PORT
 * (6379), WP_REDIS_DATABASE (0), WP_CACHE_KEY_SALT (''). When Redis cannot
 * be reached the request fails: in this stack a silent fallback to a
 * per-request cache would turn every cross-process test into a false pass.
 *
 * @package CustomerCloudGallery
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- core's API names.

/**
 * The object cache, one per request (global $wp_object_cache).
 */
final class WP_Object_Cache {

	/** Atomic incr/decr with core's rules: missing → false, non-numeric → 0, floor 0. */
	private const INCR_SCRIPT = <<<'LUA'
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local n = tonumber(raw)
if not n then
	local inner = string.match(raw, '^s:%d+:"(.*)";$') or string.match(raw, '^[id]:(.*);$')
	n = tonumber(inner or '') or 0
end
n = n + tonumber(ARGV[1])
if n < 0 then n = 0 end
redis.call('SET', KEYS[1], tostring(n), 'KEEPTTL')
return tostring(n)
LUA;

	/** @var array<string, array<string, mixed>> This request's copies, by group and key. */
	private array $cache = array();

	/** @var array<string, true> */
	private array $global_groups = array();

	/** @var array<string, true> */
	private array $non_persistent_groups = array();

	private string $blog_prefix;

	private bool $multisite;

	private Redis $redis;

	private string $salt;

	public int $cache_hits = 0;

	public int $cache_misses = 0;

	public function __construct() {
		$this->multisite   = function_exists( 'is_multisite' ) && is_multisite();
		$this->blog_prefix = $this->multisite ? (string) get_current_blog_id() : '1';
		$this->salt        = defined( 'WP_CACHE_KEY_SALT' ) ? (string) WP_CACHE_KEY_SALT : '';
		$this->redis       = new Redis();
		$host              = defined( 'WP_REDIS_HOST' ) ? (string) WP_REDIS_HOST : '127.0.0.1';
		$port              = defined( 'WP_REDIS_PORT' ) ? (int) WP_REDIS_PORT : 6379;
		if ( ! $this->redis->connect( $host, $port, 2.0 ) ) {
			throw new RuntimeException( "object-cache.php: Redis at {$host}:{$port} cannot be reached." );
		}
		$this->redis->select( defined( 'WP_REDIS_DATABASE' ) ? (int) WP_REDIS_DATABASE : 0 );
	}

	/**
	 * The Redis key of a group's key for the current site.
	 */
	public function redis_key( int|string $key, string $group ): string {
		$prefix = isset( $this->global_groups[ $group ] ) ? 'global' : $this->blog_prefix;
		return "{$this->salt}{$prefix}:{$group}:{$key}";
	}

	private static function group( string $group ): string {
		return '' === $group ? 'default' : $group;
	}

	private static function valid_key( mixed $key ): bool {
		if ( is_int( $key ) || ( is_string( $key ) && '' !== trim( $key ) ) ) {
			return true;
		}
		if ( function_exists( '_doing_it_wrong' ) ) {
			_doing_it_wrong( __METHOD__, 'Cache key must be an integer or a non-empty, non-whitespace string.', '6.1.0' );
		}
		return false;
	}

	private function persistent( string $group ): bool {
		return ! isset( $this->non_persistent_groups[ $group ] );
	}

	/** Integers and floats are stored bare so that Redis can count them; everything else serialized. */
	private static function encode( mixed $data ): string {
		return is_int( $data ) || is_float( $data ) ? (string) $data : serialize( $data );
	}

	private static function decode( string $raw ): mixed {
		if ( preg_match( '/^-?\d+$/', $raw ) ) {
			return (int) $raw;
		}
		if ( is_numeric( $raw ) ) {
			return (float) $raw;
		}
		return unserialize( $raw ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- our own writes only.
	}

	private static function copy( mixed $data ): mixed {
		return is_object( $data ) ? clone $data : $data;
	}

	/**
	 * This request's copies of a group, per site like the Redis keys:
	 * after switch_to_blog() the same key of the same group is another entry.
	 */
	private function bucket( string $group ): string {
		return isset( $this->global_groups[ $group ] ) ? $group : $this->blog_prefix . ':' . $group;
	}

	private function remember( int|string $key, mixed $data, string $group ): void {
		$this->cache[ $this->bucket( $group ) ][ (string) $key ] = self::copy( $data );
	}

	private function expiry( int $expire ): array {
		return $expire > 0 ? array( 'ex' => $expire ) : array();
	}

	public function add( int|string $key, mixed $data, string $group = 'default', int $expire = 0 ): bool {
		if ( function_exists( 'wp_suspend_cache_addition' ) && wp_suspend_cache_addition() ) {
			return false;
		}
		if ( ! self::valid_key( $key ) ) {
			return false;
		}
		$group = self::group( $group );
		if ( ! $this->persistent( $group ) ) {
			if ( array_key_exists( (string) $key, $this->cache[ $this->bucket( $group ) ] ?? array() ) ) {
				return false;
			}
			$this->remember( $key, $data, $group );
			return true;
		}
		$added = $this->redis->set( $this->redis_key( $key, $group ), self::encode( $data ), array( 'nx' ) + $this->expiry( $expire ) );
		if ( true === $added ) {
			$this->remember( $key, $data, $group );
			return true;
		}
		return false;
	}

	public function add_multiple( array $data, string $group = '', int $expire = 0 ): array {
		$result = array();
		foreach ( $data as $key => $value ) {
			$result[ $key ] = $this->add( $key, $value, $group, $expire );
		}
		return $result;
	}

	public function replace( int|string $key, mixed $data, string $group = 'default', int $expire = 0 ): bool {
		if ( ! self::valid_key( $key ) ) {
			return false;
		}
		$group = self::group( $group );
		if ( ! $this->persistent( $group ) ) {
			if ( ! array_key_exists( (string) $key, $this->cache[ $this->bucket( $group ) ] ?? array() ) ) {
				return false;
			}
			$this->remember( $key, $data, $group );
			return true;
		}
		$replaced = $this->redis->set( $this->redis_key( $key, $group ), self::encode( $data ), array( 'xx' ) + $this->expiry( $expire ) );
		if ( true === $replaced ) {
			$this->remember( $key, $data, $group );
			return true;
		}
		return false;
	}

	public function set( int|string $key, mixed $data, string $group = 'default', int $expire = 0 ): bool {
		if ( ! self::valid_key( $key ) ) {
			return false;
		}
		$group = self::group( $group );
		if ( $this->persistent( $group ) ) {
			$options = $this->expiry( $expire );
			$stored  = $options
				? $this->redis->set( $this->redis_key( $key, $group ), self::encode( $data ), $options )
				: $this->redis->set( $this->redis_key( $key, $group ), self::encode( $data ) );
			if ( true !== $stored ) {
				return false;
			}
		}
		$this->remember( $key, $data, $group );
		return true;
	}

	public function set_multiple( array $data, string $group = '', int $expire = 0 ): array {
		$result = array();
		foreach ( $data as $key => $value ) {
			$result[ $key ] = $this->set( $key, $value, $group, $expire );
		}
		return $result;
	}

	public function get( int|string $key, string $group = 'default', bool $force = false, ?bool &$found = null ): mixed {
		if ( ! self::valid_key( $key ) ) {
			$found = false;
			return false;
		}
		$group = self::group( $group );
		$local = $this->cache[ $this->bucket( $group ) ] ?? array();
		if ( array_key_exists( (string) $key, $local ) && ( ! $force || ! $this->persistent( $group ) ) ) {
			$found = true;
			++$this->cache_hits;
			return self::copy( $local[ (string) $key ] );
		}
		if ( ! $this->persistent( $group ) ) {
			$found = false;
			++$this->cache_misses;
			return false;
		}
		$raw = $this->redis->get( $this->redis_key( $key, $group ) );
		if ( ! is_string( $raw ) ) {
			unset( $this->cache[ $this->bucket( $group ) ][ (string) $key ] );
			$found = false;
			++$this->cache_misses;
			return false;
		}
		$data = self::decode( $raw );
		$this->remember( $key, $data, $group );
		$found = true;
		++$this->cache_hits;
		return self::copy( $data );
	}

	public function get_multiple( array $keys, string $group = 'default', bool $force = false ): array {
		$group  = self::group( $group );
		$values = array();
		$fetch  = array();
		foreach ( $keys as $key ) {
			$local = $this->cache[ $this->bucket( $group ) ] ?? array();
			if ( self::valid_key( $key ) && array_key_exists( (string) $key, $local ) && ( ! $force || ! $this->persistent( $group ) ) ) {
				$values[ $key ] = self::copy( $local[ (string) $key ] );
				++$this->cache_hits;
			} elseif ( self::valid_key( $key ) && $this->persistent( $group ) ) {
				$fetch[] = $key;
			} else {
				$values[ $key ] = false;
				++$this->cache_misses;
			}
		}
		if ( $fetch ) {
			$raws = $this->redis->mget( array_map( fn( $key ) => $this->redis_key( $key, $group ), $fetch ) );
			foreach ( $fetch as $index => $key ) {
				$raw = $raws[ $index ] ?? false;
				if ( is_string( $raw ) ) {
					$data = self::decode( $raw );
					$this->remember( $key, $data, $group );
					$values[ $key ] = self::copy( $data );
					++$this->cache_hits;
				} else {
					$values[ $key ] = false;
					++$this->cache_misses;
				}
			}
		}
		// Core returns the keys in the order asked.
		return array_replace( array_fill_keys( $keys, false ), $values );
	}

	public function delete( int|string $key, string $group = 'default', bool $deprecated = false ): bool {
		if ( ! self::valid_key( $key ) ) {
			return false;
		}
		$group = self::group( $group );
		$known = array_key_exists( (string) $key, $this->cache[ $this->bucket( $group ) ] ?? array() );
		unset( $this->cache[ $this->bucket( $group ) ][ (string) $key ] );
		if ( ! $this->persistent( $group ) ) {
			return $known;
		}
		return $this->redis->del( $this->redis_key( $key, $group ) ) > 0;
	}

	public function delete_multiple( array $keys, string $group = '' ): array {
		$result = array();
		foreach ( $keys as $key ) {
			$result[ $key ] = $this->delete( $key, $group );
		}
		return $result;
	}

	public function incr( int|string $key, int $offset = 1, string $group = 'default' ): int|false {
		return $this->count( $key, $offset, $group );
	}

	public function decr( int|string $key, int $offset = 1, string $group = 'default' ): int|false {
		return $this->count( $key, -$offset, $group );
	}

	private function count( int|string $key, int $offset, string $group ): int|false {
		if ( ! self::valid_key( $key ) ) {
			return false;
		}
		$group = self::group( $group );
		if ( ! $this->persistent( $group ) ) {
			if ( ! array_key_exists( (string) $key, $this->cache[ $this->bucket( $group ) ] ?? array() ) ) {
				return false;
			}
			$value = $this->cache[ $this->bucket( $group ) ][ (string) $key ];
			$value = max( 0, ( is_numeric( $value ) ? (int) $value : 0 ) + $offset );
			$this->cache[ $this->bucket( $group ) ][ (string) $key ] = $value;
			return $value;
		}
		$result = $this->redis->eval( self::INCR_SCRIPT, array( $this->redis_key( $key, $group ), (string) $offset ), 1 );
		if ( ! is_string( $result ) ) {
			unset( $this->cache[ $this->bucket( $group ) ][ (string) $key ] );
			return false;
		}
		$value = (int) $result;
		$this->cache[ $this->bucket( $group ) ][ (string) $key ] = $value;
		return $value;
	}

	public function flush(): bool {
		$this->cache = array();
		return true === $this->redis->flushDB();
	}

	public function flush_runtime(): bool {
		$this->cache = array();
		return true;
	}

	/**
	 * Every key of the group, on every site of the network (core's behaviour).
	 */
	public function flush_group( string $group ): bool {
		$group = self::group( $group );
		foreach ( array_keys( $this->cache ) as $bucket ) {
			if ( $bucket === $group || str_ends_with( (string) $bucket, ':' . $group ) ) {
				unset( $this->cache[ $bucket ] );
			}
		}
		if ( ! $this->persistent( $group ) ) {
			return true;
		}
		$escape   = static fn( string $text ): string => addcslashes( $text, '*?[]\\' );
		$pattern  = $escape( $this->salt ) . '*:' . $escape( $group ) . ':*';
		$iterator = null;
		do {
			$keys = $this->redis->scan( $iterator, $pattern, 500 );
			if ( is_array( $keys ) && $keys ) {
				$this->redis->unlink( $keys );
			}
		} while ( $iterator > 0 );
		return true;
	}

	public function add_global_groups( string|array $groups ): void {
		foreach ( (array) $groups as $group ) {
			$this->global_groups[ $group ] = true;
		}
	}

	public function add_non_persistent_groups( string|array $groups ): void {
		foreach ( (array) $groups as $group ) {
			$this->non_persistent_groups[ $group ] = true;
		}
	}

	public function switch_to_blog( int $blog_id ): void {
		$this->blog_prefix = $this->multisite ? (string) $blog_id : '1';
	}

	public function close(): bool {
		return $this->redis->close();
	}

	public function stats(): void {
		printf( '<p><strong>Cache Hits:</strong> %d<br /><strong>Cache Misses:</strong> %d</p>', (int) $this->cache_hits, (int) $this->cache_misses );
	}
}

function wp_cache_init(): void {
	$GLOBALS['wp_object_cache'] = new WP_Object_Cache();
}

function wp_cache_add( $key, $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->add( $key, $data, (string) $group, (int) $expire );
}

function wp_cache_add_multiple( array $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->add_multiple( $data, (string) $group, (int) $expire );
}

function wp_cache_replace( $key, $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->replace( $key, $data, (string) $group, (int) $expire );
}

function wp_cache_set( $key, $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->set( $key, $data, (string) $group, (int) $expire );
}

function wp_cache_set_multiple( array $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->set_multiple( $data, (string) $group, (int) $expire );
}

function wp_cache_get( $key, $group = '', $force = false, &$found = null ) {
	return $GLOBALS['wp_object_cache']->get( $key, (string) $group, (bool) $force, $found );
}

function wp_cache_get_multiple( $keys, $group = '', $force = false ) {
	return $GLOBALS['wp_object_cache']->get_multiple( (array) $keys, (string) $group, (bool) $force );
}

function wp_cache_delete( $key, $group = '' ) {
	return $GLOBALS['wp_object_cache']->delete( $key, (string) $group );
}

function wp_cache_delete_multiple( array $keys, $group = '' ) {
	return $GLOBALS['wp_object_cache']->delete_multiple( $keys, (string) $group );
}

function wp_cache_incr( $key, $offset = 1, $group = '' ) {
	return $GLOBALS['wp_object_cache']->incr( $key, (int) $offset, (string) $group );
}

function wp_cache_decr( $key, $offset = 1, $group = '' ) {
	return $GLOBALS['wp_object_cache']->decr( $key, (int) $offset, (string) $group );
}

function wp_cache_flush() {
	return $GLOBALS['wp_object_cache']->flush();
}

function wp_cache_flush_runtime() {
	return $GLOBALS['wp_object_cache']->flush_runtime();
}

function wp_cache_flush_group( $group ) {
	return $GLOBALS['wp_object_cache']->flush_group( (string) $group );
}

function wp_cache_supports( $feature ) {
	return in_array( $feature, array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ), true );
}

function wp_cache_close() {
	return $GLOBALS['wp_object_cache']->close();
}

function wp_cache_add_global_groups( $groups ) {
	$GLOBALS['wp_object_cache']->add_global_groups( $groups );
}

function wp_cache_add_non_persistent_groups( $groups ) {
	$GLOBALS['wp_object_cache']->add_non_persistent_groups( $groups );
}

function wp_cache_switch_to_blog( $blog_id ) {
	$GLOBALS['wp_object_cache']->switch_to_blog( (int) $blog_id );
}

/**
 * Deprecated in core since 3.5; kept because plugins still call it.
 */
function wp_cache_reset() {
	_deprecated_function( __FUNCTION__, '3.5.0', 'wp_cache_switch_to_blog()' );
	$GLOBALS['wp_object_cache']->flush_runtime();
}
