/**
 * The subset of Drive's `q` syntax a gallery uses (contract B3.1): terms
 * combined with `and`, `or`, `not` and parentheses; single-quoted strings
 * with `\'` and `\\` escapes. Anything else is 400 "Invalid Value" on `q`,
 * so a client never gets silently wrong results.
 */
import { invalidValue } from '../wire/errors';
import { type Node, parseQuery, QueryError, timeOf } from './query-parse';

/** What a term can look at; times only when the query uses them (they need a stat). */
export interface QueryFacts {
	name: string;
	mimeType: string;
	trashed: boolean;
	parentId: string | null;
	/** The item is in My Drive (owned by the sandbox user). */
	mine: boolean;
	modifiedTime?: number;
	createdTime?: number;
}

/**
 * Drive's `name contains` matches the start of the name or of a word in it
 * ("HelloWorld" contains "Hello", not "World"), case-insensitively.
 */
function nameContains( name: string, part: string ): boolean {
	const haystack = name.toLowerCase();
	const needle = part.toLowerCase();
	let at = haystack.indexOf( needle );
	while ( at >= 0 ) {
		if ( at === 0 || ! /[\p{L}\p{N}]/u.test( haystack[ at - 1 ]! ) ) {
			return true;
		}
		at = haystack.indexOf( needle, at + 1 );
	}
	return false;
}

function compare( a: number, operator: string, b: number ): boolean {
	switch ( operator ) {
		case '<':
			return a < b;
		case '<=':
			return a <= b;
		case '>':
			return a > b;
		case '>=':
			return a >= b;
		case '=':
			return a === b;
		default:
			return a !== b;
	}
}

export class DriveQuery {
	private constructor(
		private readonly root: Node | null,
		private readonly rootId: string
	) {}

	/**
	 * Parses `q` (null or blank: match everything); 400 on syntax the sandbox does not support.
	 * @param rootId My Drive's root id (`'root' in parents`).
	 */
	static parse( q: string | null, rootId: string ): DriveQuery {
		if ( q === null || q.trim() === '' ) {
			return new DriveQuery( null, rootId );
		}
		try {
			return new DriveQuery( parseQuery( q ), rootId );
		} catch ( error ) {
			if ( error instanceof QueryError ) {
				throw invalidValue( 'q' );
			}
			throw error;
		}
	}

	/** Whether terms need file times (so items must be stat'ed first). */
	get usesTimes(): boolean {
		const visit = ( node: Node | null ): boolean => {
			if ( ! node ) {
				return false;
			}
			if ( node.op === 'and' || node.op === 'or' ) {
				return node.parts.some( visit );
			}
			if ( node.op === 'not' ) {
				return visit( node.part );
			}
			return node.op === 'term' && node.field.endsWith( 'Time' );
		};
		return visit( this.root );
	}

	/** Whether the query has a fullText term (then orderBy is refused, as in Drive). */
	get usesFullText(): boolean {
		const visit = ( node: Node | null ): boolean => {
			if ( ! node ) {
				return false;
			}
			if ( node.op === 'and' || node.op === 'or' ) {
				return node.parts.some( visit );
			}
			if ( node.op === 'not' ) {
				return visit( node.part );
			}
			return node.op === 'term' && node.field === 'fullText';
		};
		return visit( this.root );
	}

	/**
	 * The folder every match must be in (`'<id>' in parents`, alone or
	 * and-ed), so only its children need looking at; null when unconstrained.
	 */
	get parent(): string | null {
		const inParents = ( node: Node ): string | null =>
			node.op === 'in' && node.field === 'parents'
				? this.resolve( node.value )
				: null;
		if ( ! this.root ) {
			return null;
		}
		if ( this.root.op === 'and' ) {
			for ( const part of this.root.parts ) {
				const found = inParents( part );
				if ( found ) {
					return found;
				}
			}
			return null;
		}
		return inParents( this.root );
	}

	private resolve( id: string ): string {
		return id === 'root' ? this.rootId : id;
	}

	matches( facts: QueryFacts ): boolean {
		return this.root ? this.evaluate( this.root, facts ) : true;
	}

	private evaluate( node: Node, f: QueryFacts ): boolean {
		switch ( node.op ) {
			case 'and':
				return node.parts.every( ( p ) => this.evaluate( p, f ) );
			case 'or':
				return node.parts.some( ( p ) => this.evaluate( p, f ) );
			case 'not':
				return ! this.evaluate( node.part, f );
			case 'in':
				if ( node.field === 'parents' ) {
					return f.parentId === this.resolve( node.value );
				}
				if ( node.field === 'owners' ) {
					return (
						f.mine &&
						[ 'me', 'photographer@sandbox.test' ].includes(
							node.value
						)
					);
				}
				return node.value === 'me';
			case 'term':
				return this.term( node, f );
		}
	}

	private term(
		node: Extract< Node, { op: 'term' } >,
		f: QueryFacts
	): boolean {
		const { field, operator, value } = node;
		if ( value.type === 'bool' ) {
			const actual = field === 'trashed' ? f.trashed : false;
			return operator === '='
				? actual === value.value
				: actual !== value.value;
		}
		if ( field === 'modifiedTime' || field === 'createdTime' ) {
			const actual = f[ field ] ?? 0;
			return compare( actual, operator, timeOf( value.text )! );
		}
		const actual = field === 'mimeType' ? f.mimeType : f.name;
		if ( operator === 'contains' ) {
			return field === 'mimeType'
				? actual.toLowerCase().includes( value.text.toLowerCase() )
				: nameContains( actual, value.text );
		}
		return operator === '=' ? actual === value.text : actual !== value.text;
	}
}
