/**
 * What a site folder was built from (`.site/site.json`) and its salts
 * (`.site/salts.json`, generated once so logins survive ensureSite calls).
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { WordPressVersion } from './types';
import { generateSalts, SALT_NAMES, type Salts } from './wp-config';

export interface SiteState {
	version: WordPressVersion;
	/** builtAt of the core tree the site's files were linked from. */
	coreBuiltAt: string;
	coreVersion: string;
	installed: boolean;
	port: number;
}

function readJson< T >( file: string ): T | undefined {
	try {
		return JSON.parse( readFileSync( file, 'utf8' ) ) as T;
	} catch {
		return undefined;
	}
}

export async function writeJson(
	file: string,
	value: unknown
): Promise< void > {
	await mkdir( path.dirname( file ), { recursive: true } );
	const tmp = `${ file }.tmp-${ process.pid }`;
	await writeFile( tmp, `${ JSON.stringify( value, null, '\t' ) }\n` );
	await rename( tmp, file );
}

export const readState = ( file: string ) => readJson< SiteState >( file );

export async function ensureSalts( file: string ): Promise< Salts > {
	const existing = readJson< Partial< Salts > >( file );
	if (
		existing &&
		SALT_NAMES.every(
			( name ) => typeof existing[ name ] === 'string' && existing[ name ]
		)
	) {
		return existing as Salts;
	}
	const salts = generateSalts();
	await writeJson( file, salts );
	return salts;
}
