/**
 * The plugin's built assets for `npm start`: `wp-scripts build` when there
 * is no build yet, and `wp-scripts start` (watch mode) in the background,
 * whose first compile also refreshes a stale build.
 */
import {
	createWriteStream,
	existsSync,
	readdirSync,
	readFileSync,
	statSync,
} from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';

import { exec } from '../exec';
import { localDir, repoRoot } from '../paths';
import { spawnGroup, type GroupProcess } from './process-group';

const SOURCES = [
	'blocks',
	'src',
	'block.json',
	'webpack.config.js',
	'package.json',
	'package-lock.json',
	'tsconfig.json',
];
const wpScripts = () =>
	path.join( repoRoot, 'node_modules', '.bin', 'wp-scripts' );
const stampFile = () => path.join( localDir(), 'assets-built-at' );

function newestMtime( entry: string ): number {
	const info = statSync( entry, { throwIfNoEntry: false } );
	if ( ! info ) {
		return 0;
	}
	if ( ! info.isDirectory() ) {
		return info.mtimeMs;
	}
	let newest = info.mtimeMs;
	for ( const child of readdirSync( entry ) ) {
		if ( child !== 'node_modules' ) {
			newest = Math.max(
				newest,
				newestMtime( path.join( entry, child ) )
			);
		}
	}
	return newest;
}

export type AssetState = 'missing' | 'stale' | 'current';

/** Whether build/ exists, and whether a build ran after the last source change. */
export function assetState(): AssetState {
	const build = path.join( repoRoot, 'build' );
	if ( ! existsSync( build ) || readdirSync( build ).length === 0 ) {
		return 'missing';
	}
	const builtAt = Number(
		existsSync( stampFile() ) ? readFileSync( stampFile(), 'utf8' ) : 0
	);
	const sourcesAt = Math.max(
		...SOURCES.map( ( entry ) =>
			newestMtime( path.join( repoRoot, entry ) )
		)
	);
	return builtAt > sourcesAt ? 'current' : 'stale';
}

/** Runs `wp-scripts build` (production mode). */
export async function buildAssets(): Promise< void > {
	const started = Date.now();
	await exec( wpScripts(), [ 'build' ], { cwd: repoRoot } );
	await writeStamp( started );
}

async function writeStamp( time: number ): Promise< void > {
	await mkdir( localDir(), { recursive: true } );
	await writeFile( stampFile(), String( time ) );
}

/**
 * Starts `wp-scripts start`; its full output goes to `logFile`, and one
 * line per rebuild (and each error) to `print`.
 * @param logFile File that receives the full output.
 * @param print   Receives one short line per rebuild or error.
 */
export async function startAssetWatcher(
	logFile: string,
	print: ( line: string ) => void
): Promise< GroupProcess > {
	await mkdir( path.dirname( logFile ), { recursive: true } );
	const log = createWriteStream( logFile, { flags: 'a' } );
	const watcher = spawnGroup( wpScripts(), [ 'start' ], {
		cwd: repoRoot,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	for ( const stream of [ watcher.child.stdout, watcher.child.stderr ] ) {
		if ( ! stream ) {
			continue;
		}
		stream.pipe( log, { end: false } );
		readline.createInterface( { input: stream } ).on( 'line', ( line ) => {
			const plain = line.replace( /\u001b\[[0-9;]*m/g, '' ).trim();
			if (
				/compiled (successfully|with)/.test( plain ) ||
				/^ERROR\b/.test( plain )
			) {
				print( plain );
			}
			// A clean rebuild covers every source edited before it started:
			// the next `npm start` need not build again.
			const ok = /compiled successfully in (\d+) ms/.exec( plain );
			if ( ok ) {
				void writeStamp( Date.now() - Number( ok[ 1 ] ) - 1000 );
			}
		} );
	}
	watcher.exited.then( () => log.end() ).catch( () => undefined );
	return watcher;
}
