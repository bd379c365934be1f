/**
 * Two (or more) web nodes for one site, as a host scales WordPress out:
 * each node its own nginx and PHP-FPM pool, all sharing the stack's
 * MariaDB and Redis and the same WordPress files and wp-config.php, behind
 * a round-robin load balancer on the site's own port (load-balancer.ts).
 *
 * Uploads are either shared (one folder, as on NFS or a shared volume) or
 * separate: every node but the first serves a document root of hard links
 * to the site's files (the same inodes: the same code and configuration)
 * with an uploads folder of its own, as on machines with their own disks.
 * Then a thumbnail written by one node is missing on the other, whose
 * rewrite hands it to WordPress, which fetches it again for that disk.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Daemon } from './daemon';
import { startLoadBalancer, type LoadBalancer } from './load-balancer';
import { startNginx } from './nginx';
import { startPhpFpm } from './php-fpm';
import type { StackSite } from './site';
import type { Stack } from './stack';

export type UploadsMode = 'shared' | 'separate';

export interface WebNode {
	port: number;
	/** The node's WordPress root (the site's own, or its hard-linked copy). */
	docroot: string;
	uploadsDir: string;
}

export interface Nodes {
	mode: UploadsMode;
	/** The balancer: the site's address. */
	url: string;
	nodes: WebNode[];
	balancer: LoadBalancer;
	stop: () => Promise< void >;
}

const run = promisify( execFile );

/** The site's files as hard links, with an empty uploads folder of its own. */
async function linkedDocroot( site: StackSite, target: string ) {
	await rm( target, { recursive: true, force: true } );
	await mkdir( path.dirname( target ), { recursive: true } );
	await run( 'cp', [ '-al', site.dir, target ] );
	const uploads = path.join( target, 'wp-content/uploads' );
	await rm( uploads, { recursive: true, force: true } );
	await mkdir( uploads, { recursive: true } );
	return target;
}

/**
 * Starts the nodes on `nodePorts` and the balancer on the site's port
 * (nothing else may listen there). Stops what it started if one fails.
 */
export async function startNodes(
	stack: Stack,
	site: StackSite,
	options: { mode: UploadsMode; nodePorts: number[]; workers?: number }
): Promise< Nodes > {
	const daemons: Daemon[] = [];
	let balancer: LoadBalancer | undefined;
	const stop = async () => {
		await balancer?.stop();
		for ( const daemon of daemons.splice( 0 ).reverse() ) {
			await daemon.stop();
		}
	};
	try {
		const nodes: WebNode[] = [];
		for ( const [ index, port ] of options.nodePorts.entries() ) {
			const dir = path.join( stack.dir, 'nodes', `node-${ index + 1 }` );
			const docroot =
				index > 0 && options.mode === 'separate'
					? await linkedDocroot( site, path.join( dir, 'docroot' ) )
					: site.dir;
			const fpm = await startPhpFpm( dir, options.workers );
			daemons.push( fpm );
			daemons.push(
				await startNginx( {
					siteDir: docroot,
					port,
					fpmSocket: fpm.socket,
					dir,
					behindBalancer: true,
				} )
			);
			nodes.push( {
				port,
				docroot,
				uploadsDir: path.join( docroot, 'wp-content/uploads' ),
			} );
		}
		balancer = await startLoadBalancer(
			Number( new URL( site.url ).port ),
			options.nodePorts
		);
		return { mode: options.mode, url: balancer.url, nodes, balancer, stop };
	} catch ( error ) {
		await stop();
		throw error;
	}
}
