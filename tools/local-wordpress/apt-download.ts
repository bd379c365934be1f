/**
 * Downloads .deb files from another Debian suite through a PRIVATE apt
 * configuration (own sources, lists and cache under `.local/apt/<suite>/`),
 * leaving the machine's apt state untouched. Nothing is installed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { DebianArchive } from './apt-sources';
import { exec, execCapture } from './exec';
import { progress, warn } from './log';
import { paths } from './paths';

const DEFAULT_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

/**
 * A deb822 field value, continuation lines indented, empty lines as " .".
 * @param value The field value (may span lines).
 */
function deb822Value( value: string ): string {
	const [ first, ...rest ] = value.split( '\n' );
	return [
		first ?? '',
		...rest.map( ( line ) => ( line.trim() === '' ? ' .' : ` ${ line }` ) ),
	].join( '\n' );
}

export function renderSources( archive: DebianArchive, suite: string ): string {
	const signedBy =
		archive.signedBy ??
		( existsSync( DEFAULT_KEYRING ) ? DEFAULT_KEYRING : undefined );
	return [
		"# Written by tools/local-wordpress at run time from the machine's own apt sources.",
		'Types: deb',
		`URIs: ${ archive.uri }`,
		`Suites: ${ suite }`,
		'Components: main',
		...( signedBy ? [ `Signed-By: ${ deb822Value( signedBy ) }` ] : [] ),
		'',
	].join( '\n' );
}

export class PrivateApt {
	readonly dir: string;

	constructor( readonly suite: string ) {
		this.dir = paths.aptDir( suite );
	}

	get options(): string[] {
		const options = [
			`Dir::Etc::SourceList=${ path.join( this.dir, 'debian.sources' ) }`,
			'Dir::Etc::SourceParts=/dev/null',
			`Dir::State::Lists=${ path.join( this.dir, 'lists' ) }`,
			`Dir::Cache=${ path.join( this.dir, 'cache' ) }`,
			'Dir::State::status=/dev/null',
			'Dir::Etc::Preferences=/dev/null',
			'Dir::Etc::PreferencesParts=/dev/null',
			'Acquire::Languages=none',
		];
		if ( process.getuid?.() === 0 ) {
			// Our folders are root's; apt's _apt sandbox user could not write them.
			options.push( 'APT::Sandbox::User=root' );
		} else {
			options.push( 'Debug::NoLocking=true' );
		}
		return options.flatMap( ( option ) => [ '-o', option ] );
	}

	/**
	 * Writes the private sources and refreshes the suite's package lists.
	 * @param archive The machine's Debian archive.
	 */
	async update( archive: DebianArchive ): Promise< void > {
		await mkdir( path.join( this.dir, 'lists', 'partial' ), {
			recursive: true,
		} );
		await mkdir( path.join( this.dir, 'cache', 'archives', 'partial' ), {
			recursive: true,
		} );
		await writeFile(
			path.join( this.dir, 'debian.sources' ),
			renderSources( archive, this.suite )
		);
		progress( `apt: reading Debian ${ this.suite } package lists…` );
		const result = await execCapture( 'apt-get', [
			...this.options,
			'-q',
			'update',
		] );
		const failed =
			result.code !== 0 ||
			/^(E:|W: Failed to fetch|Err:)/m.test(
				result.stderr + result.stdout
			);
		if ( failed ) {
			const detail = ( result.stderr || result.stdout )
				.trim()
				.split( '\n' )
				.slice( -6 )
				.join( '\n' );
			const haveLists = (
				await readdir( path.join( this.dir, 'lists' ) )
			).some( ( f ) => f.endsWith( '_InRelease' ) );
			if ( ! haveLists ) {
				throw new Error(
					`apt-get update for Debian ${ this.suite } failed:\n${ detail }`
				);
			}
			warn(
				`apt-get update for Debian ${ this.suite } failed; using the lists from an earlier run.\n${ detail }`
			);
		}
	}

	/**
	 * Control fields of the candidate version of a package, or undefined when the suite has none.
	 * @param name Package name.
	 */
	async show( name: string ): Promise< Map< string, string > | undefined > {
		const result = await execCapture( 'apt-cache', [
			...this.options,
			'show',
			'--no-all-versions',
			name,
		] );
		if ( result.code !== 0 || ! result.stdout.trim() ) {
			return undefined;
		}
		const fields = new Map< string, string >();
		for ( const line of result.stdout.split( '\n' ) ) {
			const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec( line );
			if ( match?.[ 1 ] && ! fields.has( match[ 1 ] ) ) {
				fields.set( match[ 1 ], match[ 2 ] ?? '' );
			}
		}
		return fields;
	}

