import {
	lstat,
	mkdir,
	rename,
	unlink,
	utimes,
	writeFile,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { isHidden } from './manifest';

export type ChangeKind = 'added' | 'replaced' | 'deleted';

/** One change to one file of the library, as both providers will see it. */
export interface LibraryChange {
	kind: ChangeKind;
	/** Library-relative path as written: `/Portfolio/Nature/x.jpg`. */
	path: string;
	/** Absolute path on disk. */
	abs: string;
}

/**
 * Something that must act while a change happens: a provider that keeps
 * old revisions copies the file in `before` (it is still the old one then);
 * issue #15's webhooks will notify in `after`.
 */
export interface ChangeObserver {
	before?: ( change: LibraryChange ) => Promise< void >;
	after?: ( change: LibraryChange ) => Promise< void >;
}

export class ChangeRefused extends Error {}

/**
 * The one place the library changes through the control API. Providers read
 * the disk, so a change here is what both Dropbox and Drive show next; the
 * observers let each keep what its real service keeps.
 */
export class LibraryChanges {
	private observers: ChangeObserver[] = [];
	/** Changes run one at a time, so an observer always sees the file it is told about. */
	private queue: Promise< unknown > = Promise.resolve();

	constructor( readonly libraryDir: string ) {}

	observe( observer: ChangeObserver ): void {
		this.observers.push( observer );
	}

	/**
	 * Adds the file, or replaces what is at `path` (a new inode, as an
	 * upload makes). Its mtime is at least one second after the old one's,
	 * so every revision marker that follows time moves on too.
	 */
	write( path: string, bytes: Buffer ): Promise< LibraryChange > {
		return this.serial( async () => {
			const abs = this.absolute( path );
			const old = await lstat( abs ).catch( () => null );
			if ( old && ! old.isFile() ) {
				throw new ChangeRefused( `${ path } is not a file` );
			}
			const change: LibraryChange = {
				kind: old ? 'replaced' : 'added',
				path,
				abs,
			};
			await this.notify( 'before', change );
			await mkdir( dirname( abs ), { recursive: true } );
			const tmp = join(
				dirname( abs ),
				`.sandbox-change-${ process.pid }-${ Date.now() }.tmp`
			);
			await writeFile( tmp, bytes );
			const at = Math.max(
				Date.now(),
				old ? Math.floor( old.mtimeMs ) + 1000 : 0
			);
			await utimes( tmp, at / 1000, at / 1000 );
			await rename( tmp, abs );
			await this.notify( 'after', change );
			return change;
		} );
	}

	remove( path: string ): Promise< LibraryChange > {
		return this.serial( async () => {
			const abs = this.absolute( path );
			const old = await lstat( abs ).catch( () => null );
			if ( ! old?.isFile() ) {
				throw new ChangeRefused( `no file at ${ path }` );
			}
			const change: LibraryChange = { kind: 'deleted', path, abs };
			await this.notify( 'before', change );
			await unlink( abs );
			await this.notify( 'after', change );
			return change;
		} );
	}

	private absolute( path: string ): string {
		const parts = path.split( '/' );
		if (
			! path.startsWith( '/' ) ||
			parts
				.slice( 1 )
				.some(
					( p ) =>
						p === '' || p === '.' || p === '..' || isHidden( p )
				)
		) {
			throw new ChangeRefused(
				'path must be like /Folder/name.jpg (no empty, . or .. parts)'
			);
		}
		return join( this.libraryDir, path );
	}

	private async notify(
		phase: 'before' | 'after',
		change: LibraryChange
	): Promise< void > {
		for ( const observer of this.observers ) {
			await observer[ phase ]?.( change );
		}
	}

	private serial< T >( run: () => Promise< T > ): Promise< T > {
		const next = this.queue.then( run, run );
		this.queue = next.catch( () => undefined );
		return next;
	}
}
