/**
 * Redis from Debian's `redis-server`, in the foreground on a high port,
 * nothing persisted: the object cache is a cache, and a test run starts
 * from an empty one.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { execCapture } from '../local-wordpress/exec';
import { startDaemon, type Daemon } from './daemon';

export interface Redis extends Daemon {
	port: number;
	/** Empties one numbered database (each site of the stack has its own). */
	flush: ( database: number ) => Promise< void >;
}

export async function startRedis(
	dir: string,
	port: number
): Promise< Redis > {
	const dataDir = path.join( dir, 'redis' );
	await mkdir( dataDir, { recursive: true } );
	const daemon = await startDaemon( {
		name: 'redis-server',
		command: 'redis-server',
		args: [
			'--port',
			String( port ),
			'--bind',
			'127.0.0.1',
			'--dir',
			dataDir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		log: path.join( dir, 'logs', 'redis.log' ),
		ready: port,
	} );
	return {
		...daemon,
		port,
		flush: async ( database ) => {
			const result = await execCapture( 'redis-cli', [
				'-p',
				String( port ),
				'-n',
				String( database ),
				'FLUSHDB',
			] );
			if ( result.code !== 0 || ! result.stdout.includes( 'OK' ) ) {
				throw new Error(
					`redis-cli FLUSHDB ${ database } failed: ${ result.stdout }${ result.stderr }`
				);
			}
		},
	};
}
