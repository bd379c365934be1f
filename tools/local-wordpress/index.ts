/**
 * Local WordPress for development and tests: pristine core trees per
 * major, sites on SQLite with the repository as their plugin, PHP's
 * built-in server, and PHP snippets run with WordPress loaded.
 * See README.md beside this file.
 */
export type {
	RunningServer,
	Site,
	SiteOptions,
	StartServerOptions,
	WordPressVersion,
} from './types';
export { ensureWordPress } from './ensure-wordpress';
export { ensureSite, resetSite } from './site';
export { startServer } from './server';
export { runPhp } from './php-cli';
