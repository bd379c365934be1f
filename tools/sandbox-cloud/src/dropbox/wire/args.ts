/**
 * Stone-style argument checking: unknown fields, missing fields, wrong types,
 * patterns and union tags are all 400 plain-text errors, worded like Dropbox's.
 */

export type FieldType =
	| { t: 'string'; pattern?: string }
	| { t: 'bool' }
	| { t: 'uint'; min: number; max: number }
	/** A union of void members: `"jpeg"` or `{".tag": "jpeg"}`. */
	| { t: 'enum'; tags: readonly string[] }
	/** A union whose members carry fields, e.g. `{".tag": "path", "path": "/a.jpg"}`. */
	| { t: 'union'; members: Record< string, StructSpec > }
	| { t: 'struct'; fields: StructSpec }
	| { t: 'list'; of: FieldType };

export interface FieldSpec {
	type: FieldType;
	required?: boolean;
	default?: unknown;
}

export type StructSpec = Record< string, FieldSpec >;

export class ArgError extends Error {}

function jsonType( value: unknown ): string {
	if ( value === null ) {
		return 'null';
	}
	if ( Array.isArray( value ) ) {
		return 'list';
	}
	if ( typeof value === 'number' ) {
		return Number.isInteger( value ) ? 'integer' : 'float';
	}
	if ( typeof value === 'object' ) {
		return 'object';
	}
	return typeof value;
}

function at( path: string ): string {
	return path ? `${ path }: ` : '';
}

function checkType( value: unknown, type: FieldType, path: string ): unknown {
	switch ( type.t ) {
		case 'string':
			if ( typeof value !== 'string' ) {
				throw new ArgError(
					`${ at( path ) }'${ String( value ) }' expected to be a string, got ${ jsonType( value ) }`
				);
			}
			if (
				type.pattern &&
				! new RegExp( `^(?:${ type.pattern })$` ).test( value )
			) {
				throw new ArgError(
					`${ at( path ) }'${ value }' did not match pattern '${ type.pattern }'`
				);
			}
			return value;
		case 'bool':
			if ( typeof value !== 'boolean' ) {
				throw new ArgError(
					`${ at( path ) }expected boolean, got ${ jsonType( value ) }`
				);
			}
			return value;
		case 'uint':
			if ( typeof value !== 'number' || ! Number.isInteger( value ) ) {
				throw new ArgError(
					`${ at( path ) }expected integer, got ${ jsonType( value ) }`
				);
			}
			if ( value < type.min || value > type.max ) {
				throw new ArgError(
					`${ at( path ) }${ value } is not within range [${ type.min }, ${ type.max }]`
				);
			}
			return value;
		case 'enum': {
			const tag =
				typeof value === 'string' ? value : tagOf( value, path );
			if (
				typeof value === 'object' &&
				value !== null &&
				Object.keys( value ).length > 1
			) {
				const extra = Object.keys( value ).find(
					( k ) => k !== '.tag'
				);
				throw new ArgError(
					`${ at( path ) }unexpected field '${ extra }' for tag '${ tag }'`
				);
			}
			if ( ! type.tags.includes( tag ) ) {
				throw new ArgError( `${ at( path ) }unknown tag '${ tag }'` );
			}
			return tag;
		}
		case 'union': {
			const tag = tagOf( value, path );
			const member = type.members[ tag ];
			if ( ! member ) {
				throw new ArgError( `${ at( path ) }unknown tag '${ tag }'` );
			}
			const { '.tag': _tag, ...fields } = value as Record<
				string,
				unknown
			>;
			return { '.tag': tag, ...checkStruct( fields, member, path ) };
		}
		case 'struct':
			if (
				typeof value !== 'object' ||
				value === null ||
				Array.isArray( value )
			) {
				throw new ArgError(
					`${ at( path ) }expected object, got ${ jsonType( value ) }`
				);
			}
			return checkStruct(
				value as Record< string, unknown >,
				type.fields,
				path
			);
		case 'list':
			if ( ! Array.isArray( value ) ) {
				throw new ArgError(
					`${ at( path ) }expected list, got ${ jsonType( value ) }`
				);
			}
			return value.map( ( item, i ) =>
				checkType( item, type.of, `${ path }[${ i }]` )
			);
	}
}

function tagOf( value: unknown, path: string ): string {
	if ( typeof value === 'string' ) {
		return value;
	}
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray( value )
	) {
		throw new ArgError(
			`${ at( path ) }expected object, got ${ jsonType( value ) }`
		);
	}
	const tag = ( value as Record< string, unknown > )[ '.tag' ];
	if ( typeof tag !== 'string' ) {
		throw new ArgError( `${ at( path ) }missing '.tag' key` );
	}
	return tag;
}

export function checkStruct(
	input: Record< string, unknown >,
	spec: StructSpec,
	path = ''
): Record< string, unknown > {
	const out: Record< string, unknown > = {};
	for ( const key of Object.keys( input ) ) {
		if ( ! ( key in spec ) ) {
			throw new ArgError( `${ at( path ) }unknown field '${ key }'` );
		}
	}
	for ( const [ key, field ] of Object.entries( spec ) ) {
		const sub = path ? `${ path }.${ key }` : key;
		const value = input[ key ];
		if ( value === undefined || value === null ) {
			if ( field.required ) {
				throw new ArgError(
					`${ at( path ) }missing required field '${ key }'`
				);
			}
			if ( field.default !== undefined ) {
				out[ key ] = field.default;
			}
			continue;
		}
		out[ key ] = checkType( value, field.type, sub );
	}
	return out;
}

/**
 * Parses and checks one argument document. `where` prefixes messages (`request body: `).
 */
export function parseArg(
	text: string,
	spec: StructSpec | 'void',
	where: string
): Record< string, unknown > {
	let value: unknown;
	try {
		value = JSON.parse( text );
	} catch {
		throw new ArgError( `${ where }could not decode input as JSON` );
	}
	try {
		if ( spec === 'void' ) {
			if ( value !== null ) {
				throw new ArgError(
					`expected null, got ${ jsonType( value ) }`
				);
			}
			return {};
		}
		if (
			typeof value !== 'object' ||
			value === null ||
			Array.isArray( value )
		) {
			throw new ArgError( `expected object, got ${ jsonType( value ) }` );
		}
		return checkStruct( value as Record< string, unknown >, spec );
	} catch ( error ) {
		if ( error instanceof ArgError ) {
			throw new ArgError( `${ where }${ error.message }` );
		}
		throw error;
	}
}

/** Path patterns from the Stone spec. */
export const LIST_FOLDER_PATH =
	'(/(.|[\\r\\n])*)?|id:.*|(ns:[0-9]+(/(.|[\\r\\n])*)?)';
export const READ_PATH =
	'(/(.|[\\r\\n])*|id:.*)|(rev:[0-9a-f]{9,})|(ns:[0-9]+(/(.|[\\r\\n])*)?)';

export const THUMBNAIL_FORMATS = [ 'jpeg', 'png', 'webp' ] as const;
export const THUMBNAIL_SIZES = [
	'w32h32',
	'w64h64',
	'w128h128',
	'w256h256',
	'w480h320',
	'w640h480',
	'w960h640',
	'w1024h768',
	'w2048h1536',
] as const;
export const THUMBNAIL_MODES = [
	'strict',
	'bestfit',
	'fitone_bestfit',
	'original',
] as const;
