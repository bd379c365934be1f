import { invalidFields } from '../wire/errors';
import type { Schema } from './schema';

/**
 * A parsed `fields` value: per field name, `true` (the whole value) or a
 * nested selection; the key `*` selects every field at that level.
 */
export type Selection = Map< string, Selection | true >;

class FieldsSyntaxError extends Error {}

function merge( into: Selection, name: string, value: Selection | true ) {
	const current = into.get( name );
	if ( current === true || value === true || current === undefined ) {
		into.set( name, current === true || value === true ? true : value );
		return;
	}
	for ( const [ key, sub ] of value ) {
		merge( current, key, sub );
	}
}

/**
 * Parses the partial-response syntax: `a,b/c,d(e,f(g)),*`.
 */
function parse( text: string ): Selection {
	let at = 0;
	const peek = () => text[ at ];
	const skipSpace = () => {
		while ( peek() === ' ' ) {
			at++;
		}
	};
	const name = () => {
		skipSpace();
		const match = /^(\*|[A-Za-z_$][A-Za-z0-9_$]*)/.exec( text.slice( at ) );
		if ( ! match ) {
			throw new FieldsSyntaxError( text.slice( at ) || text );
		}
		at += match[ 0 ].length;
		skipSpace();
		return match[ 0 ];
	};
	const list = ( depth: number ): Selection => {
		const out: Selection = new Map();
		for (;;) {
			const path = [ name() ];
			while ( peek() === '/' ) {
				at++;
				path.push( name() );
			}
			let leaf: Selection | true = true;
			if ( peek() === '(' ) {
				at++;
				leaf = list( depth + 1 );
				if ( peek() !== ')' ) {
					throw new FieldsSyntaxError( text );
				}
				at++;
				skipSpace();
			}
			for ( let i = path.length - 1; i > 0; i-- ) {
				leaf = new Map( [ [ path[ i ]!, leaf ] ] );
			}
			merge( out, path[ 0 ]!, leaf );
			if ( peek() === ',' ) {
				at++;
				continue;
			}
			if ( peek() === ')' && depth > 0 ) {
				return out;
			}
			if ( at >= text.length && depth === 0 ) {
				return out;
			}
			throw new FieldsSyntaxError( text.slice( at ) );
		}
	};
	return list( 0 );
}

function validate( selection: Selection, schema: Schema ): void {
	for ( const [ field, sub ] of selection ) {
		if ( field === '*' ) {
			continue;
		}
		const type = schema[ field ];
		if ( type === undefined ) {
			throw invalidFields( field );
		}
		if ( sub === true || type === 'any' ) {
			continue;
		}
		if ( type === true ) {
			throw invalidFields(
				`${ field }(${ [ ...sub.keys() ].join( ',' ) })`
			);
		}
		validate( sub, type );
	}
}

/**
 * The selection a `fields` parameter makes (null: none given), checked
 * against the resource's schema; 400 "Invalid field selection" otherwise.
 */
export function parseFields(
	value: string | null,
	schema: Schema
): Selection | null {
	if ( value === null || value.trim() === '' ) {
		return null;
	}
	let selection: Selection;
	try {
		selection = parse( value.trim() );
	} catch ( error ) {
		if ( error instanceof FieldsSyntaxError ) {
			throw invalidFields( error.message );
		}
		throw error;
	}
	validate( selection, schema );
	return selection;
}

/**
 * Whether a selection (or `true`, everything) includes a field.
 */
export function wants( selection: Selection | true, field: string ): boolean {
	return selection === true || selection.has( '*' ) || selection.has( field );
}

/**
 * The sub-selection of a field: `true` when the field is selected whole.
 */
export function subSelection(
	selection: Selection | true,
	field: string
): Selection | true {
	if ( selection === true || selection.has( '*' ) ) {
		return true;
	}
	return selection.get( field ) ?? true;
}

/**
 * Keeps only the selected fields of a value (objects and lists of objects).
 */
export function project(
	value: unknown,
	selection: Selection | true
): unknown {
	if ( selection === true || selection.has( '*' ) ) {
		return value;
	}
	if ( Array.isArray( value ) ) {
		return value.map( ( item ) => project( item, selection ) );
	}
	if ( value === null || typeof value !== 'object' ) {
		return value;
	}
	const out: Record< string, unknown > = {};
	for ( const [ key, item ] of Object.entries( value ) ) {
		const sub = selection.get( key );
		if ( sub !== undefined ) {
			out[ key ] = project( item, sub );
		}
	}
	return out;
}
