/**
 * Medians and ratios. Ratios are the result: absolute times on a shared
 * 2-core machine are noise.
 */
/**
 * Keyed value that must be there (the record was filled by the same code).
 */
export function must< T >( record: Record< string, T >, key: string ): T {
	const value = record[ key ];
	if ( value === undefined ) {
		throw new Error( `missing measurement: ${ key }` );
	}
	return value;
}

/**
 */
export function median( values: number[] ): number {
	if ( values.length === 0 ) {
		return NaN;
	}
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	const at = ( i: number ) => sorted[ i ] ?? NaN;
	return sorted.length % 2 ? at( mid ) : ( at( mid - 1 ) + at( mid ) ) / 2;
}

export function ratio( a: number, b: number ): number {
	return b === 0 ? NaN : a / b;
}

export function round( value: number, digits = 2 ): number {
	const f = 10 ** digits;
	return Math.round( value * f ) / f;
}
