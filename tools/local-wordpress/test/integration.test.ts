/**
 * End to end: a WordPress 7.1 site on a spare port (CCG_TEST_LOCAL_WP_PORT,
 * default 8971), served by php -S, answering pages, the REST API (also with
 * a logged-in admin's cookies), the plugin's block type; resetSite; and no
 * php process left behind. A 6.8 site is checked more briefly (port + 1).
 */
import assert from 'node:assert/strict';
import {
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	ensureSite,
	resetSite,
	runPhp,
	startServer,
	type RunningServer,
	type Site,
} from '../index';

const PORT = Number( process.env.CCG_TEST_LOCAL_WP_PORT ?? 8971 );
const BLOCK_ROUTE = '/wp/v2/block-types/customer-cloud-gallery/gallery';

/**
 * Command lines of running `php -S …:port` processes (Linux /proc).
 */
function phpServersOn( port: number ): string[] {
	const found: string[] = [];
	for ( const pid of readdirSync( '/proc' ).filter( ( name ) =>
		/^\d+$/.test( name )
	) ) {
		try {
			const argv = readFileSync( `/proc/${ pid }/cmdline`, 'utf8' ).split(
				'\0'
			);
			if (
				argv.some( ( arg ) => arg.endsWith( `:${ port }` ) ) &&
				argv.includes( '-S' )
			) {
				found.push( `${ pid }: ${ argv.join( ' ' ) }` );
			}
		} catch {
			// The process ended meanwhile.
		}
	}
	return found;
}

function cookieHeader(
	response: Response,
	jar: Map< string, string >
): string {
	for ( const cookie of response.headers.getSetCookie() ) {
		const [ pair ] = cookie.split( ';' );
		const [ name, ...value ] = ( pair ?? '' ).split( '=' );
		if ( name ) {
			jar.set( name.trim(), value.join( '=' ) );
		}
	}
	return [ ...jar ]
		.map( ( [ name, value ] ) => `${ name }=${ value }` )
		.join( '; ' );
}

