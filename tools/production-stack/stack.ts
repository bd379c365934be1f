/**
 * The production-like stack: MariaDB, Redis and PHP-FPM shared by the
 * sites, and per site a web server, nginx or Apache. Everything runs as
 * processes started here, on high ports, with data under `.local/stack/`.
 */
import path from 'node:path';

import { localDir } from '../local-wordpress/paths';
import { startApache } from './apache';
import type { Daemon } from './daemon';
import { startMariaDb, type MariaDb } from './mariadb';
import { startNginx } from './nginx';
import { startPhpFpm, type PhpFpm } from './php-fpm';
import { startRedis, type Redis } from './redis';
import type { StackSite } from './site';

export type WebServerKind = 'nginx' | 'apache';

export interface Stack {
	dir: string;
	db: MariaDb;
	redis: Redis;
	fpm: PhpFpm;
	/**
	 * Starts a web server for a site of this stack (stopped by stop()).
	 * `allowOverride` is Apache's for the site (default All); `multisite`
	 * adds nginx's rules for a subdirectory network (Apache reads them from
	 * the network's .htaccess).
	 */
	serve: (
		site: StackSite,
		kind: WebServerKind,
		options?: ServeOptions
	) => Promise< Daemon >;
	stop: () => Promise< void >;
}

export interface ServeOptions {
	allowOverride?: string;
	multisite?: boolean;
}

export interface StackPorts {
	mariadb: number;
	redis: number;
}

/**
 * Ports from `<prefix>_BASE_PORT`: MariaDB at the base, Redis at base + 1.
 */
export function stackPortsFromEnv(
	variable: string,
	fallback: number
): StackPorts {
	const base = Number( process.env[ variable ] ?? fallback );
	if ( ! Number.isInteger( base ) || base < 1024 || base > 65534 ) {
		throw new Error(
			`${ variable }=${ process.env[ variable ] } is not a port number.`
		);
	}
	return { mariadb: base, redis: base + 1 };
}

export async function startStack(
	name: string,
	ports: StackPorts
): Promise< Stack > {
	const dir = path.join( localDir(), 'stack', name );
	const daemons: Daemon[] = [];
	const stop = async () => {
		for ( const daemon of daemons.splice( 0 ).reverse() ) {
			await daemon.stop();
		}
	};
	try {
		const [ db, redis, fpm ] = await Promise.all( [
			startMariaDb( dir, ports.mariadb ).then(
				( d ) => ( daemons.push( d ), d )
			),
			startRedis( dir, ports.redis ).then(
				( d ) => ( daemons.push( d ), d )
			),
			startPhpFpm( dir ).then( ( d ) => ( daemons.push( d ), d ) ),
		] );
		const serve = async (
			site: StackSite,
			kind: WebServerKind,
			extra: ServeOptions = {}
		) => {
			const options = {
				...extra,
				siteDir: site.dir,
				port: Number( new URL( site.url ).port ),
				fpmSocket: fpm.socket,
				dir,
			};
			const daemon = await ( kind === 'nginx'
				? startNginx( options )
				: startApache( options ) );
			daemons.push( daemon );
			return daemon;
		};
		return { dir, db, redis, fpm, serve, stop };
	} catch ( error ) {
		await stop();
		throw error;
	}
}
