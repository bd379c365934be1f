<?php
/**
 * Router for PHP's built-in server in front of a local WordPress site:
 *
 *     php -S 127.0.0.1:PORT -t SITE_DIR router.php
 *
 * Real files are served as they are (PHP files run), a directory runs its
 * index.php (with a redirect that adds the trailing slash, as Apache does),
 * and every other path goes to WordPress' index.php: pretty permalinks and
 * /wp-json/, and files under uploads that do not exist (the plugin rebuilds
 * its missing static thumbnails from there, as behind Apache's WordPress
 * rules or nginx's try_files). A file written between the server's own
 * look for it and this script (a thumbnail another request has just
 * fetched) is sent from here, where the server would answer 404. The site's
 * private files (.site/, the SQLite database, .ht*) are never served.
 *
 * @package CustomerCloudGallery
 */

$ccg_root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$ccg_uri  = $_SERVER['REQUEST_URI'] ?? '/';
$ccg_path = rawurldecode( (string) parse_url( $ccg_uri, PHP_URL_PATH ) );
$ccg_path = '/' . ltrim( $ccg_path, '/' );

if ( str_contains( $ccg_path, "\0" ) || preg_match( '#(^|/)\.\.(/|$)#', $ccg_path ) ) {
	http_response_code( 400 );
	return true;
}

if ( preg_match( '#^/\.site(/|$)|/\.ht|^/wp-content/database(/|$)#', $ccg_path ) ) {
	http_response_code( 403 );
	echo "Forbidden\n";
	return true;
}

/**
 * Runs a PHP file of the site as if it had been requested directly.
 *
 * @param string $file      Absolute path of the script.
 * @param string $script    Its URL path.
 * @param string $path_info Extra path after the script name, if any.
 */
function ccg_router_run( string $file, string $script, string $path_info = '' ): void {
	$_SERVER['SCRIPT_FILENAME'] = $file;
	$_SERVER['SCRIPT_NAME']     = $script;
	$_SERVER['PHP_SELF']        = $script . $path_info;
	if ( '' !== $path_info ) {
		$_SERVER['PATH_INFO'] = $path_info;
	} else {
		unset( $_SERVER['PATH_INFO'] );
	}
	chdir( dirname( $file ) );
}

/**
 * Whether the built-in server found $file when it read the request. It
 * translates the path to a file before it runs the router, and sends what
 * it found then when the router returns false: nothing (a 404) if the file
 * did not exist yet. SCRIPT_FILENAME says which: the file it found, or the
 * router itself.
 *
 * @param string $file Absolute path of an existing file.
 */
function ccg_router_server_found( string $file ): bool {
	$found = (string) ( $_SERVER['SCRIPT_FILENAME'] ?? '' );
	return '' !== $found && realpath( $found ) === realpath( $file );
}

/**
 * Sends a static file as the built-in server would: its type by extension,
 * its length, its bytes (none for HEAD).
 *
 * @param string $file Absolute path of an existing file.
 */
function ccg_router_send( string $file ): void {
	$types = array(
		'avif'  => 'image/avif',
		'css'   => 'text/css; charset=UTF-8',
		'gif'   => 'image/gif',
		'htm'   => 'text/html; charset=UTF-8',
		'html'  => 'text/html; charset=UTF-8',
		'ico'   => 'image/vnd.microsoft.icon',
		'jpeg'  => 'image/jpeg',
		'jpg'   => 'image/jpeg',
		'js'    => 'text/javascript; charset=UTF-8',
		'json'  => 'application/json',
		'mjs'   => 'text/javascript; charset=UTF-8',
		'mp4'   => 'video/mp4',
		'pdf'   => 'application/pdf',
		'png'   => 'image/png',
		'svg'   => 'image/svg+xml',
		'txt'   => 'text/plain; charset=UTF-8',
		'webp'  => 'image/webp',
		'woff'  => 'font/woff',
		'woff2' => 'font/woff2',
		'xml'   => 'text/xml',
	);
	$extension = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
	header( 'Content-Type: ' . ( $types[ $extension ] ?? 'application/octet-stream' ) );
	header( 'Content-Length: ' . filesize( $file ) );
	if ( 'HEAD' !== ( $_SERVER['REQUEST_METHOD'] ?? 'GET' ) ) {
		readfile( $file );
	}
}

$ccg_file = $ccg_root . $ccg_path;

if ( is_dir( $ccg_file ) ) {
	if ( ! str_ends_with( $ccg_path, '/' ) ) {
		$ccg_query = parse_url( $ccg_uri, PHP_URL_QUERY );
		header( 'Location: ' . $ccg_path . '/' . ( $ccg_query ? '?' . $ccg_query : '' ), true, 301 );
		return true;
	}
	if ( is_file( $ccg_file . 'index.php' ) ) {
		ccg_router_run( $ccg_file . 'index.php', $ccg_path . 'index.php' );
		require $ccg_file . 'index.php';
		return true;
	}
	if ( is_file( $ccg_file . 'index.html' ) ) {
		return false;
	}
} elseif ( is_file( $ccg_file ) ) {
	if ( ! str_ends_with( $ccg_file, '.php' ) ) {
		if ( ccg_router_server_found( $ccg_file ) ) {
			return false; // Static file: the built-in server sends it.
		}
		// The file was written after the server looked for it (it looks
		// before running this script, and would answer 404): a thumbnail
		// that another request has just fetched. Send it from here.
		ccg_router_send( $ccg_file );
		return true;
	}
	ccg_router_run( $ccg_file, $ccg_path );
	require $ccg_file;
	return true;
} elseif ( preg_match( '#^(.+?\.php)(/.*)$#', $ccg_path, $ccg_match ) && is_file( $ccg_root . $ccg_match[1] ) ) {
	// PATH_INFO style: /index.php/wp-json/…
	ccg_router_run( $ccg_root . $ccg_match[1], $ccg_match[1], $ccg_match[2] );
	require $ccg_root . $ccg_match[1];
	return true;
}

// Everything else: WordPress' front controller.
ccg_router_run( $ccg_root . '/index.php', '/index.php' );
require $ccg_root . '/index.php';
return true;
