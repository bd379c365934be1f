/**
 * Turns two recordings of the same scenario (the plugin's, the official
 * client's) into comparable form and lists every difference. Only what
 * must differ is normalised here: the values that differ by nature (tokens,
 * codes, cursors: replaced by their names), Host and Content-Length. Every
 * other exception is an entry of allowlist.json, with its reason.
 */
import type { RecordedRequest } from '../../tools/sandbox-cloud/src/shared/recorder';

export interface AllowEntry {
	id: string;
	reason: string;
	source: string;
	/** The sandbox host ("dropbox api", "google oauth2"…); every host when absent. */
	host?: string;
	/** A regular expression the request path must match; every path when absent. */
	path?: string;
	/** Header names (lower case) whose presence and value are not compared. */
	headers?: string[];
	/** Headers that count as absent when present with an empty value. */
	emptyHeaders?: string[];
	/** Parameters (query or form) that are not compared. */
	params?: string[];
	/** The service reads parameters from the query and the form body alike: compare their union. */
	paramsAnywhere?: boolean;
	/** A JSON body of `null` counts as no body. */
	nullBody?: boolean;
}

interface Canonical {
	request: string;
	params: string[];
	headers: Record< string, string >;
	body: string;
}

/** Headers that differ by connection, not by intent. */
const CONNECTION_HEADERS = new Set( [ 'host', 'content-length' ] );

/** Headers whose value is JSON the service parses (Dropbox's argument header). */
const JSON_HEADERS = new Set( [ 'dropbox-api-arg' ] );

function stable( value: unknown ): string {
	if ( Array.isArray( value ) ) {
		return `[${ value.map( stable ).join( ',' ) }]`;
	}
	if ( value && typeof value === 'object' ) {
		return `{${ Object.keys( value )
			.sort()
			.map(
				( key ) =>
					`${ JSON.stringify( key ) }:${ stable(
						( value as Record< string, unknown > )[ key ]
					) }`
			)
			.join( ',' ) }}`;
	}
	return JSON.stringify( value );
}

/**
 * Values to replace by their names, longest first (one may contain another).
 */
function spellings(
	values: Record< string, string >
): Array< [ string, string ] > {
	const out: Array< [ string, string ] > = [];
	for ( const [ name, value ] of Object.entries( values ) ) {
		if ( value === '' ) {
			continue;
		}
		out.push( [ value, `«${ name }»` ] );
	}
	return out.sort( ( a, b ) => b[ 0 ].length - a[ 0 ].length );
}

/**
 * Decoded name=value pairs; values are swapped after decoding, so no URL
 * encoding style (RFC 3986, forms) hides a token.
 */
function pairs( text: string, swap: ( t: string ) => string ): string[] {
	return [ ...new URLSearchParams( text ) ].map(
		( [ k, v ] ) => `${ k }=${ swap( v ) }`
	);
}

export function applies(
	entry: AllowEntry,
	request: RecordedRequest
): boolean {
	const path = request.url.split( '?' )[ 0 ]!;
	return (
		( ! entry.host || entry.host === request.host ) &&
		( ! entry.path || new RegExp( entry.path ).test( path ) )
	);
}

export function canonical(
	request: RecordedRequest,
	values: Record< string, string >,
	allow: AllowEntry[]
): Canonical {
	const rules = allow.filter( ( entry ) => applies( entry, request ) );
	const swaps = spellings( values );
	const swap = ( text: string ) =>
		swaps.reduce( ( t, [ from, to ] ) => t.split( from ).join( to ), text );

	const [ rawPath = '', query = '' ] = request.url.split( /\?(.*)/s );
	const path = swap( rawPath );
	const headers: Record< string, string > = {};
	for ( const [ rawName, rawValue ] of request.headers ) {
		const name = rawName.toLowerCase();
		const value = swap( rawValue );
		headers[ name ] =
			name in headers ? `${ headers[ name ] }, ${ value }` : value;
	}
	const type = headers[ 'content-type' ] ?? '';
	for ( const name of Object.keys( headers ) ) {
		const skipped =
			CONNECTION_HEADERS.has( name ) ||
			rules.some( ( r ) => r.headers?.includes( name ) ) ||
			( headers[ name ] === '' &&
				rules.some( ( r ) => r.emptyHeaders?.includes( name ) ) );
		if ( skipped ) {
			delete headers[ name ];
		} else if ( JSON_HEADERS.has( name ) ) {
			try {
				headers[ name ] = stable( JSON.parse( headers[ name ]! ) );
			} catch {
				// Not JSON: compared as sent.
			}
		}
	}

	let params = pairs( query, swap );
	const text = Buffer.from( request.body, 'base64' ).toString( 'utf8' );
	// Any other body is compared byte for byte (latin1 maps bytes 1:1).
	let body =
		text === ''
			? '(none)'
			: `bytes ${ swap( Buffer.from( request.body, 'base64' ).toString( 'latin1' ) ) }`;
	if ( text !== '' && /json/i.test( type ) ) {
		try {
			const json: unknown = JSON.parse( swap( text ) );
			body =
				json === null && rules.some( ( r ) => r.nullBody )
					? '(none)'
					: `json ${ stable( json ) }`;
		} catch {
			body = `text ${ swap( text ) }`;
		}
	} else if ( text !== '' && /x-www-form-urlencoded/i.test( type ) ) {
		const form = pairs( text, swap );
		if ( rules.some( ( r ) => r.paramsAnywhere ) ) {
			params = params.concat( form );
			body = '(none)';
		} else {
			body = `form ${ form.sort().join( '&' ) }`;
		}
	}
	const ignored = rules.flatMap( ( r ) => r.params ?? [] );
	params = params
		.filter( ( p ) => ! ignored.includes( p.split( '=' )[ 0 ]! ) )
		.sort();
	return {
		request: `${ request.method } ${ request.host } ${ path }`,
		params,
		headers,
		body,
	};
}

/**
 * The differences between the plugin's request and the official client's, one line each.
 */
export function differences(
	plugin: Canonical,
	official: Canonical
): string[] {
	const out: string[] = [];
	if ( plugin.request !== official.request ) {
		out.push(
			`request: plugin ${ plugin.request } | official ${ official.request }`
		);
	}
	const onlyIn = ( a: string[], b: string[] ) => {
		const rest = [ ...b ];
		return a.filter( ( item ) => {
			const at = rest.indexOf( item );
			if ( at === -1 ) {
				return true;
			}
			rest.splice( at, 1 );
			return false;
		} );
	};
	for ( const p of onlyIn( plugin.params, official.params ) ) {
		out.push( `parameter only the plugin sends: ${ p }` );
	}
	for ( const p of onlyIn( official.params, plugin.params ) ) {
		out.push( `parameter only the official client sends: ${ p }` );
	}
	const names = new Set( [
		...Object.keys( plugin.headers ),
		...Object.keys( official.headers ),
	] );
	for ( const name of [ ...names ].sort() ) {
		const a = plugin.headers[ name ];
		const b = official.headers[ name ];
		if ( a !== b ) {
			out.push(
				`header ${ name }: plugin ${ a === undefined ? '(absent)' : JSON.stringify( a ) } | official ${ b === undefined ? '(absent)' : JSON.stringify( b ) }`
			);
		}
	}
	if ( plugin.body !== official.body ) {
		out.push(
			`body: plugin ${ plugin.body } | official ${ official.body }`
		);
	}
	return out;
}
