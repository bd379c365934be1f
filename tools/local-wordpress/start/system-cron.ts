/**
 * What a host's crontab does for WordPress: request wp-cron.php every
 * minute (`* * * * * curl -fsS -o /dev/null https://example.com/wp-cron.php`,
 * as docs/public-gallery.md recommends), so scheduled work runs on a site
 * nobody is visiting: the Drive changes poll, warming after a save, the
 * albums' refreshes. WP-Cron's own spawning on page views stays on, as on
 * most hosts that add a crontab. CCG_SYSTEM_CRON=0 turns it off, to watch
 * the site depend on visits alone.
 */
import http from 'node:http';

export const SYSTEM_CRON_SECONDS = 60;

/** A run that has not answered by then is given up (curl would wait on). */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

export interface SystemCron {
	stop: () => Promise< void >;
}

export function systemCronEnabled(
	env: NodeJS.ProcessEnv = process.env
): boolean {
	return env.CCG_SYSTEM_CRON !== '0';
}

/**
 * Requests `${ siteUrl }/wp-cron.php` every `seconds`, the first one a
 * tick after the start. A request still running when the next tick comes
 * is not doubled (WP-Cron's lock would turn it away anyway); failures are
 * ignored, as curl's would be.
 */
export function startSystemCron(
	siteUrl: string,
	seconds = SYSTEM_CRON_SECONDS
): SystemCron {
	let running: Promise< void > | null = null;
	const tick = () => {
		if ( running ) {
			return;
		}
		running = new Promise< void >( ( resolve ) => {
			const request = http.get( `${ siteUrl }/wp-cron.php`, ( res ) => {
				res.resume();
				res.on( 'end', () => resolve() );
				res.on( 'error', () => resolve() );
			} );
			request.setTimeout( RUN_TIMEOUT_MS, () => request.destroy() );
			request.on( 'error', () => resolve() );
		} ).finally( () => {
			running = null;
		} );
	};
	const timer = setInterval( tick, seconds * 1000 );
	timer.unref();
	return {
		stop: async () => {
			clearInterval( timer );
			await running;
		},
	};
}
