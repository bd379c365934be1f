import { createHmac, randomBytes } from 'node:crypto';

import type { ChangeObserver, LibraryChange } from '../library/changes';
import { ACCOUNT } from './account';
import type { DropboxState } from './state';
import type { SandboxApp } from './types';

/** Dropbox gives the verification request and each notification ten seconds. */
const TIMEOUT_MS = 10_000;

/** What became of one notification (or of the verification before it). */
export interface WebhookDelivery {
	appKey: string;
	uri: string;
	/** `verification failed` when the challenge was not echoed; no POST follows. */
	outcome: 'delivered' | 'refused' | 'verification failed' | 'unreachable';
	status: number | null;
	body: string;
	path: string;
}

/**
 * Dropbox's webhooks (README, "Webhooks"): when a file changes in the
 * account, every app with a live grant that can see the file gets a POST at
 * each registered URI, signed with the app secret. A URI is used only after
 * it echoed a challenge, as the App Console checks when the URI is entered.
 * Deliveries run after the change has been made, never inside it, so a slow
 * site cannot hold up the library; `settled()` waits for them (tests).
 */
export class Webhooks implements ChangeObserver {
	readonly deliveries: WebhookDelivery[] = [];
	private verified = new Set< string >();
	private pending = new Set< Promise< void > >();

	constructor( private state: DropboxState ) {}

	after = async ( change: LibraryChange ): Promise< void > => {
		for ( const app of this.state.listApps() ) {
			if ( ! this.sees( app, change.path ) ) {
				continue;
			}
			for ( const uri of app.webhookUris ?? [] ) {
				const delivery = this.deliver( app, uri, change.path );
				this.pending.add( delivery );
				void delivery.finally( () => this.pending.delete( delivery ) );
			}
		}
	};

	async settled(): Promise< WebhookDelivery[] > {
		while ( this.pending.size > 0 ) {
			await Promise.all( [ ...this.pending ] );
		}
		return this.deliveries;
	}

	/** A URI registered again (or changed) must pass the challenge again. */
	forget( appKey: string ): void {
		for ( const key of [ ...this.verified ] ) {
			if ( key.startsWith( `${ appKey } ` ) ) {
				this.verified.delete( key );
			}
		}
	}

	private sees( app: SandboxApp, path: string ): boolean {
		return this.state
			.listGrants()
			.some(
				( grant ) =>
					grant.appKey === app.key &&
					grant.revokedAt === null &&
					( grant.appFolder === null ||
						path
							.toLowerCase()
							.startsWith(
								`${ grant.appFolder.toLowerCase() }/`
							) )
			);
	}

	private async deliver(
		app: SandboxApp,
		uri: string,
		path: string
	): Promise< void > {
		const record = ( fields: Partial< WebhookDelivery > ) =>
			this.deliveries.push( {
				appKey: app.key,
				uri,
				outcome: 'delivered',
				status: null,
				body: '',
				path,
				...fields,
			} );
		const key = `${ app.key } ${ uri }`;
		if ( ! this.verified.has( key ) ) {
			const problem = await verify( uri );
			if ( problem !== null ) {
				record( { outcome: 'verification failed', body: problem } );
				return;
			}
			this.verified.add( key );
		}
		const body = JSON.stringify( {
			list_folder: { accounts: [ ACCOUNT.accountId ] },
			delta: { users: [ Number( ACCOUNT.uid ) ] },
		} );
		try {
			const response = await fetch( uri, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-Dropbox-Signature': createHmac( 'sha256', app.secret )
						.update( body )
						.digest( 'hex' ),
					'User-Agent': 'DropboxWebhooks/1.0',
				},
				body,
				signal: AbortSignal.timeout( TIMEOUT_MS ),
			} );
			record( {
				outcome: response.status === 200 ? 'delivered' : 'refused',
				status: response.status,
				body: ( await response.text() ).slice( 0, 500 ),
			} );
		} catch ( error ) {
			record( { outcome: 'unreachable', body: String( error ) } );
		}
	}
}

/**
 * The verification GET: the body must be the challenge itself, byte for byte.
 *
 * @return null when it passed, else what went wrong.
 */
async function verify( uri: string ): Promise< string | null > {
	const challenge = randomBytes( 16 ).toString( 'base64url' );
	const url = new URL( uri );
	url.searchParams.set( 'challenge', challenge );
	try {
		const response = await fetch( url, {
			signal: AbortSignal.timeout( TIMEOUT_MS ),
		} );
		const text = await response.text();
		if ( response.status !== 200 || text !== challenge ) {
			return `challenge not echoed: ${ response.status } ${ text.slice(
				0,
				200
			) }`;
		}
		return null;
	} catch ( error ) {
		return `challenge unreachable: ${ String( error ) }`;
	}
}
