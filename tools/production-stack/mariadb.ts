/**
 * MariaDB from Debian's `mariadb-server`, as a foreground mariadbd on a
 * high port with its data under the stack's folder. `--no-defaults` keeps
 * /etc/mysql (socket in /run/mysqld, port 3306) out of it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { execCapture } from '../local-wordpress/exec';
import { startDaemon, type Daemon } from './daemon';

export const DB_USER = 'wordpress';
export const DB_PASSWORD = 'wordpress';

export interface MariaDb extends Daemon {
	port: number;
	socket: string;
	/** Runs SQL as root over the socket; resolves with its output. */
	sql: ( statements: string, database?: string ) => Promise< string >;
	/** The database's dump (schema and rows) written to `file`. */
	dump: ( database: string, file: string ) => Promise< void >;
	/** Drops the database and loads `file` into a new, empty one. */
	restore: ( database: string, file: string ) => Promise< void >;
}

async function client(
	command: string,
	args: string[],
	input?: string
): Promise< string > {
	const result = await execCapture(
		command,
		args,
		input === undefined ? {} : { input }
	);
	if ( result.code !== 0 ) {
		throw new Error(
			`${ command } ${ args.join( ' ' ) } failed (${ result.code }): ${ result.stderr.trim() }`
		);
	}
	return result.stdout;
}

export async function startMariaDb(
	dir: string,
	port: number
): Promise< MariaDb > {
	const dataDir = path.join( dir, 'mariadb' );
	const runDir = path.join( dir, 'run' );
	const socket = path.join( runDir, 'mariadb.sock' );
	const log = path.join( dir, 'logs', 'mariadb.log' );
	await mkdir( runDir, { recursive: true } );
	if ( ! existsSync( path.join( dataDir, 'mysql' ) ) ) {
		await rm( dataDir, { recursive: true, force: true } );
		await client( 'mariadb-install-db', [
			'--no-defaults',
			`--datadir=${ dataDir }`,
			'--user=root',
			'--auth-root-authentication-method=normal',
			'--skip-test-db',
		] );
	}
	const daemon = await startDaemon( {
		name: 'mariadbd',
		command: 'mariadbd',
		args: [
			'--no-defaults',
			`--datadir=${ dataDir }`,
			`--port=${ port }`,
			'--bind-address=127.0.0.1',
			`--socket=${ socket }`,
			`--pid-file=${ path.join( runDir, 'mariadb.pid' ) }`,
			'--user=root',
			'--skip-name-resolve',
			'--skip-log-bin',
			'--character-set-server=utf8mb4',
			'--collation-server=utf8mb4_unicode_ci',
			'--innodb-buffer-pool-size=128M',
			// A test stack on shared 2-core machines: no fsync per commit.
			// Locking and isolation, what the tests are about, are unchanged.
			'--innodb-flush-log-at-trx-commit=2',
			`--log-error=${ log }`,
		],
		log,
		ready: port,
	} );
	const sql = ( statements: string, database?: string ) =>
		client(
			'mariadb',
			[
				'--no-defaults',
				`--socket=${ socket }`,
				'-uroot',
				'--batch',
				'--skip-column-names',
				...( database ? [ database ] : [] ),
			],
			statements
		);
	await sql(
		[
			`CREATE USER IF NOT EXISTS '${ DB_USER }'@'127.0.0.1' IDENTIFIED BY '${ DB_PASSWORD }';`,
			`GRANT ALL PRIVILEGES ON \`wp\\_%\`.* TO '${ DB_USER }'@'127.0.0.1';`,
		].join( '\n' )
	);
	return {
		...daemon,
		port,
		socket,
		sql,
		dump: async ( database, file ) => {
			const out = await client( 'mariadb-dump', [
				'--no-defaults',
				`--socket=${ socket }`,
				'-uroot',
				'--single-transaction',
				'--skip-dump-date',
				database,
			] );
			await writeFile( file, out );
		},
		restore: async ( database, file ) => {
			await sql(
				`DROP DATABASE IF EXISTS \`${ database }\`; CREATE DATABASE \`${ database }\`;`
			);
			await sql( await readFile( file, 'utf8' ), database );
		},
	};
}
