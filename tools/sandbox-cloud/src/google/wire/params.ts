import { driveError } from './errors';

/**
 * A boolean query parameter (`true`/`false`, any case); absent = `fallback`.
 */
export function boolParam(
	q: URLSearchParams,
	name: string,
	fallback = false
): boolean {
	const value = q.get( name );
	if ( value === null ) {
		return fallback;
	}
	if ( /^(true|false)$/i.test( value ) ) {
		return value.toLowerCase() === 'true';
	}
	throw driveError(
		400,
		'invalidParameter',
		`Invalid boolean value: '${ value }'.`,
		{ location: name }
	);
}

/**
 * An int32 query parameter in [min, max]; above max it is coerced to max
 * when `coerce` (files.list pageSize, contract B3), else 400.
 */
export function intParam(
	q: URLSearchParams,
	name: string,
	range: { min: number; max: number; fallback: number; coerce: boolean }
): number {
	const value = q.get( name );
	if ( value === null ) {
		return range.fallback;
	}
	if ( ! /^-?\d{1,10}$/.test( value ) ) {
		throw driveError(
			400,
			'invalidParameter',
			`Invalid int32 value: '${ value }'.`,
			{ location: name }
		);
	}
	const n = Number( value );
	if ( n > range.max && range.coerce ) {
		return range.max;
	}
	if ( n < range.min || n > range.max ) {
		throw driveError(
			400,
			'invalidParameter',
			`Invalid value '${ value }'. Values must be within the range: [${ range.min }, ${ range.max }]`,
			{ location: name }
		);
	}
	return n;
}

/**
 * Whether `prettyPrint` asks for compact JSON.
 */
export function pretty( q: URLSearchParams ): boolean {
	return ( q.get( 'prettyPrint' ) ?? 'true' ).toLowerCase() !== 'false';
}
