import type { ServerResponse } from 'node:http';

import { randomAlnum } from './random';

export type FaultKind = 'status' | 'latency' | 'drop';

/** What a test asks for (control API `POST /faults`). */
export interface FaultSpec {
	/** A route key (`files/list_folder`), a prefix ending in `*` (`files/*`), or `*` for all. */
	route?: string;
	kind: FaultKind;
	/** For `status`: 429, 500, 503 or any 4xx/5xx. */
	status?: number;
	/** Seconds; sent as `Retry-After` (always on 429, on 503 when given). */
	retryAfter?: number;
	/** For 429: the JSON envelope (default) or a plain-text body (Dropbox only). */
	body?: 'json' | 'text';
	/**
	 * Google only: `errors[0].reason` of the error body, e.g. `userRateLimitExceeded`
	 * (default by status: 403 and 429 `rateLimitExceeded`, 5xx `backendError`).
	 */
	reason?: string;
	/** For `latency`: the delay. */
	latencyMs?: number;
	/**
	 * For `latency`: before the request is handled (default), or after it
	 * was handled and before the answer is sent, so what it did (a token
	 * issued, a grant revoked) has happened while the client still waits.
	 */
	phase?: 'request' | 'response';
	/** Apply to the next N matching requests; omit to apply until cleared. */
	count?: number;
}

export interface Fault {
	id: string;
	route: string;
	kind: FaultKind;
	status: number | null;
	retryAfter: number | null;
	/** Whether the spec gave `retryAfter` (Google sends `Retry-After` only then; Dropbox 429s always have one). */
	retryAfterSet: boolean;
	body: 'json' | 'text';
	reason: string | null;
	latencyMs: number;
	phase: 'request' | 'response';
	/** Matching requests still to be hit; null = until cleared. */
	remaining: number | null;
	hits: number;
}

export interface FaultDecision {
	latencyMs: number;
	/** Delay between handling the request and sending the answer. */
	responseDelayMs: number;
	/** A `status` or `drop` fault to apply instead of handling the request. */
	action: Fault | null;
}

export class FaultError extends Error {}

function matches( pattern: string, route: string ): boolean {
	if ( pattern === '*' ) {
		return true;
	}
	if ( pattern.endsWith( '*' ) ) {
		return route.startsWith( pattern.slice( 0, -1 ) );
	}
	return pattern === route;
}

/** Injected failures, shared by every provider; each provider renders them its own way. */
export class FaultRegistry {
	private faults: Fault[] = [];

	add( spec: FaultSpec ): Fault {
		if ( ! [ 'status', 'latency', 'drop' ].includes( spec.kind ) ) {
			throw new FaultError(
				'kind must be "status", "latency" or "drop"'
			);
		}
		if (
			spec.kind === 'status' &&
			( ! Number.isInteger( spec.status ) ||
				( spec.status ?? 0 ) < 400 ||
				( spec.status ?? 0 ) > 599 )
		) {
			throw new FaultError(
				'status faults need an integer status between 400 and 599'
			);
		}
		if (
			spec.kind === 'latency' &&
			( typeof spec.latencyMs !== 'number' ||
				spec.latencyMs < 0 ||
				spec.latencyMs > 120000 )
		) {
			throw new FaultError(
				'latency faults need latencyMs between 0 and 120000'
			);
		}
		if (
			spec.phase !== undefined &&
			spec.phase !== 'request' &&
			spec.phase !== 'response'
		) {
			throw new FaultError( 'phase must be "request" or "response"' );
		}
		if (
			spec.count !== undefined &&
			( ! Number.isInteger( spec.count ) || spec.count < 1 )
		) {
			throw new FaultError( 'count must be a positive integer' );
		}
		if (
			spec.body !== undefined &&
			spec.body !== 'json' &&
			spec.body !== 'text'
		) {
			throw new FaultError( 'body must be "json" or "text"' );
		}
		if (
			spec.reason !== undefined &&
			( typeof spec.reason !== 'string' ||
				! /^[A-Za-z]{1,64}$/.test( spec.reason ) )
		) {
			throw new FaultError(
				'reason must be a word such as "userRateLimitExceeded"'
			);
		}
		const fault: Fault = {
			id: randomAlnum( 10 ),
			route: spec.route ?? '*',
			kind: spec.kind,
			status: spec.kind === 'status' ? ( spec.status ?? null ) : null,
			retryAfter: spec.retryAfter ?? ( spec.status === 429 ? 1 : null ),
			retryAfterSet: spec.retryAfter !== undefined,
			body: spec.body ?? 'json',
			reason: spec.reason ?? null,
			latencyMs: spec.latencyMs ?? 0,
			phase: spec.phase ?? 'request',
			remaining: spec.count ?? null,
			hits: 0,
		};
		this.faults.push( fault );
		return fault;
	}

