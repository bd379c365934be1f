/**
 * The sandbox's notion of "now". Tests move it forward (time travel) to make
 * tokens, codes and temporary links expire without waiting.
 */
export class Clock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	advance( seconds: number ): void {
		this.offsetMs += Math.round( seconds * 1000 );
	}

	get offsetSeconds(): number {
		return this.offsetMs / 1000;
	}

	reset(): void {
		this.offsetMs = 0;
	}
}

/**
 * Dropbox timestamps: `%Y-%m-%dT%H:%M:%SZ`, never fractional seconds.
 */
export function dropboxTimestamp( ms: number ): string {
	return new Date( Math.floor( ms / 1000 ) * 1000 )
		.toISOString()
		.replace( /\.\d{3}Z$/, 'Z' );
}
