/**
 * The files of a site folder: core files hardlinked from the cached tree,
 * wp-content as real folders (core themes/plugins hardlinked into them), the
 * project's plugin as a symlink to the repository, the SQLite drop-in.
 */
import { existsSync } from 'node:fs';
import {
	copyFile,
	link,
	lstat,
	mkdir,
	readdir,
	readFile,
	readlink,
	rm,
	symlink,
	writeFile,
} from 'node:fs/promises';
import path from 'node:path';

import { linkTree } from './copy-tree';
import { paths, phpDir, repoRoot, sitePaths } from './paths';

export const PLUGIN_SLUG = 'customer-cloud-gallery';
export const PLUGIN_FILE = `${ PLUGIN_SLUG }/plugin.php`;

/** Top-level entries of a site that belong to the site, not to core. */
const SITE_OWNED = new Set( [
	'wp-content',
	'wp-config.php',
	'.htaccess',
	'.site',
] );

const HTACCESS = [
	'# BEGIN WordPress',
	'<IfModule mod_rewrite.c>',
	'RewriteEngine On',
	'RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]',
	'RewriteBase /',
	'RewriteRule ^index\\.php$ - [L]',
	'RewriteCond %{REQUEST_FILENAME} !-f',
	'RewriteCond %{REQUEST_FILENAME} !-d',
	'RewriteRule . /index.php [L]',
	'</IfModule>',
	'# END WordPress',
	'',
].join( '\n' );

async function replaceWithLink(
	source: string,
	target: string
): Promise< void > {
	await rm( target, { recursive: true, force: true } );
	const info = await lstat( source );
	if ( info.isDirectory() ) {
		await linkTree( source, target );
	} else if ( info.isSymbolicLink() ) {
		await symlink( await readlink( source ), target );
	} else {
		await link( source, target ).catch( () => copyFile( source, target ) );
	}
}

/**
 * (Re)links the core files of `coreDir` into `dir`, leaving the site's own files alone.
 * @param coreDir The cached pristine core tree.
 * @param dir     The site's WordPress root.
 */
export async function linkCore(
	coreDir: string,
	dir: string
): Promise< void > {
	await mkdir( dir, { recursive: true } );
	for ( const entry of await readdir( dir ) ) {
		if ( ! SITE_OWNED.has( entry ) ) {
			await rm( path.join( dir, entry ), {
				recursive: true,
				force: true,
			} );
		}
	}
	await linkTree( coreDir, dir, SITE_OWNED );
	// wp-content: real folders; what core ships in them (default theme, Akismet, index.php) hardlinked.
	const coreContent = path.join( coreDir, 'wp-content' );
	const siteContent = path.join( dir, 'wp-content' );
	await mkdir( siteContent, { recursive: true } );
	for ( const entry of await readdir( coreContent, {
		withFileTypes: true,
	} ) ) {
		const source = path.join( coreContent, entry.name );
		const target = path.join( siteContent, entry.name );
		if ( ! entry.isDirectory() ) {
			await replaceWithLink( source, target );
			continue;
		}
		await mkdir( target, { recursive: true } );
		for ( const child of await readdir( source ) ) {
			await replaceWithLink(
				path.join( source, child ),
				path.join( target, child )
			);
		}
	}
}

/**
 * The plugin symlink, mu-plugin, folders and .htaccess; cheap to call every time.
 * @param dir The site's WordPress root.
 */
export async function ensureSiteFiles( dir: string ): Promise< void > {
	const site = sitePaths( dir );
	for ( const folder of [
		'plugins',
		'themes',
		'uploads',
		'mu-plugins',
		'database',
	] ) {
		await mkdir( path.join( site.wpContent, folder ), { recursive: true } );
	}
	await mkdir( path.dirname( site.serverLog ), { recursive: true } );

	const pluginLink = path.join( site.wpContent, 'plugins', PLUGIN_SLUG );
	const current = await lstat( pluginLink ).catch( () => undefined );
	if (
		! current?.isSymbolicLink() ||
		( await readlink( pluginLink ) ) !== repoRoot
	) {
		await rm( pluginLink, { recursive: true, force: true } );
		await symlink( repoRoot, pluginLink, 'dir' );
	}

	const muPlugin = path.join(
		site.wpContent,
		'mu-plugins',
		'local-environment.php'
	);
	const muSource = await readFile(
		path.join( phpDir, 'local-environment.php' ),
		'utf8'
	);
	if (
		( await readFile( muPlugin, 'utf8' ).catch( () => '' ) ) !== muSource
	) {
		await writeFile( muPlugin, muSource );
	}

	const htaccess = path.join( dir, '.htaccess' );
	if ( ! existsSync( htaccess ) ) {
		await writeFile( htaccess, HTACCESS );
	}
}

/**
 * Deletes a site folder (never following the plugin symlink into the repository).
 * @param dir The site's WordPress root.
 */
export async function wipeSite( dir: string ): Promise< void > {
	if ( ! path.resolve( dir ).startsWith( paths.sites() + path.sep ) ) {
		throw new Error(
			`Refusing to delete ${ dir }: not under ${ paths.sites() }`
		);
	}
	await rm( path.join( dir, 'wp-content', 'plugins', PLUGIN_SLUG ), {
		force: true,
	} );
	await rm( dir, { recursive: true, force: true } );
}
