import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Reads a JSON file, or returns `fallback` when it is missing or unreadable.
 */
export function readJson< T >( file: string, fallback: T ): T {
	try {
		return JSON.parse( readFileSync( file, 'utf8' ) ) as T;
	} catch {
		return fallback;
	}
}

/**
 * Writes JSON atomically (temp file + rename) so a crash never leaves half a file.
 */
export function writeJson( file: string, value: unknown ): void {
	mkdirSync( dirname( file ), { recursive: true } );
	const tmp = `${ file }.${ process.pid }.tmp`;
	writeFileSync( tmp, JSON.stringify( value, null, '\t' ) + '\n' );
	renameSync( tmp, file );
}

/**
 * Coalesces frequent writes of the same file (id map, caches) into one write
 * shortly after the last change; `flush()` writes at once (on stop).
 */
export class DebouncedWriter {
	private timer: NodeJS.Timeout | null = null;

	constructor(
		private readonly file: string,
		private readonly snapshot: () => unknown,
		private readonly delayMs = 300
	) {}

	schedule(): void {
		if ( this.timer ) {
			return;
		}
		this.timer = setTimeout( () => this.flush(), this.delayMs );
		this.timer.unref();
	}

	flush(): void {
		if ( this.timer ) {
			clearTimeout( this.timer );
			this.timer = null;
		}
		writeJson( this.file, this.snapshot() );
	}
}
