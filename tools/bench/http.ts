/**
 * Timed HTTP with node:http (no keep-alive, so every sample pays the same
 * connection cost): time to first byte, total time, status, body.
 */
import http from 'node:http';

export interface Timed {
	status: number;
	ttfbMs: number;
	totalMs: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

export function timedGet(
	url: string,
	headers: Record< string, string > = {}
): Promise< Timed > {
	return new Promise( ( resolve, reject ) => {
		const start = process.hrtime.bigint();
		const ms = () => Number( process.hrtime.bigint() - start ) / 1e6;
		const req = http.get( url, { headers, agent: false }, ( res ) => {
			const ttfbMs = ms();
			const chunks: Buffer[] = [];
			res.on( 'data', ( c: Buffer ) => chunks.push( c ) );
			res.on( 'end', () =>
				resolve( {
					status: res.statusCode ?? 0,
					ttfbMs,
					totalMs: ms(),
					headers: res.headers,
					body: Buffer.concat( chunks ),
				} )
			);
			res.on( 'error', reject );
		} );
		req.on( 'error', reject );
		req.setTimeout( 120_000, () =>
			req.destroy( new Error( `timeout: ${ url }` ) )
		);
	} );
}

export async function getOk(
	url: string,
	headers: Record< string, string > = {}
): Promise< Timed > {
	const res = await timedGet( url, headers );
	if ( res.status !== 200 ) {
		throw new Error(
			`GET ${ url }: HTTP ${ res.status }: ${ res.body.toString().slice( 0, 300 ) }`
		);
	}
	return res;
}

export interface LoadResult {
	requests: number;
	errors: number;
	seconds: number;
	rps: number;
	statuses: Record< string, number >;
}

/**
 * `concurrency` clients request `url` back to back for `seconds`.
 */
export async function loadTest(
	url: string,
	opts: {
		concurrency: number;
		seconds: number;
		headers?: Record< string, string >;
		expectStatus: number;
	}
): Promise< LoadResult > {
	const statuses: Record< string, number > = {};
	let requests = 0;
	let errors = 0;
	const start = Date.now();
	const end = start + opts.seconds * 1000;
	const client = async () => {
		while ( Date.now() < end ) {
			try {
				const res = await timedGet( url, opts.headers );
				statuses[ res.status ] = ( statuses[ res.status ] ?? 0 ) + 1;
				if ( res.status === opts.expectStatus ) {
					requests++;
				} else {
					errors++;
				}
			} catch {
				errors++;
			}
		}
	};
	await Promise.all( Array.from( { length: opts.concurrency }, client ) );
	const seconds = ( Date.now() - start ) / 1000;
	return { requests, errors, seconds, rps: requests / seconds, statuses };
}

/**
 * Every URL once, `concurrency` at a time (as a browser fetches a page's
 * images); fails on the first answer that is not a 200.
 * @return Milliseconds for all of them.
 */
export async function fetchAll(
	urls: string[],
	concurrency: number
): Promise< number > {
	const start = Date.now();
	let next = 0;
	const worker = async () => {
		while ( next < urls.length ) {
			await getOk( urls[ next++ ] ?? '' );
		}
	};
	await Promise.all( Array.from( { length: concurrency }, worker ) );
	return Date.now() - start;
}
