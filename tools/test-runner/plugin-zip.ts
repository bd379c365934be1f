/**
 * The release zip must install into a clean WordPress and work there without
 * the repository beside it (decisions: "A test installs the zip").
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';

import { ensureSite, resetSite, runPhp } from '../local-wordpress/index';
import { run } from './process';

const PLUGIN = 'customer-cloud-gallery';

/** Prints what a site with the unpacked release has, as JSON of booleans (all must be true). */
export const ZIP_CHECK = `
$plugin_dir = WP_PLUGIN_DIR . '/${ PLUGIN }';
$result = array(
	'unpacked'   => is_dir( $plugin_dir ) && ! is_link( $plugin_dir ),
	'active'     => is_plugin_active( '${ PLUGIN }/plugin.php' ),
	'registered' => WP_Block_Type_Registry::get_instance()->is_registered( 'customer-cloud-gallery/gallery' ),
	'script'     => file_exists( $plugin_dir . '/build/gallery/index.js' ),
	'settings'   => file_exists( $plugin_dir . '/build/settings/index.js' ),
	'uninstall'  => file_exists( $plugin_dir . '/uninstall.php' ),
	'no_sources' => ! file_exists( $plugin_dir . '/node_modules' ) && ! file_exists( $plugin_dir . '/src' ) && ! file_exists( $plugin_dir . '/tests' ),
	'renders'    => is_callable( WP_Block_Type_Registry::get_instance()->get_registered( 'customer-cloud-gallery/gallery' )->render_callback ) && is_string( do_blocks( '<!-- wp:customer-cloud-gallery/gallery /-->' ) ),
);
echo wp_json_encode( $result );
`;

/** `npm run plugin-zip`'s zip, built afresh; null when it could not be. */
export async function buildPluginZip( root: string ): Promise< string | null > {
	const zip = path.join( root, `${ PLUGIN }.zip` );
	await rm( zip, { force: true } );
	const code = await run(
		path.join( root, 'node_modules/.bin/wp-scripts' ),
		[ 'plugin-zip' ],
		{ cwd: root }
	);
	return code === 0 ? zip : null;
}

/** Replaces the site's plugin (the development symlink) with the unpacked release. */
export async function unpackPluginZip(
	siteDir: string,
	zip: string
): Promise< boolean > {
	const plugins = path.join( siteDir, 'wp-content/plugins' );
	await rm( path.join( plugins, PLUGIN ), { recursive: true, force: true } );
	return ( await run( 'unzip', [ '-q', zip, '-d', plugins ] ) ) === 0;
}

export async function pluginZipInstalls(
	root: string,
	port: number
): Promise< boolean > {
	const zip = await buildPluginZip( root );
	if ( ! zip ) {
		return false;
	}
	const site = await ensureSite( { name: 'test-zip', version: '7.1', port } );
	await resetSite( site );
	if ( ! ( await unpackPluginZip( site.dir, zip ) ) ) {
		return false;
	}
	const result = JSON.parse(
		( await runPhp( site, ZIP_CHECK ) ).trim()
	) as Record< string, boolean >;
	console.log( result );
	await rm( zip, { force: true } );
	return Object.values( result ).every( Boolean );
}
