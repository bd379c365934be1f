/**
 * GET for the node checks and the load test: to the balancer or straight
 * to one node (with the site's Host, as the balancer sends it), optionally
 * from a given loopback address so each simulated visitor is a client of
 * its own (127.0.0.0/8 is all loopback on Linux).
 */
import http from 'node:http';

export interface Answer {
	status: number;
	ms: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

export function get(
	url: string,
	options: { port?: number; localAddress?: string } = {}
): Promise< Answer > {
	const target = new URL( url );
	return new Promise( ( resolve, reject ) => {
		const start = process.hrtime.bigint();
		const req = http.get(
			{
				host: '127.0.0.1',
				port: options.port ?? Number( target.port ),
				path: target.pathname + target.search,
				headers: { Host: target.host },
				localAddress: options.localAddress,
				agent: false,
			},
			( res ) => {
				const chunks: Buffer[] = [];
				res.on( 'data', ( c: Buffer ) => chunks.push( c ) );
				res.on( 'end', () =>
					resolve( {
						status: res.statusCode ?? 0,
						ms: Number( process.hrtime.bigint() - start ) / 1e6,
						headers: res.headers,
						body: Buffer.concat( chunks ),
					} )
				);
				res.on( 'error', reject );
			}
		);
		req.on( 'error', reject );
		req.setTimeout( 60_000, () =>
			req.destroy( new Error( `timeout: ${ url }` ) )
		);
	} );
}

/** Every task, `concurrency` at a time; the answers in order. */
export async function pool< T >(
	tasks: Array< () => Promise< T > >,
	concurrency: number
): Promise< T[] > {
	const out: T[] = [];
	let next = 0;
	const worker = async () => {
		while ( next < tasks.length ) {
			const index = next++;
			out[ index ] = await ( tasks[ index ] as () => Promise< T > )();
		}
	};
	await Promise.all( Array.from( { length: concurrency }, worker ) );
	return out;
}