describe( 'local WordPress 7.1', () => {
	let site: Site;
	let server: RunningServer | undefined;

	before( async () => {
		site = await ensureSite( {
			name: 'local-wp-test-7.1',
			version: '7.1',
			port: PORT,
			constants: { CCG_TEST_CONSTANT: 'it works' },
		} );
	} );

	after( async () => {
		await server?.stop();
	} );

	it( 'describes the site', () => {
		assert.equal( site.url, `http://localhost:${ PORT }` );
		assert.equal( site.adminUser, 'admin' );
		assert.equal( site.adminPassword, 'password' );
		assert.match( site.dbFile, /wp-content\/database\/\.ht\.sqlite$/ );
	} );

	it( 'is idempotent and quick the second time, rewriting constants', async () => {
		const started = Date.now();
		const again = await ensureSite( {
			name: 'local-wp-test-7.1',
			version: '7.1',
			port: PORT,
			constants: { CCG_TEST_CONSTANT: 'rewritten' },
		} );
		const ms = Date.now() - started;
		assert.deepEqual( again, site );
		assert.ok( ms < 2000, `second ensureSite took ${ ms } ms` );
		assert.equal(
			await runPhp( site, 'echo CCG_TEST_CONSTANT;' ),
			'rewritten'
		);
	} );

	it( 'runs PHP with WordPress loaded: version, plugin, theme, users, permalinks', async () => {
		const out = JSON.parse(
			await runPhp(
				site,
				`<?php echo wp_json_encode( array(
					'version' => get_bloginfo( 'version' ),
					'title' => get_bloginfo( 'name' ),
					'active' => is_plugin_active( 'customer-cloud-gallery/plugin.php' ),
					'theme' => get_stylesheet(),
					'roles' => array_map( fn( $u ) => $u->roles[0], get_users( array( 'orderby' => 'login' ) ) ),
					'permalinks' => get_option( 'permalink_structure' ),
					'home' => home_url(),
					'environment' => wp_get_environment_type(),
				) );`
			)
		) as Record< string, unknown >;
		assert.match( String( out.version ), /^7\.1(\.|$)/ );
		assert.deepEqual( out, {
			...out,
			title: 'Cloud Gallery Dev',
			active: true,
			theme: 'twentytwentyfive',
			roles: [
				'administrator',
				'author',
				'contributor',
				'editor',
				'subscriber',
			],
			permalinks: '/%postname%/',
			home: `http://localhost:${ PORT }`,
			environment: 'local',
		} );
	} );

	it( 'registers the plugin block type in the REST API (as admin)', async () => {
		const out = JSON.parse(
			await runPhp(
				site,
				`wp_set_current_user( 1 );
				$response = rest_do_request( new WP_REST_Request( 'GET', '${ BLOCK_ROUTE }' ) );
				echo wp_json_encode( array( 'status' => $response->get_status(), 'name' => $response->get_data()['name'] ?? null ) );`
			)
		) as { status: number; name: string };
		assert.deepEqual( out, {
			status: 200,
			name: 'customer-cloud-gallery/gallery',
		} );
	} );

	it( 'serves pages, pretty permalinks and /wp-json/ over HTTP', async () => {
		server = await startServer( site, { workers: 2 } );
		assert.equal( server.url, site.url );
		const home = await fetch( `${ site.url }/` );
		assert.equal( home.status, 200 );
		assert.match( await home.text(), /Cloud Gallery Dev/ );
		const post = await fetch( `${ site.url }/hello-world/` );
		assert.equal( post.status, 200 );
		await post.arrayBuffer();
		const index = await fetch( `${ site.url }/wp-json/` );
		assert.equal( index.status, 200 );
		const body = ( await index.json() ) as {
			name: string;
			routes: Record< string, unknown >;
		};
		assert.equal( body.name, 'Cloud Gallery Dev' );
		assert.ok( body.routes[ '/wp/v2/block-types' ] );
		const admin = await fetch( `${ site.url }/wp-admin/`, {
			redirect: 'manual',
		} );
		assert.equal( admin.status, 302 );
		assert.match( admin.headers.get( 'location' ) ?? '', /wp-login\.php/ );
		const secret = await fetch(
			`${ site.url }/wp-content/database/.ht.sqlite`
		);
		assert.equal( secret.status, 403 );
		await secret.arrayBuffer();
	} );

	it( 'serves uploads that exist as files and hands missing ones to WordPress, as Apache and nginx do', async () => {
		// The plugin's static thumbnail URLs rely on this (docs/public-gallery.md).
		const dir = path.join( site.dir, 'wp-content/uploads/router-test' );
		mkdirSync( dir, { recursive: true } );
		writeFileSync( path.join( dir, 'here.jpg' ), 'not really a JPEG' );
		try {
			const here = await fetch(
				`${ site.url }/wp-content/uploads/router-test/here.jpg`
			);
			assert.equal( here.status, 200 );
			assert.equal( here.headers.get( 'content-type' ), 'image/jpeg' );
			assert.equal( await here.text(), 'not really a JPEG' );
			assert.equal(
				here.headers.get( 'x-powered-by' ),
				null,
				'sent by the server, no PHP script ran'
			);
			const missing = await fetch(
				`${ site.url }/wp-content/uploads/router-test/missing.jpg`
			);
			assert.equal( missing.status, 404 );
			assert.match(
				missing.headers.get( 'link' ) ?? '',
				/api\.w\.org/,
				"WordPress's 404"
			);
			await missing.arrayBuffer();
		} finally {
			rmSync( dir, { recursive: true, force: true } );
		}
	} );

	it( 'logs the admin in with cookies and answers the block type route', async () => {
		const jar = new Map< string, string >( [
			[ 'wordpress_test_cookie', 'WP%20Cookie%20check' ],
		] );
		const login = await fetch( `${ site.url }/wp-login.php`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				cookie: cookieHeader( new Response(), jar ),
			},
			body: new URLSearchParams( {
				log: site.adminUser,
				pwd: site.adminPassword,
				testcookie: '1',
				redirect_to: `${ site.url }/wp-admin/`,
			} ),
		} );
		assert.equal( login.status, 302, 'login redirects' );
		const cookie = cookieHeader( login, jar );
		const dashboard = await fetch( `${ site.url }/wp-admin/`, {
			headers: { cookie },
		} );
		assert.equal( dashboard.status, 200 );
		assert.match( await dashboard.text(), /Dashboard/ );
		const nonce = await (
			await fetch(
				`${ site.url }/wp-admin/admin-ajax.php?action=rest-nonce`,
				{ headers: { cookie } }
			)
		).text();
		assert.match( nonce, /^[0-9a-f]{10}$/ );
		const block = await fetch( `${ site.url }/wp-json${ BLOCK_ROUTE }`, {
			headers: { cookie, 'x-wp-nonce': nonce },
		} );
		assert.equal( block.status, 200 );
		assert.equal(
			( ( await block.json() ) as { name: string } ).name,
			'customer-cloud-gallery/gallery'
		);
	} );

	it( 'resetSite restores the fresh install', async () => {
		await runPhp(
			site,
			"wp_insert_post( array( 'post_title' => 'Temporary', 'post_status' => 'publish' ) );"
		);
		const count = () =>
			runPhp(
				site,
				"echo count( get_posts( array( 'title' => 'Temporary', 'post_status' => 'any' ) ) );"
			);
		assert.equal( await count(), '1' );
		await resetSite( site );
		assert.equal( await count(), '0' );
		const pages = await fetch( `${ site.url }/wp-json/wp/v2/posts` );
		assert.equal(
			pages.status,
			200,
			'the running server sees the restored database'
		);
		assert.equal( ( ( await pages.json() ) as unknown[] ).length, 1 );
	} );

	it( 'runPhp reports PHP errors', async () => {
		await assert.rejects(
			runPhp( site, 'ccg_no_such_function();' ),
			/runPhp failed[\s\S]*ccg_no_such_function/
		);
	} );

	it( 'stop() leaves no php process behind', async () => {
		assert.ok( server );
		assert.notEqual(
			phpServersOn( PORT ).length,
			0,
			'the server runs before stop()'
		);
		await server.stop();
		server = undefined;
		assert.deepEqual( phpServersOn( PORT ), [] );
		await assert.rejects( fetch( `http://127.0.0.1:${ PORT }/` ) );
	} );
} );

describe( 'local WordPress 6.8', () => {
	it( 'installs and serves 6.8.x', async () => {
		const site = await ensureSite( {
			name: 'local-wp-test-6.8',
			version: '6.8',
			port: PORT + 1,
		} );
		assert.match(
			await runPhp( site, "echo get_bloginfo( 'version' );" ),
			/^6\.8(\.|$)/
		);
		const server = await startServer( site, { workers: 1 } );
		try {
			const home = await fetch( `${ site.url }/wp-json/` );
			assert.equal( home.status, 200 );
			await home.arrayBuffer();
		} finally {
			await server.stop();
		}
		assert.deepEqual( phpServersOn( PORT + 1 ), [] );
	} );
} );
