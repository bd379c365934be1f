/**
 * A subdirectory multisite network on the stack: the stack site installed
 * as usual (tools/production-stack/site.ts), then converted the way Tools →
 * Network Setup does it, with the plugin activated for the whole network
 * and two subsites, each with its own administrator (not a super admin).
 * Its fresh-install snapshot is a second SQL dump, of the network.
 */
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { progress } from '../local-wordpress/log';
import { runPhpScript } from '../local-wordpress/php-cli';
import { ADMIN } from '../local-wordpress/site';
import { PLUGIN_FILE } from '../local-wordpress/site-layout';
import { phpLiteral } from '../local-wordpress/wp-config';
import type { MariaDb } from './mariadb';
import {
	MULTISITE_HTACCESS,
	MULTISITE_THUMBNAIL_HTACCESS,
} from './multisite-rules';
import type { Redis } from './redis';
import {
	ensureStackSite,
	resetStackSite,
	type StackSite,
	type StackSiteOptions,
} from './site';

/** The subsites and their users (password: ADMIN.password). */
export const SUBSITES = [
	{
		slug: 'site-a',
		title: 'Site A',
		admin: 'site-a-admin',
		users: { 'site-a-editor': 'editor' },
	},
	{ slug: 'site-b', title: 'Site B', admin: 'site-b-admin', users: {} },
] as const;

export interface Network extends StackSite {
	/** Each subsite as a site of its own: its URL is the network's plus its path. */
	subsites: StackSite[];
}

const THEME = 'twentytwentyfive';

/**
 * wp-config.php as the stack writes it, turned into the network's: the
 * constants Network Setup tells the admin to add, and no WP_HOME or
 * WP_SITEURL, which would give every subsite the main site's address.
 */
export function networkWpConfig( config: string, domain: string ): string {
	const constants = {
		WP_ALLOW_MULTISITE: true,
		MULTISITE: true,
		SUBDOMAIN_INSTALL: false,
		DOMAIN_CURRENT_SITE: domain,
		PATH_CURRENT_SITE: '/',
		SITE_ID_CURRENT_SITE: 1,
		BLOG_ID_CURRENT_SITE: 1,
	};
	const lines = config
		.split( '\n' )
		.filter( ( line ) => ! /define\( '(WP_HOME|WP_SITEURL)'/.test( line ) );
	const at = lines.findIndex( ( line ) =>
		line.startsWith( '$table_prefix' )
	);
	if ( at < 0 ) {
		throw new Error( 'wp-config.php has no $table_prefix line.' );
	}
	lines.splice(
		at,
		0,
		'// A subdirectory network (tools/production-stack/multisite.ts).',
		...Object.entries( constants ).map(
			( [ name, value ] ) =>
				`defined( '${ name }' ) || define( '${ name }', ${ phpLiteral( value ) } );`
		),
		''
	);
	return lines.join( '\n' );
}

/**
 * The network's .htaccess: WordPress's rules, with or without the
 * thumbnail rule docs/installation.md asks Apache networks to add.
 */
export async function writeNetworkHtaccess(
	dir: string,
	thumbnails: boolean
): Promise< void > {
	await writeFile(
		path.join( dir, '.htaccess' ),
		( thumbnails ? MULTISITE_THUMBNAIL_HTACCESS : '' ) + MULTISITE_HTACCESS
	);
}

async function isNewer( file: string, than: string ): Promise< boolean > {
	const [ a, b ] = await Promise.all( [
		stat( file ).catch( () => undefined ),
		stat( than ).catch( () => undefined ),
	] );
	return !! a && !! b && a.mtimeMs >= b.mtimeMs;
}

/**
 * Creates or updates the network; quick when its snapshot is current.
 */
export async function ensureNetwork(
	options: StackSiteOptions,
	db: MariaDb,
	redis: Redis
): Promise< Network > {
	const site = await ensureStackSite( options, db, redis );
	const domain = new URL( site.url ).host;
	const wpConfig = path.join( site.dir, 'wp-config.php' );
	const singleConfig = await readFile( wpConfig, 'utf8' );
	const networkDump = path.join(
		path.dirname( site.dbFile ),
		'fresh-network.sql'
	);
	const network: Network = {
		...site,
		dbFile: networkDump,
		subsites: SUBSITES.map( ( subsite ) => ( {
			...site,
			name: `${ site.name }/${ subsite.slug }`,
			url: `${ site.url }/${ subsite.slug }`,
			adminUser: subsite.admin,
			dbFile: networkDump,
		} ) ),
	};
	const converted =
		( await isNewer( networkDump, site.dbFile ) ) &&
		(
			await db
				.sql(
					`SHOW TABLES FROM \`${ site.database }\` LIKE 'wp_blogs';`
				)
				.catch( () => '' )
		).trim() !== '';
	if ( ! converted ) {
		progress( `stack site ${ site.name }: converting to a network…` );
		await resetStackSite( site, db, redis );
		await runPhpScript(
			site.dir,
			path.join( __dirname, 'php', 'network-install.php' ),
			[
				site.dir,
				JSON.stringify( {
					domain,
					email: ADMIN.email,
					title: 'Cloud Gallery network',
				} ),
			],
			`Creating the network in ${ site.dir }`
		);
		await writeFile( wpConfig, networkWpConfig( singleConfig, domain ) );
		await redis.flush( site.redisDatabase );
		const summary = await runPhpScript(
			site.dir,
			path.join( __dirname, 'php', 'network-setup.php' ),
			[
				site.dir,
				JSON.stringify( {
					domain,
					plugin: PLUGIN_FILE,
					theme: THEME,
					password: ADMIN.password,
					sites: SUBSITES,
				} ),
			],
			`Setting up the network in ${ site.dir }`
		);
		progress( `stack site ${ site.name }: ${ summary.trim() }` );
		await db.dump( site.database, networkDump );
	}
	// ensureStackSite() writes the single site's wp-config.php every time.
	await writeFile( wpConfig, networkWpConfig( singleConfig, domain ) );
	await writeNetworkHtaccess( site.dir, true );
	if ( ! existsSync( networkDump ) ) {
		throw new Error(
			`The network's snapshot ${ networkDump } is missing.`
		);
	}
	return network;
}