	/**
	 * Downloads the candidate .deb of each package into `dest` (kept there
	 * as a cache: a file already present with the right checksum is not
	 * fetched again; older versions are removed). Returns the file paths.
	 * @param names Package names.
	 * @param dest  Cache folder for the .deb files.
	 */
	async download( names: string[], dest: string ): Promise< string[] > {
		await mkdir( dest, { recursive: true } );
		const { stdout } = await exec( 'apt-get', [
			...this.options,
			'-q',
			'download',
			'--print-uris',
			...names,
		] );
		const wanted: { file: string; sha256: string; size: number }[] = [];
		for ( const line of stdout.split( '\n' ) ) {
			const match =
				/^'[^']+'\s+(\S+)\s+(\d+)\s+SHA256:([0-9a-f]{64})/i.exec(
					line
				);
			if ( match?.[ 1 ] && match[ 3 ] ) {
				wanted.push( {
					file: match[ 1 ],
					size: Number( match[ 2 ] ),
					sha256: match[ 3 ].toLowerCase(),
				} );
			}
		}
		if ( wanted.length !== names.length ) {
			throw new Error(
				`apt-get download --print-uris listed ${ wanted.length } files for ${ names.length } packages:\n${ stdout }`
			);
		}
		const missing: string[] = [];
		for ( const item of wanted ) {
			if (
				! ( await hasChecksum(
					path.join( dest, item.file ),
					item.size,
					item.sha256
				) )
			) {
				// Files are named NAME_VERSION_ARCH.deb (apt lists them in its own order).
				missing.push( item.file.split( '_' )[ 0 ] ?? item.file );
			}
		}
		if ( missing.length > 0 ) {
			progress(
				`apt: downloading ${ missing.join( ' ' ) } from Debian ${ this.suite }…`
			);
			await exec(
				'apt-get',
				[ ...this.options, '-q', 'download', ...missing ],
				{ cwd: dest }
			);
		} else {
			progress( `apt: ${ names.length } .deb files already cached` );
		}
		const keep = new Set( wanted.map( ( item ) => item.file ) );
		for ( const file of await readdir( dest ) ) {
			if ( file.endsWith( '.deb' ) && ! keep.has( file ) ) {
				await rm( path.join( dest, file ), { force: true } );
			}
		}
		return wanted.map( ( item ) => path.join( dest, item.file ) );
	}
}

async function hasChecksum(
	file: string,
	size: number,
	sha256: string
): Promise< boolean > {
	const info = await stat( file ).catch( () => undefined );
	if ( ! info || info.size !== size ) {
		return false;
	}
	const hash = createHash( 'sha256' );
	for await ( const chunk of createReadStream( file ) ) {
		hash.update( chunk as Buffer );
	}
	return hash.digest( 'hex' ) === sha256;
}

/**
 * Names in a Depends field, first alternative of each, without version constraints.
 * @param depends A Depends field.
 */
export function dependencyNames( depends: string ): string[] {
	return depends
		.split( ',' )
		.map( ( group ) =>
			( group.split( '|' )[ 0 ] ?? '' )
				.replace( /\(.*?\)|\[.*?\]|:\S+/g, '' )
				.trim()
		)
		.filter( Boolean );
}

/** PHP extension packages: the server's business, not part of the tree. */
const PHP_EXTENSIONS =
	/^php(\d+(\.\d+)?)?(-(gd|mysql|mysqlnd|curl|xml|mbstring|intl|zip|imagick|json|sqlite3|cli|common|fpm|cgi|bcmath|gmp|ssh2|redis|memcached|apcu|opcache|soap|ldap|pgsql|readline|tidy|bz2|igbinary|msgpack|sodium|mcrypt|xmlrpc|gettext))?$/;

/**
 * Debian unbundles libraries from WordPress and symlinks them back in:
 * these are the packages whose files the `wordpress` tree points into.
 * @param depends A Depends field.
 */
export function bundledLibraries( depends: string ): string[] {
	return [
		...new Set(
			dependencyNames( depends ).filter(
				( name ) =>
					/^(libjs-|libphp-|node-)/.test( name ) ||
					( name.startsWith( 'php-' ) &&
						! PHP_EXTENSIONS.test( name ) )
			)
		),
	];
}
