/**
 * WP-Cron for the change scenario: an observer whose page views never start
 * it, a system cron that requests wp-cron.php on a fixed tick, and the
 * state of the Drive changes poll (`ccg_drive_changes`).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Site } from '../../local-wordpress/index';
import { timedGet } from '../http';
import { phpJson } from '../php';

/** The header the observer's requests carry. */
export const OBSERVER_HEADER = 'X-CCG-Bench-Observer';

const OBSERVER_PLUGIN = 'bench-observer.php';

/**
 * The scenario polls the page every 500 ms to see when new photos show.
 * Those requests stand for nobody: if they started WP-Cron (WordPress does
 * on every request's `init`), the poll itself would run the refresh that
 * the webhook or the system cron is meant to run, and "no visitor needed"
 * would go unmeasured. So only requests with the observer header skip it;
 * nothing else about them, or about the plugin, changes. The same
 * mu-plugin notes when each Drive changes poll starts (drivePolls()), on
 * the server's clock, which is this machine's.
 */
export function installObserver( site: Site ): void {
	const log = pollLog( site );
	fs.rmSync( log, { force: true } );
	fs.writeFileSync(
		path.join( site.dir, 'wp-content/mu-plugins', OBSERVER_PLUGIN ),
		`<?php
if ( isset( $_SERVER['HTTP_${ OBSERVER_HEADER.toUpperCase().replace( /-/g, '_' ) }'] ) ) {
	remove_action( 'init', 'wp_cron' );
}
add_action(
	'ccg_drive_changes',
	static function (): void {
		file_put_contents( ${ phpString( log ) }, sprintf( "%.3F\\n", microtime( true ) ), FILE_APPEND | LOCK_EX );
	},
	0
);
`
	);
}

export function removeObserver( site: Site ): void {
	fs.rmSync(
		path.join( site.dir, 'wp-content/mu-plugins', OBSERVER_PLUGIN ),
		{ force: true }
	);
	fs.rmSync( pollLog( site ), { force: true } );
}

/** When each Drive changes poll started since installObserver(), in ms since the epoch. */
export function drivePolls( site: Site ): number[] {
	let text = '';
	try {
		text = fs.readFileSync( pollLog( site ), 'utf8' );
	} catch {
		return [];
	}
	return text
		.split( '\n' )
		.filter( ( line ) => line !== '' )
		.map( ( line ) => Math.round( Number( line ) * 1000 ) );
}

function pollLog( site: Site ): string {
	return path.join( site.dir, 'wp-content', 'ccg-bench-polls.log' );
}

function phpString( value: string ): string {
	return `'${ value.replace( /[\\']/g, '\\$&' ) }'`;
}

/** A GET of wp-cron.php, as `curl` in a crontab would send it. */
export async function runWpCron( site: Site ): Promise< number > {
	return ( await timedGet( `${ site.url }/wp-cron.php` ) ).status;
}

/** Seconds until the next Drive changes poll is due; null: not scheduled. */
export async function nextDrivePoll( site: Site ): Promise< number | null > {
	const next = await phpJson< { in: number | null } >(
		site,
		{},
		`$t = wp_next_scheduled( 'ccg_drive_changes' );
echo wp_json_encode( array( 'in' => false === $t ? null : $t - time() ) );`
	);
	return next.in;
}

/**
 * Makes the Drive changes poll due now (the smoke's short cut: the poll's
 * path, without waiting for its interval).
 */
export async function duePollNow( site: Site ): Promise< void > {
	await phpJson< { due: boolean } >(
		site,
		{},
		`$t = wp_next_scheduled( 'ccg_drive_changes' );
if ( false !== $t ) {
	wp_unschedule_event( $t, 'ccg_drive_changes' );
	wp_schedule_event( time(), 'ccg_drive_changes', 'ccg_drive_changes' );
}
echo wp_json_encode( array( 'due' => false !== $t ) );`
	);
}

/**
 * Runs the Drive changes poll now, through wp-cron.php, so the change the
 * scenario makes next lands right after a poll: the slowest phase. The
 * poll was due, so WordPress schedules the next one a whole interval from
 * now (wp_reschedule_event()). Its first run, if it had not run yet, only
 * records where Drive is; a second run then takes the slowest phase.
 * @return Whether the poll is scheduled on this build, a whole interval away.
 */
export async function primeDrivePoll(
	site: Site,
	interval: number
): Promise< boolean > {
	for ( let runs = 0; runs < 2; runs++ ) {
		await duePollNow( site );
		await runWpCron( site );
	}
	const next = await nextDrivePoll( site );
	return next !== null && next >= interval - 1;
}

/**
 * Waits until no WP-Cron run holds WordPress's `doing_cron` lock (a
 * refresh the webhook started may still be listing other galleries), so
 * the next system cron tick is not turned away by it. At most `seconds`.
 */
export async function waitForCronIdle(
	site: Site,
	seconds: number
): Promise< boolean > {
	const end = Date.now() + seconds * 1000;
	while ( Date.now() < end ) {
		const { busy } = await phpJson< { busy: boolean } >(
			site,
			{},
			`echo wp_json_encode( array( 'busy' => false !== get_transient( 'doing_cron' ) && (float) get_transient( 'doing_cron' ) > microtime( true ) - WP_CRON_LOCK_TIMEOUT ) );`
		);
		if ( ! busy ) {
			return true;
		}
		await new Promise( ( r ) => setTimeout( r, 500 ) );
	}
	return false;
}

/**
 * Runs what WP-Cron has due, through wp-cron.php, until nothing is: the
 * bench site runs without WP-Cron, so warming and refreshes pile up, and a
 * run of that backlog holding the cron lock would stand between a webhook
 * and its refresh. A site whose cron keeps up has no such backlog.
 * @return Events still due after `rounds` runs (0: drained).
 */
export async function drainCron( site: Site, rounds = 5 ): Promise< number > {
	let due = 0;
	for ( let i = 0; i <= rounds; i++ ) {
		due = (
			await phpJson< { due: number } >(
				site,
				{},
				`echo wp_json_encode( array( 'due' => count( wp_get_ready_cron_jobs() ) ) );`
			)
		).due;
		if ( due === 0 || i === rounds ) {
			break;
		}
		await waitForCronIdle( site, 60 );
		await runWpCron( site );
	}
	return due;
}

/**
 * What WP-Cron holds, for a note when a change never showed: the plugin's
 * events (hook, seconds until due) and the age of the cron lock.
 */
export async function cronState( site: Site ): Promise< string > {
	const state = await phpJson< {
		lock: number | null;
		events: Array< [ string, number ] >;
	} >(
		site,
		{},
		`$events = array();
foreach ( _get_cron_array() as $t => $hooks ) {
	foreach ( $hooks as $hook => $list ) {
		if ( str_starts_with( $hook, 'ccg_' ) ) {
			foreach ( $list as $e ) { $events[] = array( $hook, $t - time() ); }
		}
	}
}
$lock = get_transient( 'doing_cron' );
echo wp_json_encode( array( 'lock' => false === $lock ? null : round( microtime( true ) - (float) $lock, 1 ), 'events' => $events ) );`
	);
	const events = state.events
		.map( ( [ hook, due ] ) => `${ hook } in ${ due } s` )
		.join( ', ' );
	return `WP-Cron lock ${ state.lock === null ? 'free' : `taken ${ state.lock } s ago` }; plugin events: ${ events || 'none' }`;
}
