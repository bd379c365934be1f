import type { SandboxApp } from './dropbox/types';
import type { WebhookDelivery } from './dropbox/webhooks';
import type { GoogleClient, GoogleClientInput } from './google/types';
import type { ChangeKind } from './library/changes';
import type { LibraryManifest } from './library/manifest';
import type { Fault, FaultSpec } from './shared/faults';
import type { RecordedRequest } from './shared/recorder';

export interface GrantInfo {
	id: string;
	appKey: string;
	accessType: 'full' | 'app_folder';
	appFolder: string | null;
	scopes: string[];
	tokenAccessType: 'online' | 'offline';
	hasRefreshToken: boolean;
	pkce: boolean;
	createdAt: string;
	revoked: boolean;
}

export interface SandboxSettings {
	tokenLifetimeSeconds: number;
	/** Server-side cap on entries per listing page (list_folder / files.list). */
	maxPageEntries: number;
	clockOffsetSeconds: number;
	now: string;
}

/** A grant of the Google sandbox (`GET /google/grants`). */
export interface GoogleGrantInfo {
	id: string;
	clientId: string;
	scopes: string[];
	createdAt: string;
	revoked: boolean;
	refreshTokens: Array< {
		issuedAt: string;
		/** null: no time limit (client in production when it was issued). */
		expiresAt: string | null;
		expired: boolean;
	} >;
}

export class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super( message );
	}
}

/** A typed client for the sandbox control API (tests use it; see README "Control API"). */
export class SandboxControl {
	constructor( readonly base: string ) {}

	private async call< T >(
		method: string,
		path: string,
		body?: unknown
	): Promise< T > {
		const res = await fetch( this.base + path, {
			method,
			headers:
				body === undefined
					? {}
					: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify( body ),
		} );
		const json = ( await res.json() ) as T & { error?: string };
		if ( ! res.ok ) {
			throw new ControlError(
				res.status,
				`${ method } ${ path }: ${ json.error ?? res.status }`
			);
		}
		return json;
	}

	info(): Promise< Record< string, unknown > > {
		return this.call( 'GET', '/' );
	}

	library(): Promise< LibraryManifest | null > {
		return this.call( 'GET', '/library' );
	}

	// --- Dropbox App Console --------------------------------------------

	/**
	 * Adds or replaces a library file (both providers see it): new bytes
	 * as `base64`, or a copy of another library file's (`copyOf`).
	 */
	async putFile(
		path: string,
		content: { base64: string } | { copyOf: string }
	): Promise< { kind: ChangeKind; path: string } > {
		return (
			await this.call< { change: { kind: ChangeKind; path: string } } >(
				'PUT',
				'/library/files',
				{ path, ...content }
			)
		).change;
	}

	/** Deletes a library file; Dropbox keeps its revisions. */
	async deleteFile(
		path: string
	): Promise< { kind: ChangeKind; path: string } > {
		return (
			await this.call< { change: { kind: ChangeKind; path: string } } >(
				'DELETE',
				'/library/files',
				{ path }
			)
		).change;
	}

	async registerApp(
		app: Partial< SandboxApp > & { key: string }
	): Promise< SandboxApp > {
		return (
			await this.call< { app: SandboxApp } >(
				'POST',
				'/dropbox/apps',
				app
			)
		).app;
	}

	/** Every webhook delivery so far, once those under way have finished. */
	async webhookDeliveries(): Promise< WebhookDelivery[] > {
		return (
			await this.call< { deliveries: WebhookDelivery[] } >(
				'GET',
				'/dropbox/webhooks'
			)
		).deliveries;
	}

	async listApps(): Promise< SandboxApp[] > {
		return (
			await this.call< { apps: SandboxApp[] } >( 'GET', '/dropbox/apps' )
		).apps;
	}

	async getApp( key: string ): Promise< SandboxApp > {
		return (
			await this.call< { app: SandboxApp } >(
				'GET',
				`/dropbox/apps/${ encodeURIComponent( key ) }`
			)
		).app;
	}

	async deleteApp( key: string ): Promise< void > {
		await this.call(
			'DELETE',
			`/dropbox/apps/${ encodeURIComponent( key ) }`
		);
	}

	// --- Tokens and grants ----------------------------------------------

	setTokenLifetime( seconds: number ): Promise< SandboxSettings > {
		return this.call( 'POST', '/dropbox/settings', {
			tokenLifetimeSeconds: seconds,
		} );
	}

	settings(): Promise< SandboxSettings > {
		return this.call( 'GET', '/dropbox/settings' );
	}

	/**
	 * Caps list_folder pages at `max` entries (they stay varying, with empty
	 * pages); `reset()` restores the default.
	 */
	setMaxPageEntries( max: number ): Promise< SandboxSettings > {
		return this.call( 'POST', '/dropbox/settings', {
			maxPageEntries: max,
		} );
	}

	async expireAccessTokens(): Promise< number > {
		return (
			await this.call< { expired: number } >(
				'POST',
				'/dropbox/tokens/expire'
			)
		).expired;
	}

	async revokeAllGrants(): Promise< number > {
		return (
			await this.call< { revoked: number } >(
				'POST',
				'/dropbox/grants/revoke'
			)
		).revoked;
	}

	async grants(): Promise< GrantInfo[] > {
		return (
			await this.call< { grants: GrantInfo[] } >(
				'GET',
				'/dropbox/grants'
			)
		).grants;
	}

