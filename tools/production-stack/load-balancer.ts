/**
 * A round-robin HTTP load balancer in front of the web nodes, on the port
 * the site's address names: what a host puts in front of two web servers
 * (HAProxy, an ELB, nginx `upstream`). Like them it passes the request's
 * Host through, so WordPress sees the one site address whichever node
 * answers, and appends the client's address to X-Forwarded-For, so a site
 * that trusts it can count visitors by address (`ccg_image_client_ip`).
 */
import http from 'node:http';

export interface LoadBalancer {
	url: string;
	/** Requests passed to each node, in the order of `targets`. */
	counts: () => number[];
	stop: () => Promise< void >;
}

export function startLoadBalancer(
	port: number,
	targets: number[]
): Promise< LoadBalancer > {
	const counts = targets.map( () => 0 );
	// Keep-alive to the nodes, as real balancers pool their upstream connections.
	const agent = new http.Agent( { keepAlive: true, maxSockets: 128 } );
	let next = 0;
	const handle: http.RequestListener = ( req, res ) => {
		const index = next;
		next = ( next + 1 ) % targets.length;
		counts[ index ] = ( counts[ index ] ?? 0 ) + 1;
		const forwarded = [
			req.headers[ 'x-forwarded-for' ],
			req.socket.remoteAddress?.replace( /^::ffff:/, '' ),
		]
			.filter( Boolean )
			.join( ', ' );
		const upstream = http.request(
			{
				host: '127.0.0.1',
				port: targets[ index ],
				method: req.method,
				path: req.url,
				headers: {
					...req.headers,
					'x-forwarded-for': forwarded,
					'x-forwarded-proto': 'http',
				},
				agent,
			},
			( answer ) => {
				res.writeHead( answer.statusCode ?? 502, answer.headers );
				answer.pipe( res );
			}
		);
		upstream.on( 'error', ( error ) => {
			if ( ! res.headersSent ) {
				res.writeHead( 502, { 'Content-Type': 'text/plain' } );
			}
			res.end(
				`load balancer: node :${ targets[ index ] }: ${ error.message }\n`
			);
		} );
		req.pipe( upstream );
	};
	// `localhost` is both addresses, as for the stack's nginx.
	const servers = [ '127.0.0.1', '::1' ].map( ( host ) => {
		const server = http.createServer( handle );
		// A request may wait on another's provider call longer than Node's default allows.
		server.requestTimeout = 0;
		return { server, host };
	} );
	const listening = servers.map(
		( { server, host } ) =>
			new Promise< void >( ( resolve, reject ) => {
				server.once( 'error', reject );
				server.listen( port, host, () => resolve() );
			} )
	);
	const stop = async () => {
		agent.destroy();
		await Promise.all(
			servers.map(
				( { server } ) =>
					new Promise< void >( ( done ) => {
						server.closeAllConnections();
						server.close( () => done() );
					} )
			)
		);
	};
	return Promise.all( listening ).then(
		() => ( {
			url: `http://localhost:${ port }`,
			counts: () => [ ...counts ],
			stop,
		} ),
		async ( error ) => {
			await stop().catch( () => undefined );
			throw error;
		}
	);
}