	list(): Fault[] {
		return this.faults.map( ( fault ) => ( { ...fault } ) );
	}

	remove( id: string ): boolean {
		const before = this.faults.length;
		this.faults = this.faults.filter( ( fault ) => fault.id !== id );
		return this.faults.length !== before;
	}

	clear(): void {
		this.faults = [];
	}

	/**
	 * Consumes the faults that apply to one request of `route`.
	 */
	take( route: string ): FaultDecision {
		let latencyMs = 0;
		let responseDelayMs = 0;
		let action: Fault | null = null;
		for ( const fault of this.faults ) {
			if ( ! matches( fault.route, route ) || fault.remaining === 0 ) {
				continue;
			}
			if ( fault.kind === 'latency' && fault.phase === 'response' ) {
				responseDelayMs += fault.latencyMs;
			} else if ( fault.kind === 'latency' ) {
				latencyMs += fault.latencyMs;
			} else if ( action ) {
				continue;
			} else {
				action = fault;
			}
			fault.hits++;
			if ( fault.remaining !== null ) {
				fault.remaining--;
			}
		}
		this.faults = this.faults.filter( ( fault ) => fault.remaining !== 0 );
		return {
			latencyMs,
			responseDelayMs,
			action: action ? { ...action } : null,
		};
	}
}

/**
 * Requests per route key, for tests that prove caching (`GET /requests`),
 * and the most requests of each route that were in flight at once (from
 * arrival until the answer is sent or the connection drops), for tests that
 * prove a client's concurrency stays within its limit.
 */
export class RequestCounter {
	private counts = new Map< string, number >();

	private inFlight = new Map< string, number >();

	private maxInFlight = new Map< string, number >();

	count( route: string ): void {
		this.counts.set( route, ( this.counts.get( route ) ?? 0 ) + 1 );
	}

	/** A request of `route` has arrived; call the returned function once it is over. */
	enter( route: string ): () => void {
		const now = ( this.inFlight.get( route ) ?? 0 ) + 1;
		this.inFlight.set( route, now );
		this.maxInFlight.set(
			route,
			Math.max( now, this.maxInFlight.get( route ) ?? 0 )
		);
		let left = false;
		return () => {
			if ( ! left ) {
				left = true;
				this.inFlight.set(
					route,
					( this.inFlight.get( route ) ?? 1 ) - 1
				);
			}
		};
	}

	snapshot(): {
		counts: Record< string, number >;
		total: number;
		maxInFlight: Record< string, number >;
	} {
		const counts: Record< string, number > = {};
		let total = 0;
		for ( const [ route, n ] of [ ...this.counts ].sort( ( a, b ) =>
			a[ 0 ].localeCompare( b[ 0 ] )
		) ) {
			counts[ route ] = n;
			total += n;
		}
		const maxInFlight: Record< string, number > = {};
		for ( const [ route, n ] of [ ...this.maxInFlight ].sort( ( a, b ) =>
			a[ 0 ].localeCompare( b[ 0 ] )
		) ) {
			maxInFlight[ route ] = n;
		}
		return { counts, total, maxInFlight };
	}

	/** Forgets counts and maxima; requests still in flight keep counting as such. */
	reset(): void {
		this.counts.clear();
		this.maxInFlight.clear();
	}
}

/**
 * Holds the answer back for `delayMs` after the handler wrote it: the
 * request's effects are real while the client still waits.
 */
export function delayResponse( res: ServerResponse, delayMs: number ): void {
	if ( delayMs <= 0 ) {
		return;
	}
	const end = res.end.bind( res ) as ( ...args: unknown[] ) => unknown;
	res.end = ( ( ...args: unknown[] ) => {
		setTimeout( () => end( ...args ), delayMs );
		return res;
	} ) as typeof res.end;
}
