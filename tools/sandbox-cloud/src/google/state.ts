import { join } from 'node:path';

import type { Clock } from '../shared/clock';
import { readJson, writeJson } from '../shared/json-file';
import { randomAlnum, randomToken } from '../shared/random';
import type {
	GoogleAccessToken,
	GoogleAuthCode,
	GoogleClient,
	GoogleGrant,
	GoogleRefreshToken,
} from './types';

const DAY = 24 * 3600 * 1000;
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
/** Refresh tokens of a client whose consent screen is in "Testing" (contract B1.3). */
export const TESTING_REFRESH_LIFETIME_MS = 7 * DAY;
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;

interface GrantsFile {
	grants: GoogleGrant[];
	refreshTokens: GoogleRefreshToken[];
	accessTokens: GoogleAccessToken[];
}

/**
 * The user's grants with their tokens (`grants.json`). Authorization codes
 * live in memory only: they are valid for 10 minutes. The clients are in
 * the Cloud Console (`console.ts`).
 */
export class GoogleState {
	private grants = new Map< string, GoogleGrant >();
	private refreshTokens = new Map< string, GoogleRefreshToken >();
	private accessTokens = new Map< string, GoogleAccessToken >();
	private codes = new Map< string, GoogleAuthCode >();
	tokenLifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;

	constructor(
		private readonly dir: string,
		private readonly clock: Clock
	) {
		const grants = readJson< GrantsFile >( join( dir, 'grants.json' ), {
			grants: [],
			refreshTokens: [],
			accessTokens: [],
		} );
		for ( const grant of grants.grants ) {
			this.grants.set( grant.id, grant );
		}
		for ( const token of grants.refreshTokens ) {
			this.refreshTokens.set( token.token, token );
		}
		for ( const token of grants.accessTokens ) {
			this.accessTokens.set( token.token, token );
		}
	}

	// --- Codes -------------------------------------------------------------

	createCode(
		fields: Omit< GoogleAuthCode, 'code' | 'expiresAt' | 'used' >
	): GoogleAuthCode {
		const code: GoogleAuthCode = {
			...fields,
			// Google's codes start with "4/0A" and carry a slash, which redirect URIs must keep.
			code: `4/0A${ randomToken( 69 ) }`,
			expiresAt: this.clock.now() + CODE_LIFETIME_MS,
			used: false,
		};
		this.codes.set( code.code, code );
		return code;
	}

	/**
	 * A code that exists, is unused and unexpired; it is used up at once (single use).
	 */
	consumeCode( code: string ): GoogleAuthCode | null {
		const found = this.codes.get( code );
		if ( ! found || found.used || found.expiresAt <= this.clock.now() ) {
			return null;
		}
		found.used = true;
		return found;
	}

	// --- Grants and tokens -------------------------------------------------

	listGrants(): GoogleGrant[] {
		return [ ...this.grants.values() ];
	}

	liveGrant( clientId: string ): GoogleGrant | undefined {
		return this.listGrants().find(
			( g ) => g.clientId === clientId && g.revokedAt === null
		);
	}

	/**
	 * Records the user's consent: the client's live grant gains the scopes, or a new grant starts.
	 */
	consent( clientId: string, scopes: string[] ): GoogleGrant {
		let grant = this.liveGrant( clientId );
		if ( grant ) {
			grant.scopes = [ ...new Set( [ ...grant.scopes, ...scopes ] ) ];
		} else {
			grant = {
				id: randomAlnum( 16 ),
				clientId,
				scopes: [ ...scopes ],
				createdAt: this.clock.now(),
				revokedAt: null,
			};
			this.grants.set( grant.id, grant );
		}
		this.save();
		return grant;
	}

	grantOf( token: { grantId: string } ): GoogleGrant | undefined {
		return this.grants.get( token.grantId );
	}

	refreshTokenExpired( token: GoogleRefreshToken ): boolean {
		return token.expiresAt !== null && token.expiresAt <= this.clock.now();
	}

