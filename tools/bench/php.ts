/**
 * PHP run inside the bench site (runPhp): JSON in, JSON out.
 */
import { runPhp, type Site } from '../local-wordpress/index';

export async function phpJson< T >(
	site: Site,
	input: unknown,
	body: string
): Promise< T > {
	const encoded = Buffer.from( JSON.stringify( input ) ).toString( 'base64' );
	const out = await runPhp(
		site,
		`$in = json_decode( base64_decode( '${ encoded }' ), true );\n${ body }`
	);
	const line = out.trim().split( '\n' ).pop() ?? '';
	try {
		return JSON.parse( line ) as T;
	} catch {
		throw new Error( `PHP printed no JSON: ${ out.slice( 0, 500 ) }` );
	}
}

/**
 * Forgets everything the plugin cached: listings, media info, folder
 * metadata and locks (transients `ccg_*`), scheduled refreshes, and the
 * thumbnail disk cache. Credentials and tokens stay.
 */
export async function clearPluginCaches( site: Site ): Promise< void > {
	await phpJson(
		site,
		{},
		`
global $wpdb;
$names = $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '\\\\_transient\\\\_ccg\\\\_%' OR option_name LIKE '\\\\_transient\\\\_timeout\\\\_ccg\\\\_%' OR option_name LIKE 'ccg\\\\_lock\\\\_%' OR option_name LIKE 'ccg\\\\_folder\\\\_%' OR option_name LIKE 'ccg\\\\_media\\\\_%'" );
foreach ( $names as $name ) { delete_option( $name ); }
wp_cache_flush();
foreach ( array( 'ccg_refresh_listing', 'ccg_warm_gallery', 'ccg_evict_thumbnails' ) as $hook ) { wp_unschedule_hook( $hook ); }
$dir = wp_upload_dir()['basedir'] . '/customer-cloud-gallery';
if ( is_dir( $dir ) ) {
	$it = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::CHILD_FIRST );
	foreach ( $it as $f ) { $f->isDir() ? rmdir( $f->getPathname() ) : unlink( $f->getPathname() ); }
}
echo wp_json_encode( array( 'deleted' => count( $names ) ) );
`
	);
}

/** The result of the plugin's static images check (Images\FallbackProbe). */
export interface StaticImagesCheck {
	ok: boolean;
	base: string;
	static: boolean;
	checked: number;
	detail: string;
}

/**
 * Runs the plugin's static images check now, as WP-Cron would (the bench
 * site runs without WP-Cron): two loopback requests for a probe file.
 */
export function checkStaticImages( site: Site ): Promise< StaticImagesCheck > {
	return phpJson< StaticImagesCheck >(
		site,
		{},
		`echo wp_json_encode( CustomerCloudGallery\\Plugin::services()->fallback_probe()->run() );`
	);
}
