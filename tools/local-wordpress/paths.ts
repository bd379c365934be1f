/**
 * Where things live. Everything created at run time is under `.local/` at
 * the repository root (git-ignored, wipe-and-rebuild), or under
 * `CCG_LOCAL_DIR` when that is set.
 */
import path from 'node:path';

/** The repository root, which is also the plugin folder. */
export const repoRoot = path.resolve( __dirname, '../..' );

/** Folder with this tool's PHP helpers (router, installer, …). */
export const phpDir = path.join( __dirname, 'php' );

export function localDir(): string {
	return path.resolve(
		process.env.CCG_LOCAL_DIR ?? path.join( repoRoot, '.local' )
	);
}

export const paths = {
	/**
	 * Pristine WordPress core trees: `.local/wordpress/<version>/`.
	 * @param version WordPress major.
	 */
	coreDir: ( version: string ) =>
		path.join( localDir(), 'wordpress', version ),
	/**
	 * What a core tree was built from (next to it, so the tree stays pristine).
	 * @param version WordPress major.
	 */
	coreMeta: ( version: string ) =>
		path.join( localDir(), 'wordpress', `${ version }.json` ),
	/**
	 * Private apt configuration, one folder per Debian suite.
	 * @param suite Debian suite.
	 */
	aptDir: ( suite: string ) => path.join( localDir(), 'apt', suite ),
	/**
	 * Downloaded .deb files, one folder per suite.
	 * @param suite Debian suite.
	 */
	debCache: ( suite: string ) =>
		path.join( localDir(), 'cache', 'debs', suite ),
	/** npm tarballs, zips and extracted helpers. */
	cache: () => path.join( localDir(), 'cache' ),
	/** Scratch space for builds; renamed into place when complete. */
	tmp: () => path.join( localDir(), 'tmp' ),
	locks: () => path.join( localDir(), 'locks' ),
	sites: () => path.join( localDir(), 'sites' ),
	siteDir: ( name: string ) => path.join( localDir(), 'sites', name ),
};

/**
 * Files of a site that are not WordPress: kept in `<site>/.site/`, which the
 * router refuses to serve.
 * @param dir The site's WordPress root.
 */
export function sitePaths( dir: string ) {
	const meta = path.join( dir, '.site' );
	return {
		meta,
		state: path.join( meta, 'site.json' ),
		salts: path.join( meta, 'salts.json' ),
		snapshot: path.join( meta, 'fresh-install.sqlite' ),
		serverState: path.join( meta, 'server.json' ),
		serverLog: path.join( meta, 'logs', 'server.log' ),
		runDir: path.join( meta, 'run' ),
		wpContent: path.join( dir, 'wp-content' ),
		dbDir: path.join( dir, 'wp-content', 'database' ),
		dbFile: path.join( dir, 'wp-content', 'database', '.ht.sqlite' ),
		debugLog: path.join( dir, 'wp-content', 'debug.log' ),
		wpConfig: path.join( dir, 'wp-config.php' ),
	};
}
