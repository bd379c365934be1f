/**
 * Short progress lines. `CCG_QUIET=1` silences them (errors still throw).
 * @param message The line to print.
 */
export function progress( message: string ): void {
	if ( process.env.CCG_QUIET === '1' ) {
		return;
	}
	process.stdout.write( `[local-wp] ${ message }\n` );
}

export function warn( message: string ): void {
	process.stderr.write( `[local-wp] warning: ${ message }\n` );
}

/**
 * Seconds since `started`, for progress lines.
 * @param started Date.now() at the start.
 */
export function since( started: number ): string {
	return `${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`;
}
