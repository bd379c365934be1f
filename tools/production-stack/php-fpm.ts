/**
 * PHP-FPM (Debian's `php-fpm`) with one pool on a Unix socket, shared by
 * nginx and Apache. It runs as root (-R) like the rest of the local
 * tooling, so the files it writes (uploads, the thumbnail cache) belong to
 * the same user as the site; the socket is world-writable so Apache's
 * www-data workers can reach it.
 */
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { startDaemon, type Daemon } from './daemon';

export interface PhpFpm extends Daemon {
	socket: string;
}

/** The newest php-fpmX.Y in /usr/sbin (Debian names it by version). */
export function fpmBinary(): string {
	const found = readdirSync( '/usr/sbin' )
		.filter( ( name ) => /^php-fpm\d+\.\d+$/.test( name ) )
		.sort()
		.pop();
	if ( ! found ) {
		throw new Error(
			'php-fpm is not installed (Debian: apt-get install php-fpm; tools/bootstrap.mjs does it for the hosting stage).'
		);
	}
	return path.join( '/usr/sbin', found );
}

export async function startPhpFpm(
	dir: string,
	workers = 6
): Promise< PhpFpm > {
	const runDir = path.join( dir, 'run' );
	const logDir = path.join( dir, 'logs' );
	await mkdir( runDir, { recursive: true } );
	await mkdir( logDir, { recursive: true } );
	const socket = path.join( runDir, 'php-fpm.sock' );
	const config = path.join( runDir, 'php-fpm.conf' );
	await writeFile(
		config,
		[
			'[global]',
			`pid = ${ path.join( runDir, 'php-fpm.pid' ) }`,
			`error_log = ${ path.join( logDir, 'php-fpm.log' ) }`,
			'daemonize = no',
			'',
			'[www]',
			'user = root',
			'group = root',
			`listen = ${ socket }`,
			'listen.mode = 0666',
			'pm = dynamic',
			`pm.max_children = ${ workers }`,
			'pm.start_servers = 2',
			'pm.min_spare_servers = 1',
			'pm.max_spare_servers = 3',
			'catch_workers_output = yes',
			'php_admin_value[memory_limit] = 512M',
			// Debian's php.ini hides it; here every PHP response says so,
			// which is how the hosting stage tells a file nginx or Apache
			// served alone from one PHP produced (static-check.ts).
			'php_admin_flag[expose_php] = on',
			'php_admin_value[upload_max_filesize] = 64M',
			'php_admin_value[post_max_size] = 64M',
			'',
		].join( '\n' )
	);
	const daemon = await startDaemon( {
		name: 'php-fpm',
		command: fpmBinary(),
		args: [
			'--nodaemonize',
			'--allow-to-run-as-root',
			'--fpm-config',
			config,
		],
		log: path.join( logDir, 'php-fpm.log' ),
		ready: socket,
	} );
	return { ...daemon, socket };
}
