/**
 * `CCG_STACK=production npm start`: the `dev-production` site on MariaDB,
 * Redis and PHP-FPM behind nginx (or Apache with CCG_STACK_SERVER=apache),
 * on the port `npm start` would give PHP's built-in server.
 * MariaDB and Redis listen on CCG_STACK_BASE_PORT (default 8870) and +1.
 */
import type { LocalServer } from '../local-wordpress/server';
import { ensureStackSite, type StackSite } from './site';
import { startStack, stackPortsFromEnv, type WebServerKind } from './stack';

export async function startProductionSite( options: {
	port: number;
	constants: Record< string, string | boolean >;
} ): Promise< { site: StackSite; server: LocalServer } > {
	const kind = ( process.env.CCG_STACK_SERVER ?? 'nginx' ) as WebServerKind;
	if ( kind !== 'nginx' && kind !== 'apache' ) {
		throw new Error( `CCG_STACK_SERVER=${ kind }: use nginx or apache.` );
	}
	const stack = await startStack(
		'dev',
		stackPortsFromEnv( 'CCG_STACK_BASE_PORT', 8870 )
	);
	try {
		const site = await ensureStackSite(
			{
				name: 'dev-production',
				port: options.port,
				redisDatabase: 1,
				constants: options.constants,
			},
			stack.db,
			stack.redis
		);
		const web = await stack.serve( site, kind );
		const exited = Promise.race( [
			web.exited,
			stack.db.exited,
			stack.redis.exited,
			stack.fpm.exited,
		] );
		return { site, server: { url: site.url, stop: stack.stop, exited } };
	} catch ( error ) {
		await stack.stop();
		throw error;
	}
}
