export type WordPressVersion = '7.1' | '6.8';

export interface SiteOptions {
	name: string;
	version: WordPressVersion;
	port: number;
	constants?: Record< string, string | boolean | number >;
}

export interface Site {
	name: string;
	version: WordPressVersion;
	/** The WordPress root (where wp-load.php and wp-config.php are). */
	dir: string;
	/** http://localhost:PORT — always `localhost`, never 127.0.0.1. */
	url: string;
	adminUser: string;
	adminPassword: string;
	dbFile: string;
	debugLog: string;
}

export interface RunningServer {
	url: string;
	stop: () => Promise< void >;
}

export interface StartServerOptions {
	/** PHP_CLI_SERVER_WORKERS, default 4. */
	workers?: number;
	/** Server output file; default `<site>/.site/logs/server.log`. */
	log?: string;
}

/** What a core tree was built from (internal). */
export interface CoreBuild {
	/** Full version, e.g. "7.1.4". */
	version: string;
	/** Human-readable origin: a folder, Debian packages, or a zip. */
	source: string;
}
