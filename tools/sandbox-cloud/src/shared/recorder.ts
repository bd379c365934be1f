import type { IncomingMessage } from 'node:http';

import type { RequestCounter } from './faults';

/** One request exactly as it reached a host: nothing decoded, nothing reordered. */
export interface RecordedRequest {
	/** The sandbox host that received it, e.g. "dropbox api", "google thumbnails". */
	host: string;
	method: string;
	/** The request target as sent: path and raw query string. */
	url: string;
	/** Header names (as spelled on the wire) and values, in the order received. */
	headers: Array< [ string, string ] >;
	/** Body bytes, base64 ("" for none). */
	body: string;
	/** False if the connection ended before the whole body arrived. */
	complete: boolean;
}

/**
 * Records what provider hosts receive, for the conformance suite that
 * compares the plugin's requests with the official clients'. Off until
 * started, so normal runs keep no request data.
 */
export class RequestRecorder {
	private recording = false;
	private entries: RecordedRequest[] = [];

	/** Starts a fresh recording (earlier entries are dropped). */
	start(): void {
		this.entries = [];
		this.recording = true;
	}

	/** Stops recording and forgets everything. */
	clear(): void {
		this.entries = [];
		this.recording = false;
	}

	list(): RecordedRequest[] {
		return this.entries.map( ( entry ) => ( {
			...entry,
			headers: [ ...entry.headers ],
		} ) );
	}

	/**
	 * Must be called synchronously from the request handler, before its
	 * first await: the parser has not pushed any body bytes yet then. The
	 * bytes are taken where the parser hands them to the stream, so routes
	 * that never read the body are recorded whole too.
	 */
	record( host: string, req: IncomingMessage ): void {
		if ( ! this.recording ) {
			return;
		}
		const rawHeaders = req.rawHeaders;
		const headers: Array< [ string, string ] > = [];
		for ( let i = 0; i + 1 < rawHeaders.length; i += 2 ) {
			headers.push( [ rawHeaders[ i ]!, rawHeaders[ i + 1 ]! ] );
		}
		const chunks: Buffer[] = [];
		const entry: RecordedRequest = {
			host,
			method: req.method ?? '',
			url: req.url ?? '',
			headers,
			body: '',
			complete: false,
		};
		this.entries.push( entry );
		const push = req.push.bind( req );
		req.push = ( chunk: unknown, encoding?: BufferEncoding ) => {
			if ( chunk === null ) {
				entry.complete = true;
			} else if ( chunk !== undefined ) {
				chunks.push(
					Buffer.isBuffer( chunk )
						? Buffer.from( chunk )
						: Buffer.from( String( chunk ), encoding )
				);
				entry.body = Buffer.concat( chunks ).toString( 'base64' );
			}
			return push( chunk, encoding );
		};
	}
}

/*
 * One recorder per sandbox, found through the request counter every host
 * and the control API already share, so recording needs no new plumbing.
 */
const recorders = new WeakMap< RequestCounter, RequestRecorder >();

export function recorderOf( counter: RequestCounter ): RequestRecorder {
	let recorder = recorders.get( counter );
	if ( ! recorder ) {
		recorder = new RequestRecorder();
		recorders.set( counter, recorder );
	}
	return recorder;
}
