/**
 * The system cron of npm start and the bench: wp-cron.php on every tick,
 * whether or not a run is still going, and nothing after stop().
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';

import { startSystemCron, systemCronEnabled } from '../start/system-cron';

const sleep = ( ms: number ) =>
	new Promise< void >( ( r ) => setTimeout( r, ms ) );

async function site( answerAfterMs: number ): Promise< {
	url: string;
	paths: string[];
	inFlight: () => number;
	most: () => number;
	close: () => Promise< void >;
} > {
	const paths: string[] = [];
	let inFlight = 0;
	let most = 0;
	const server = http.createServer( ( req, res ) => {
		paths.push( req.url ?? '' );
		inFlight++;
		most = Math.max( most, inFlight );
		setTimeout( () => {
			inFlight--;
			res.end( '' );
		}, answerAfterMs );
	} );
	await new Promise< void >( ( r ) => server.listen( 0, '127.0.0.1', r ) );
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${ port }`,
		paths,
		inFlight: () => inFlight,
		most: () => most,
		close: () =>
			new Promise< void >( ( r ) => {
				server.closeAllConnections();
				server.close( () => r() );
			} ),
	};
}

describe( 'system cron of npm start', () => {
	it( 'requests wp-cron.php on every tick and stops', async () => {
		const s = await site( 0 );
		try {
			const cron = startSystemCron( s.url, 0.05 );
			await sleep( 280 );
			await cron.stop();
			const seen = s.paths.length;
			assert.ok( seen >= 3, `ticks: ${ seen }` );
			assert.deepEqual(
				new Set( s.paths ),
				new Set( [ '/wp-cron.php' ] )
			);
			await sleep( 150 );
			assert.equal( s.paths.length, seen, 'nothing after stop()' );
		} finally {
			await s.close();
		}
	} );

	it( 'ticks on while a run is still going, as crontab does, and stop() waits for every run', async () => {
		const s = await site( 200 );
		try {
			const cron = startSystemCron( s.url, 0.05 );
			await sleep( 170 );
			await cron.stop();
			assert.ok( s.most() >= 2, `at once: ${ s.most() }` );
			assert.equal( cron.ticks(), s.paths.length );
			assert.equal( s.inFlight(), 0, 'stop() waited for the runs' );
		} finally {
			await s.close();
		}
	} );

	it( 'is on unless CCG_SYSTEM_CRON=0', () => {
		assert.equal( systemCronEnabled( {} ), true );
		assert.equal( systemCronEnabled( { CCG_SYSTEM_CRON: '0' } ), false );
		assert.equal( systemCronEnabled( { CCG_SYSTEM_CRON: '1' } ), true );
	} );
} );
