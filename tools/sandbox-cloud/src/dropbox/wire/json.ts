/**
 * JSON the way Dropbox's servers write it: `", "` and `": "` separators and
 * every non-ASCII character escaped as \uXXXX (as recorded on the wire). The
 * escaping also keeps `Dropbox-API-Result` headers pure ASCII.
 */
export function dbxJson( value: unknown ): string {
	if ( value === null || value === undefined ) {
		return 'null';
	}
	if ( typeof value === 'string' ) {
		return JSON.stringify( value ).replace(
			/[\u007f-\uffff]/g,
			( ch ) =>
				`\\u${ ch.charCodeAt( 0 ).toString( 16 ).padStart( 4, '0' ) }`
		);
	}
	if ( typeof value === 'number' || typeof value === 'boolean' ) {
		return JSON.stringify( value );
	}
	if ( Array.isArray( value ) ) {
		return `[${ value.map( dbxJson ).join( ', ' ) }]`;
	}
	const parts = Object.entries( value as Record< string, unknown > )
		.filter( ( [ , v ] ) => v !== undefined )
		.map( ( [ k, v ] ) => `${ dbxJson( k ) }: ${ dbxJson( v ) }` );
	return `{${ parts.join( ', ' ) }}`;
}
