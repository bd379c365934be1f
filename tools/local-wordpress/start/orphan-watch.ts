/**
 * `npm start` runs us as npm → sh → tsx → node. A SIGTERM sent to npm alone
 * (a supervisor, `timeout npm start`) ends npm but is not passed on to us,
 * which would leave the site running. On Linux, watch the nearest
 * ancestors: when one goes away, treat it as a request to stop.
 */
import { readFileSync } from 'node:fs';

function parentOf( pid: number ): number | undefined {
	try {
		// /proc/PID/stat: "PID (COMM) STATE PPID …"; COMM may contain spaces.
		const stat = readFileSync( `/proc/${ pid }/stat`, 'utf8' );
		return Number(
			stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' )[ 1 ]
		);
	} catch {
		return undefined;
	}
}

/**
 * Calls `onGone` once when one of the nearest ancestors (tsx, sh, npm) ends,
 * or one of them is re-parented because the next one ended. (What happens
 * above the last one, e.g. the shell that started npm exiting after a
 * `nohup npm start &`, is not our business.)
 *
 * @param onGone Called when an ancestor is gone.
 * @param levels How many ancestors to watch.
 */
export function watchAncestors( onGone: () => void, levels = 3 ): void {
	if ( process.platform !== 'linux' ) {
		return;
	}
	const chain: number[] = [];
	for (
		let pid: number | undefined = process.ppid;
		chain.length < levels && pid !== undefined && pid > 1;
		pid = parentOf( pid )
	) {
		chain.push( pid );
	}
	const intact = () =>
		process.ppid === chain[ 0 ] &&
		chain.every( ( pid, index ) => {
			const parent = parentOf( pid );
			const above = chain[ index + 1 ];
			return (
				parent !== undefined &&
				( above === undefined || parent === above )
			);
		} );
	const timer = setInterval( () => {
		if ( ! intact() ) {
			clearInterval( timer );
			onGone();
		}
	}, 1_000 );
	timer.unref();
}
