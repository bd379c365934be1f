/**
 * The printed table (one block per scenario: its rows, then its ratios)
 * and the JSON file.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ScenarioResult } from './results';
import { round } from './stats';

function cell( value: number | string ): string {
	if ( typeof value === 'string' ) {
		return value;
	}
	if ( ! Number.isFinite( value ) ) {
		return String( value );
	}
	return String(
		Math.abs( value ) >= 100
			? Math.round( value )
			: round( value, Math.abs( value ) >= 10 ? 1 : 2 )
	);
}

function table( header: string[], rows: string[][] ): string {
	const widths = header.map( ( h, i ) =>
		Math.max( h.length, ...rows.map( ( r ) => ( r[ i ] ?? '' ).length ) )
	);
	const line = ( r: string[] ) =>
		'| ' +
		r.map( ( c, i ) => c.padEnd( widths[ i ] ?? 0 ) ).join( ' | ' ) +
		' |';
	return [
		line( header ),
		'|' + widths.map( ( w ) => '-'.repeat( w + 2 ) ).join( '|' ) + '|',
		...rows.map( line ),
	].join( '\n' );
}

export function formatScenario( r: ScenarioResult, index: number ): string {
	const out = [ `## ${ index }. ${ r.title }`, '' ];
	if ( r.rows.length ) {
		const keys = [
			...new Set(
				r.rows.flatMap( ( row ) => Object.keys( row.values ) )
			),
		];
		out.push(
			table(
				[ '', ...keys ],
				r.rows.map( ( row ) => [
					row.label,
					...keys.map( ( k ) => cell( row.values[ k ] ?? '' ) ),
				] )
			)
		);
		out.push( '' );
	}
	if ( r.ratios.length ) {
		out.push(
			table(
				[ 'ratio', 'value' ],
				r.ratios.map( ( x ) => [ x.label, cell( x.value ) ] )
			)
		);
		out.push( '' );
	}
	for ( const note of r.notes ) {
		out.push( `- ${ note }` );
	}
	return out.join( '\n' );
}

export function writeJson( file: string, data: unknown ): void {
	fs.mkdirSync( path.dirname( file ), { recursive: true } );
	fs.writeFileSync( file, JSON.stringify( data, null, '\t' ) + '\n' );
}
