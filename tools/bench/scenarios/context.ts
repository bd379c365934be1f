/**
 * What every scenario gets: the environment, options, pages, folders and a
 * logged-in editor.
 */
import type { FolderRef } from '../connect';
import type { Environment } from '../environment';
import type { Pages } from '../fixtures';
import type { BenchOptions } from '../options';
import type { StaticImagesCheck } from '../php';
import type { WpUser } from '../wp-client';

export interface BenchContext {
	env: Environment;
	opts: BenchOptions;
	pages: Pages;
	folders: { small: FolderRef; big: FolderRef; scaleBig: FolderRef };
	editor: WpUser;
	/** The plugin's static images check, run once after set-up. */
	staticImages: StaticImagesCheck;
	log: ( line: string ) => void;
}

/**
 * Dropbox calls by route since the last reset, as "route n, route n".
 */
export function formatCounts( counts: Record< string, number > ): string {
	const entries = Object.entries( counts ).sort();
	return entries.length
		? entries.map( ( [ r, n ] ) => `${ r } ${ n }` ).join( ', ' )
		: 'none';
}

export function sumCounts( counts: Record< string, number > ): number {
	return Object.values( counts ).reduce( ( a, b ) => a + b, 0 );
}
