/** What the control API's route tables are made of. */

export class BadInput extends Error {}

export type Body = Record< string, unknown >;
export type Result = { status?: number; body: unknown };
export type Route = [
	method: string,
	pattern: RegExp,
	run: ( match: RegExpExecArray, body: Body ) => Result | Promise< Result >,
];

/**
 * A listing's server-side page cap from a settings body (see PagePlan).
 */
export function maxPageEntries( body: Body ): number {
	const value = body.maxPageEntries;
	if ( ! Number.isInteger( value ) || ( value as number ) < 1 ) {
		throw new BadInput( 'maxPageEntries must be an integer ≥ 1' );
	}
	return value as number;
}

export function seconds( body: Body, field: string, min: number ): number {
	const value = body[ field ];
	if (
		typeof value !== 'number' ||
		! Number.isFinite( value ) ||
		value < min
	) {
		throw new BadInput( `${ field } must be a number ≥ ${ min }` );
	}
	return value;
}
