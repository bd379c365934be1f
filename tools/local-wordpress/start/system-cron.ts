/**
 * What a host's crontab does for WordPress: request wp-cron.php every
 * minute (`* * * * * curl -fsS -o /dev/null https://example.com/wp-cron.php`,
 * as docs/public-gallery.md recommends), so scheduled work runs on a site
 * nobody is visiting: the Drive changes poll, warming after a save, the
 * albums' refreshes. `npm start` runs one beside WP-Cron's own spawning on
 * page views, as most hosts that add a crontab do (CCG_SYSTEM_CRON=0 turns
 * it off, to watch the site depend on visits alone); the bench's change
 * scenario runs one with a shorter tick.
 */
import http from 'node:http';

export const SYSTEM_CRON_SECONDS = 60;

/** A run that has not answered by then is given up. */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

export interface SystemCron {
	/** Requests sent so far. */
	ticks: () => number;
	/** No more ticks; resolves when the requests under way have answered. */
	stop: () => Promise< void >;
}

export function systemCronEnabled(
	env: NodeJS.ProcessEnv = process.env
): boolean {
	return env.CCG_SYSTEM_CRON !== '0';
}

function get( url: string ): Promise< void > {
	return new Promise< void >( ( resolve ) => {
		const request = http.get( url, ( res ) => {
			res.resume();
			res.on( 'end', () => resolve() );
			res.on( 'error', () => resolve() );
		} );
		request.setTimeout( RUN_TIMEOUT_MS, () => request.destroy() );
		request.on( 'error', () => resolve() );
	} );
}

/**
 * Requests `${ siteUrl }/wp-cron.php` every `seconds`, the first one a
 * tick after the start. Like crontab, a tick does not wait for the run
 * before it (WP-Cron's lock turns a second run away), so a slow run never
 * shifts the clock; failures are ignored, as curl's would be.
 */
export function startSystemCron(
	siteUrl: string,
	seconds = SYSTEM_CRON_SECONDS
): SystemCron {
	const running = new Set< Promise< void > >();
	let ticks = 0;
	const timer = setInterval( () => {
		ticks++;
		const run = get( `${ siteUrl }/wp-cron.php` );
		running.add( run );
		void run.finally( () => running.delete( run ) );
	}, seconds * 1000 );
	timer.unref();
	return {
		ticks: () => ticks,
		stop: async () => {
			clearInterval( timer );
			await Promise.all( running );
		},
	};
}
