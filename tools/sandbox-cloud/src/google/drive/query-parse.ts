/**
 * Parsing Drive's `q` (contract B3.1) into a tree of terms: tokens, then
 * `or` of `and` of (`not` | parentheses | term). Unsupported syntax throws
 * QueryError, which files.list turns into 400 "Invalid Value" on `q`.
 */

type Value =
	{ type: 'string'; text: string } | { type: 'bool'; value: boolean };

export type Node =
	| { op: 'and' | 'or'; parts: Node[] }
	| { op: 'not'; part: Node }
	| { op: 'term'; field: string; operator: string; value: Value }
	| { op: 'in'; value: string; field: string };

type Token =
	| { t: 'string'; text: string }
	| { t: 'word'; text: string }
	| { t: 'op'; text: string }
	| { t: 'paren'; text: '(' | ')' };

export class QueryError extends Error {}

function tokenize( q: string ): Token[] {
	const out: Token[] = [];
	let at = 0;
	while ( at < q.length ) {
		const ch = q[ at ]!;
		if ( /\s/.test( ch ) ) {
			at++;
		} else if ( ch === "'" ) {
			let text = '';
			at++;
			for (;;) {
				const c = q[ at ];
				if ( c === undefined ) {
					throw new QueryError( 'unterminated string' );
				}
				if ( c === '\\' ) {
					const next = q[ at + 1 ];
					if ( next !== "'" && next !== '\\' ) {
						throw new QueryError( 'bad escape' );
					}
					text += next;
					at += 2;
				} else if ( c === "'" ) {
					at++;
					break;
				} else {
					text += c;
					at++;
				}
			}
			out.push( { t: 'string', text } );
		} else if ( ch === '(' || ch === ')' ) {
			out.push( { t: 'paren', text: ch } );
			at++;
		} else {
			const op = /^(!=|<=|>=|=|<|>)/.exec( q.slice( at ) );
			const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec( q.slice( at ) );
			if ( op ) {
				out.push( { t: 'op', text: op[ 0 ] } );
				at += op[ 0 ].length;
			} else if ( word ) {
				out.push( { t: 'word', text: word[ 0 ] } );
				at += word[ 0 ].length;
			} else {
				throw new QueryError( `unexpected ${ ch }` );
			}
		}
	}
	return out;
}

/** Which operators each supported field takes. */
const FIELDS: Record< string, string[] > = {
	name: [ 'contains', '=', '!=' ],
	fullText: [ 'contains' ],
	mimeType: [ 'contains', '=', '!=' ],
	trashed: [ '=', '!=' ],
	starred: [ '=', '!=' ],
	sharedWithMe: [ '=', '!=' ],
	modifiedTime: [ '<', '<=', '>', '>=', '=', '!=' ],
	createdTime: [ '<', '<=', '>', '>=', '=', '!=' ],
};
const BOOLEAN_FIELDS = new Set( [ 'trashed', 'starred', 'sharedWithMe' ] );
const IN_FIELDS = new Set( [ 'parents', 'owners', 'writers', 'readers' ] );

function parse( tokens: Token[] ): Node {
	let at = 0;
	const peekWord = ( word: string ) => {
		const token = tokens[ at ];
		return token?.t === 'word' && token.text.toLowerCase() === word;
	};
	const or = (): Node => {
		const parts = [ and() ];
		while ( peekWord( 'or' ) ) {
			at++;
			parts.push( and() );
		}
		return parts.length === 1 ? parts[ 0 ]! : { op: 'or', parts };
	};
	const and = (): Node => {
		const parts = [ unary() ];
		while ( peekWord( 'and' ) ) {
			at++;
			parts.push( unary() );
		}
		return parts.length === 1 ? parts[ 0 ]! : { op: 'and', parts };
	};
	const unary = (): Node => {
		if ( peekWord( 'not' ) ) {
			at++;
			return { op: 'not', part: unary() };
		}
		const token = tokens[ at ];
		if ( token?.t === 'paren' && token.text === '(' ) {
			at++;
			const inner = or();
			const close = tokens[ at++ ];
			if ( close?.t !== 'paren' || close.text !== ')' ) {
				throw new QueryError( 'missing )' );
			}
			return inner;
		}
		return term();
	};
	const term = (): Node => {
		const first = tokens[ at++ ];
		if ( first?.t === 'string' ) {
			const keyword = tokens[ at++ ];
			const field = tokens[ at++ ];
			if (
				keyword?.t !== 'word' ||
				keyword.text !== 'in' ||
				field?.t !== 'word' ||
				! IN_FIELDS.has( field.text )
			) {
				throw new QueryError( 'expected in parents' );
			}
			return { op: 'in', value: first.text, field: field.text };
		}
		if ( first?.t !== 'word' || ! FIELDS[ first.text ] ) {
			throw new QueryError( 'unknown field' );
		}
		const operator = tokens[ at++ ];
		if (
			! operator ||
			( operator.t !== 'op' && operator.t !== 'word' ) ||
			! FIELDS[ first.text ]!.includes( operator.text )
		) {
			throw new QueryError( 'bad operator' );
		}
		const value = tokens[ at++ ];
		if ( BOOLEAN_FIELDS.has( first.text ) ) {
			if (
				value?.t !== 'word' ||
				! [ 'true', 'false' ].includes( value.text )
			) {
				throw new QueryError( 'expected true or false' );
			}
			return {
				op: 'term',
				field: first.text,
				operator: operator.text,
				value: { type: 'bool', value: value.text === 'true' },
			};
		}
		if ( value?.t !== 'string' ) {
			throw new QueryError( 'expected a string' );
		}
		if ( first.text.endsWith( 'Time' ) && timeOf( value.text ) === null ) {
			throw new QueryError( 'bad time' );
		}
		return {
			op: 'term',
			field: first.text,
			operator: operator.text,
			value: { type: 'string', text: value.text },
		};
	};
	const node = or();
	if ( at !== tokens.length ) {
		throw new QueryError( 'trailing input' );
	}
	return node;
}

/**
 * RFC 3339 (`2024-01-01T00:00:00`, UTC unless an offset is given).
 */
export function timeOf( text: string ): number | null {
	if (
		! /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(
			text
		)
	) {
		return null;
	}
	const zoned = /(Z|[+-]\d{2}:\d{2})$/.test( text ) ? text : `${ text }Z`;
	const ms = Date.parse(
		text.includes( 'T' ) ? zoned : `${ text }T00:00:00Z`
	);
	return Number.isNaN( ms ) ? null : ms;
}

/**
 * The tree of a `q` string.
 */
export function parseQuery( q: string ): Node {
	return parse( tokenize( q ) );
}
