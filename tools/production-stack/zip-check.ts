/**
 * The release zip on MariaDB (with the Redis object cache, served by nginx
 * and PHP-FPM), as tools/test-runner/plugin-zip.ts does on SQLite:
 * `npm run plugin-zip`'s zip unpacked in place of the development link,
 * activated, then the Settings screen and a page with a gallery loaded
 * over HTTP as the administrator (and the page as a visitor).
 */
import { rm } from 'node:fs/promises';

import {
	buildPluginZip,
	unpackPluginZip,
	ZIP_CHECK,
} from '../test-runner/plugin-zip';
import { runPhp } from '../local-wordpress/php-cli';
import { ensureStackSite, resetStackSite, type StackSiteOptions } from './site';
import type { Stack } from './stack';

/** Activates the unpacked plugin, publishes a gallery page, logs the admin in. */
const ACTIVATE_AND_PUBLISH = `
require_once ABSPATH . 'wp-admin/includes/plugin.php';
deactivate_plugins( 'customer-cloud-gallery/plugin.php', true );
$activated = activate_plugin( 'customer-cloud-gallery/plugin.php' );
$admin     = get_user_by( 'login', 'admin' );
$post_id   = wp_insert_post(
	array(
		'post_title'   => 'Release zip gallery',
		'post_status'  => 'publish',
		'post_type'    => 'page',
		'post_author'  => $admin->ID,
		'post_content' => '<!-- wp:customer-cloud-gallery/gallery /-->',
	)
);
$expiration = time() + HOUR_IN_SECONDS;
$token      = WP_Session_Tokens::get_instance( $admin->ID )->create( $expiration );
echo wp_json_encode(
	array(
		'activated' => ! is_wp_error( $activated ),
		'page'      => get_permalink( $post_id ),
		'cookie'    => AUTH_COOKIE . '=' . rawurlencode( wp_generate_auth_cookie( $admin->ID, $expiration, 'auth', $token ) ) . '; ' . LOGGED_IN_COOKIE . '=' . rawurlencode( wp_generate_auth_cookie( $admin->ID, $expiration, 'logged_in', $token ) ),
	)
);
`;

export async function releaseZipInstallsOnMariaDb(
	root: string,
	stack: Stack,
	options: StackSiteOptions
): Promise< boolean > {
	const zip = await buildPluginZip( root );
	if ( ! zip ) {
		return false;
	}
	try {
		return await installAndLoad( stack, options, zip );
	} finally {
		await rm( zip, { force: true } );
	}
}

async function installAndLoad(
	stack: Stack,
	options: StackSiteOptions,
	zip: string
): Promise< boolean > {
	const site = await ensureStackSite( options, stack.db, stack.redis );
	await resetStackSite( site, stack.db, stack.redis );
	if ( ! ( await unpackPluginZip( site.dir, zip ) ) ) {
		return false;
	}
	const failures: string[] = [];
	const expect = ( ok: boolean, message: string ) => {
		if ( ! ok ) {
			failures.push( message );
		}
	};
	const setup = JSON.parse(
		( await runPhp( site, ACTIVATE_AND_PUBLISH ) ).trim()
	) as { activated: boolean; page: string; cookie: string };
	expect( setup.activated, 'the unpacked plugin activates' );
	const check = JSON.parse(
		( await runPhp( site, ZIP_CHECK ) ).trim()
	) as Record< string, boolean >;
	console.log( check );
	for ( const [ name, ok ] of Object.entries( check ) ) {
		expect( ok, `the SQLite zip check's "${ name }"` );
	}

	const server = await stack.serve( site, 'nginx' );
	try {
		const get = async ( url: string, cookie?: string ) => {
			const response = await fetch( url, {
				headers: cookie ? { cookie } : {},
				redirect: 'manual',
			} );
			const body = await response.text();
			console.log(
				`GET ${ url }${ cookie ? ' (admin)' : '' } → ${ response.status }`
			);
			return { status: response.status, body };
		};
		const settings = await get(
			`${ site.url }/wp-admin/admin.php?page=customer-cloud-gallery`,
			setup.cookie
		);
		expect( settings.status === 200, 'the Settings screen answers 200' );
		expect(
			settings.body.includes( 'id="ccg-settings-root"' ),
			'the Settings screen has its root'
		);
		const script =
			/src="([^"]*\/plugins\/customer-cloud-gallery\/build\/settings\/index\.js[^"]*)"/.exec(
				settings.body
			)?.[ 1 ];
		expect( !! script, 'the Settings screen loads its built script' );
		if ( script ) {
			const asset = await get( script.replaceAll( '&#038;', '&' ) );
			expect( asset.status === 200, `its script is served: ${ script }` );
		}
		const preview = await get( setup.page, setup.cookie );
		expect( preview.status === 200, 'the gallery page answers 200' );
		expect(
			preview.body.includes( 'data-ccg-gallery=' ),
			'the administrator sees the gallery block (asking for a folder)'
		);
		const visit = await get( setup.page );
		expect( visit.status === 200, 'the gallery page answers a visitor' );
	} finally {
		await server.stop();
	}
	for ( const failure of failures ) {
		console.error( `FAILED: ${ failure }` );
	}
	return failures.length === 0;
}
