/**
 * What a scenario hands back: rows of named numbers, and the ratios that
 * are its result.
 */
export interface Row {
	label: string;
	values: Record< string, number | string >;
}

export interface Ratio {
	label: string;
	value: number;
}

export interface ScenarioResult {
	id: string;
	title: string;
	rows: Row[];
	ratios: Ratio[];
	notes: string[];
}

export function scenario( id: string, title: string ): ScenarioResult {
	return { id, title, rows: [], ratios: [], notes: [] };
}

/**
 * Problems that make a result unusable: no rows, a non-finite number, or a
 * missing ratio. The smoke mode fails on any (it never judges timings).
 */
export function problems( result: ScenarioResult ): string[] {
	const found: string[] = [];
	if ( result.rows.length === 0 ) {
		found.push( 'no measurements' );
	}
	for ( const row of result.rows ) {
		for ( const [ key, value ] of Object.entries( row.values ) ) {
			if ( typeof value === 'number' && ! Number.isFinite( value ) ) {
				found.push( `${ row.label }: ${ key } is ${ value }` );
			}
		}
	}
	if ( result.ratios.length === 0 ) {
		found.push( 'no ratio' );
	}
	for ( const r of result.ratios ) {
		if ( ! Number.isFinite( r.value ) ) {
			found.push( `ratio ${ r.label } is ${ r.value }` );
		}
	}
	return found;
}
