import type { SandboxApp } from './dropbox/types';
import type { LibraryManifest } from './library/manifest';
import type { Fault, FaultSpec } from './shared/faults';

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
	clockOffsetSeconds: number;
	now: string;
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
	} > {
		return this.call( 'GET', '/requests' );
	}

	async resetRequestCounts(): Promise< void > {
		await this.call( 'POST', '/requests' );
	}

	/**
	 * Clears faults, counts, time travel, grants, tokens and links; apps too with `{ apps: true }`.
	 * @param opts
	 * @param opts.apps
	 */
	async reset( opts: { apps?: boolean } = {} ): Promise< void > {
		await this.call( 'POST', '/reset', opts );
	}
}