	// --- Google Cloud Console ----------------------------------------------

	/**
	 * Registers a Google OAuth client (no `clientId`: credentials are
	 * generated) or updates one; fields not given keep their value.
	 */
	async registerGoogleClient(
		client: GoogleClientInput = {}
	): Promise< GoogleClient > {
		return (
			await this.call< { client: GoogleClient } >(
				'POST',
				'/google/clients',
				client
			)
		).client;
	}

	/**
	 * Changes some fields of a client: redirect URIs, `publishingStatus`, `driveApiEnabled`, name, secret.
	 */
	async updateGoogleClient(
		clientId: string,
		changes: Omit< GoogleClientInput, 'clientId' >
	): Promise< GoogleClient > {
		return (
			await this.call< { client: GoogleClient } >(
				'PUT',
				`/google/clients/${ encodeURIComponent( clientId ) }`,
				changes
			)
		).client;
	}

	async googleClients(): Promise< {
		clients: GoogleClient[];
		defaultClientId: string;
	} > {
		return this.call( 'GET', '/google/clients' );
	}

	async googleClient( clientId: string ): Promise< GoogleClient > {
		return (
			await this.call< { client: GoogleClient } >(
				'GET',
				`/google/clients/${ encodeURIComponent( clientId ) }`
			)
		).client;
	}

	/** The client the sandbox made on first start (what `npm start` prints). */
	async defaultGoogleClient(): Promise< GoogleClient > {
		const { clients, defaultClientId } = await this.googleClients();
		return clients.find( ( c ) => c.clientId === defaultClientId )!;
	}

	async deleteGoogleClient( clientId: string ): Promise< void > {
		await this.call(
			'DELETE',
			`/google/clients/${ encodeURIComponent( clientId ) }`
		);
	}

	async googleGrants(): Promise< GoogleGrantInfo[] > {
		return (
			await this.call< { grants: GoogleGrantInfo[] } >(
				'GET',
				'/google/grants'
			)
		).grants;
	}

	/** Revokes every Google grant (as "Remove access" in the Google Account would). */
	async revokeAllGoogleGrants(): Promise< number > {
		return (
			await this.call< { revoked: number } >(
				'POST',
				'/google/grants/revoke'
			)
		).revoked;
	}

	async expireGoogleAccessTokens(): Promise< number > {
		return (
			await this.call< { expired: number } >(
				'POST',
				'/google/tokens/expire'
			)
		).expired;
	}

	setGoogleTokenLifetime( seconds: number ): Promise< SandboxSettings > {
		return this.call( 'POST', '/google/settings', {
			tokenLifetimeSeconds: seconds,
		} );
	}

	/**
	 * Caps files.list pages at `max` files (still varying, with empty pages).
	 */
	setGoogleMaxPageEntries( max: number ): Promise< SandboxSettings > {
		return this.call( 'POST', '/google/settings', {
			maxPageEntries: max,
		} );
	}

	googleSettings(): Promise< SandboxSettings > {
		return this.call( 'GET', '/google/settings' );
	}

	// --- Time -------------------------------------------------------------

	advanceTime( seconds: number ): Promise< SandboxSettings > {
		return this.call( 'POST', '/time/advance', { seconds } );
	}

	async ageTemporaryLinks( seconds: number ): Promise< number > {
		return (
			await this.call< { aged: number } >( 'POST', '/dropbox/links/age', {
				seconds,
			} )
		).aged;
	}

	// --- Faults and request counts ---------------------------------------

	async addFault( spec: FaultSpec ): Promise< Fault > {
		return (
			await this.call< { fault: Fault } >( 'POST', '/faults', spec )
		).fault;
	}

	async faults(): Promise< Fault[] > {
		return ( await this.call< { faults: Fault[] } >( 'GET', '/faults' ) )
			.faults;
	}

	async removeFault( id: string ): Promise< void > {
		await this.call( 'DELETE', `/faults/${ id }` );
	}

	async clearFaults(): Promise< void > {
		await this.call( 'DELETE', '/faults' );
	}

	requestCounts(): Promise< {
		counts: Record< string, number >;
		total: number;
		/** The most requests of each route in flight at once (Google routes). */
		maxInFlight: Record< string, number >;
	} > {
		return this.call( 'GET', '/requests' );
	}

	async resetRequestCounts(): Promise< void > {
		await this.call( 'POST', '/requests' );
	}

	// --- Recordings (conformance suite) -------------------------------------

	/** Starts recording every provider request as received, dropping earlier ones. */
	async startRecording(): Promise< void > {
		await this.call( 'POST', '/recordings' );
	}

	async recordings(): Promise< RecordedRequest[] > {
		return (
			await this.call< { requests: RecordedRequest[] } >(
				'GET',
				'/recordings'
			)
		).requests;
	}

	/** Stops recording and forgets what was recorded. */
	async clearRecordings(): Promise< void > {
		await this.call( 'DELETE', '/recordings' );
	}

	/**
	 * Clears faults, counts, time travel, grants, tokens and links of both
	 * providers; with `{ apps: true }` also the Dropbox apps and every Google
	 * client but the default one.
	 */
	async reset( opts: { apps?: boolean } = {} ): Promise< void > {
		await this.call( 'POST', '/reset', opts );
	}
}