	/**
	 * Whether the user already gave this client offline access that still
	 * works: if so, Google sends no new refresh token unless prompt=consent.
	 */
	hasLiveRefreshToken( grant: GoogleGrant ): boolean {
		return [ ...this.refreshTokens.values() ].some(
			( t ) => t.grantId === grant.id && ! this.refreshTokenExpired( t )
		);
	}

	issueRefreshToken(
		grant: GoogleGrant,
		client: GoogleClient,
		scopes: string[]
	): GoogleRefreshToken {
		const now = this.clock.now();
		const token: GoogleRefreshToken = {
			token: `1//0${ randomToken( 99 ) }`,
			grantId: grant.id,
			clientId: client.clientId,
			scopes,
			issuedAt: now,
			expiresAt:
				client.publishingStatus === 'testing'
					? now + TESTING_REFRESH_LIFETIME_MS
					: null,
		};
		this.refreshTokens.set( token.token, token );
		this.save();
		return token;
	}

	findRefreshToken( token: string ): GoogleRefreshToken | undefined {
		return this.refreshTokens.get( token );
	}

	issueAccessToken(
		grant: GoogleGrant,
		scopes: string[],
		refreshToken: string | null
	): GoogleAccessToken {
		const now = this.clock.now();
		const token: GoogleAccessToken = {
			token: `ya29.a0${ randomToken( 160 ) }`,
			grantId: grant.id,
			clientId: grant.clientId,
			refreshToken,
			scopes,
			issuedAt: now,
			expiresAt: now + this.tokenLifetimeSeconds * 1000,
		};
		this.accessTokens.set( token.token, token );
		this.save();
		return token;
	}

	findAccessToken( token: string ): GoogleAccessToken | undefined {
		return this.accessTokens.get( token );
	}

	/**
	 * A usable access token: known, unexpired, its grant not revoked.
	 */
	liveAccessToken( token: string ): GoogleAccessToken | undefined {
		const found = this.accessTokens.get( token );
		const grant = found && this.grants.get( found.grantId );
		return found &&
			grant?.revokedAt === null &&
			found.expiresAt > this.clock.now()
			? found
			: undefined;
	}

	/**
	 * Revokes the grant: every refresh and access token of the client goes,
	 * and the next consent counts as the first one again.
	 */
	revokeGrant( grant: GoogleGrant ): void {
		grant.revokedAt = this.clock.now();
		this.save();
	}

	revokeAllGrants(): number {
		const live = this.listGrants().filter( ( g ) => g.revokedAt === null );
		for ( const grant of live ) {
			grant.revokedAt = this.clock.now();
		}
		this.save();
		return live.length;
	}

	expireAllAccessTokens(): number {
		const now = this.clock.now();
		let n = 0;
		for ( const token of this.accessTokens.values() ) {
			if ( token.expiresAt > now ) {
				token.expiresAt = now;
				n++;
			}
		}
		this.save();
		return n;
	}

	refreshTokensOf( grant: GoogleGrant ): GoogleRefreshToken[] {
		return [ ...this.refreshTokens.values() ].filter(
			( t ) => t.grantId === grant.id
		);
	}

	/** Forgets grants, tokens and codes, and the token lifetime. */
	reset(): void {
		this.grants.clear();
		this.refreshTokens.clear();
		this.accessTokens.clear();
		this.codes.clear();
		this.tokenLifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;
		this.save();
	}

	/** Prunes old access tokens; refresh tokens stay, so a revoked one keeps its "revoked" answer. */
	private save(): void {
		const cutoff = this.clock.now() - DAY;
		const dead = ( grantId: string ) => {
			const grant = this.grants.get( grantId );
			return (
				! grant ||
				( grant.revokedAt !== null && grant.revokedAt < cutoff )
			);
		};
		for ( const [ key, token ] of this.accessTokens ) {
			if ( token.expiresAt < cutoff || dead( token.grantId ) ) {
				this.accessTokens.delete( key );
			}
		}
		writeJson( join( this.dir, 'grants.json' ), {
			grants: this.listGrants(),
			refreshTokens: [ ...this.refreshTokens.values() ],
			accessTokens: [ ...this.accessTokens.values() ],
		} satisfies GrantsFile );
	}
}
