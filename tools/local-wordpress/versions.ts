/**
 * The WordPress majors the project runs, and where each one comes from.
 */
import type { WordPressVersion } from './types';

export interface VersionSource {
	/** Environment variable naming an existing WordPress folder to copy. */
	envVar: string;
	/** Debian suites tried in order; the first whose `wordpress` is this major wins. */
	suites: string[];
}

export const VERSIONS: Record< WordPressVersion, VersionSource > = {
	'7.1': { envVar: 'CCG_WP_DIR_7_1', suites: [ 'sid', 'forky' ] },
	'6.8': { envVar: 'CCG_WP_DIR_6_8', suites: [ 'trixie' ] },
};

export function isWordPressVersion( value: string ): value is WordPressVersion {
	return Object.hasOwn( VERSIONS, value );
}

/**
 * True when `full` (e.g. "7.1.4" or "7.1") belongs to `major` ("7.1").
 * @param full  A version, e.g. "7.1.4".
 * @param major Major version, e.g. "7.1".
 */
export function matchesMajor( full: string, major: string ): boolean {
	return (
		full === major ||
		full.startsWith( `${ major }.` ) ||
		full.startsWith( `${ major }-` )
	);
}

/**
 * "7.1.4+dfsg1-1" → "7.1.4"; "1:6.8.12-0+deb13u1" → "6.8.12".
 * @param debianVersion A Debian package version.
 */
export function upstreamVersion( debianVersion: string ): string {
	const withoutEpoch = debianVersion.replace( /^\d+:/, '' );
	return withoutEpoch.split( /[+~-]/ )[ 0 ] ?? withoutEpoch;
}
