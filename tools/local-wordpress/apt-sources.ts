/**
 * Reads the machine's own apt sources to find its Debian archive, so no
 * mirror's address is ever written into the project.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface AptSource {
	types: string[];
	uris: string[];
	suites: string[];
	components: string[];
	/** A keyring path, fingerprints, or an inline key block (deb822 only). */
	signedBy?: string;
	enabled: boolean;
}

export interface DebianArchive {
	uri: string;
	signedBy?: string;
}

const words = ( value: string | undefined ) =>
	( value ?? '' ).split( /\s+/ ).filter( Boolean );

/**
 * Parses deb822 `.sources` text (comments, continuation lines, `Enabled: no`).
 * @param text Contents of a sources file.
 */
export function parseDeb822( text: string ): AptSource[] {
	const sources: AptSource[] = [];
	const stanzas = text.split( /\n[ \t]*\n/ );
	for ( const stanza of stanzas ) {
		const fields = new Map< string, string >();
		let current: string | undefined;
		for ( const line of stanza.split( '\n' ) ) {
			if ( line.startsWith( '#' ) || line.trim() === '' ) {
				continue;
			}
			if ( /^[ \t]/.test( line ) && current ) {
				// Continuation line; " ." stands for an empty line.
				const continued = line.trim() === '.' ? '' : line.trim();
				fields.set(
					current,
					`${ fields.get( current ) ?? '' }\n${ continued }`
				);
				continue;
			}
			const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec( line );
			if ( match?.[ 1 ] ) {
				current = match[ 1 ].toLowerCase();
				fields.set( current, match[ 2 ]?.trim() ?? '' );
			}
		}
		if ( ! fields.has( 'uris' ) ) {
			continue;
		}
		const signedBy = fields.get( 'signed-by' )?.trim();
		sources.push( {
			types: words( fields.get( 'types' ) ),
			uris: words( fields.get( 'uris' ) ),
			suites: words( fields.get( 'suites' ) ),
			components: words( fields.get( 'components' ) ),
			...( signedBy ? { signedBy } : {} ),
			enabled:
				( fields.get( 'enabled' ) ?? 'yes' ).toLowerCase() !== 'no',
		} );
	}
	return sources;
}

/**
 * Parses one-line `sources.list` text: `deb [opt=value …] URI SUITE COMPONENT…`.
 * @param text Contents of a sources file.
 */
export function parseOneLine( text: string ): AptSource[] {
	const sources: AptSource[] = [];
	for ( const raw of text.split( '\n' ) ) {
		const line = raw.replace( /#.*$/, '' ).trim();
		const match =
			/^(deb|deb-src)\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)(.*)$/.exec(
				line
			);
		if ( ! match ) {
			continue;
		}
		const options = new Map< string, string >();
		for ( const option of words( match[ 2 ] ) ) {
			const [ key, ...value ] = option.split( '=' );
			if ( key ) {
				options.set( key.toLowerCase(), value.join( '=' ) );
			}
		}
		const signedBy = options.get( 'signed-by' );
		sources.push( {
			types: [ match[ 1 ] ?? 'deb' ],
			uris: [ match[ 3 ] ?? '' ],
			suites: [ match[ 4 ] ?? '' ],
			components: words( match[ 5 ] ),
			...( signedBy ? { signedBy } : {} ),
			enabled: true,
		} );
	}
	return sources;
}

const DEBIAN_SUITES = new Set( [
	'buzz',
	'rex',
	'bo',
	'hamm',
	'slink',
	'potato',
	'woody',
	'sarge',
	'etch',
	'lenny',
	'squeeze',
	'wheezy',
	'jessie',
	'stretch',
	'buster',
	'bullseye',
	'bookworm',
	'trixie',
	'forky',
	'duke',
	'sid',
	'oldoldstable',
	'oldstable',
	'stable',
	'testing',
	'unstable',
	'experimental',
] );

function isDebianMainEntry( source: AptSource, uri: string ): boolean {
	if (
		! source.enabled ||
		! source.types.includes( 'deb' ) ||
		uri.startsWith( 'cdrom:' )
	) {
		return false;
	}
	if (
		/security/i.test( uri ) ||
		source.suites.some( ( suite ) => suite.endsWith( '-security' ) )
	) {
		return false;
	}
	return source.suites.some( ( suite ) =>
		DEBIAN_SUITES.has( suite.split( '-' )[ 0 ] ?? '' )
	);
}

/**
 * The archive of the main Debian entry: not the security archive, a Debian
 * suite name (so an Ubuntu machine yields nothing). Entries that list a
 * plain suite (not `-updates`/`-backports`) are preferred.
 * @param sources Parsed apt sources.
 */
export function pickDebianArchive(
	sources: AptSource[]
): DebianArchive | undefined {
	let fallback: DebianArchive | undefined;
	for ( const source of sources ) {
		for ( const uri of source.uris ) {
			if ( ! isDebianMainEntry( source, uri ) ) {
				continue;
			}
			const archive: DebianArchive = {
				uri: uri.replace( /\/+$/, '' ),
				...( source.signedBy ? { signedBy: source.signedBy } : {} ),
			};
			if ( source.suites.some( ( suite ) => ! suite.includes( '-' ) ) ) {
				return archive;
			}
			fallback ??= archive;
		}
	}
	return fallback;
}

/**
 * Reads `/etc/apt/sources.list.d/debian.sources`, then `sources.list`, then the other files.
 * @param etcApt apt's configuration folder.
 */
export async function readSystemSources(
	etcApt = '/etc/apt'
): Promise< AptSource[] > {
	const files = [
		path.join( etcApt, 'sources.list.d', 'debian.sources' ),
		path.join( etcApt, 'sources.list' ),
	];
	const others = await readdir( path.join( etcApt, 'sources.list.d' ) ).catch(
		() => [] as string[]
	);
	for ( const name of others.sort() ) {
		if ( name.endsWith( '.sources' ) || name.endsWith( '.list' ) ) {
			files.push( path.join( etcApt, 'sources.list.d', name ) );
		}
	}
	const sources: AptSource[] = [];
	for ( const file of new Set( files ) ) {
		const text = await readFile( file, 'utf8' ).catch( () => undefined );
		if ( text !== undefined ) {
			sources.push(
				...( file.endsWith( '.sources' )
					? parseDeb822( text )
					: parseOneLine( text ) )
			);
		}
	}
	return sources;
}

/**
 * The machine's Debian archive, or undefined on a machine without one.
 * `CCG_DEBIAN_ARCHIVE` overrides the URI (the keyring then comes from the
 * machine's sources or the standard Debian keyring).
 * @param etcApt apt's configuration folder.
 */
export async function findDebianArchive(
	etcApt = '/etc/apt'
): Promise< DebianArchive | undefined > {
	const found = pickDebianArchive( await readSystemSources( etcApt ) );
	const override = process.env.CCG_DEBIAN_ARCHIVE;
	if ( override ) {
		return {
			uri: override.replace( /\/+$/, '' ),
			...( found?.signedBy ? { signedBy: found.signedBy } : {} ),
		};
	}
	return found;
}
