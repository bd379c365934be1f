import { join } from 'node:path';

import type { Clock } from '../shared/clock';
import { readJson, writeJson } from '../shared/json-file';
import { randomAlnum, randomToken } from '../shared/random';
import type {
	AccessToken,
	AuthCode,
	Grant,
	SandboxApp,
	TemporaryLink,
} from './types';

const DAY = 24 * 3600 * 1000;
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
export const LINK_LIFETIME_MS = 4 * 3600 * 1000;

interface GrantsFile {
	grants: Grant[];
	tokens: AccessToken[];
}

/**
 * Everything the Dropbox sandbox remembers: the App Console (apps.json),
 * grants with their tokens (grants.json) and temporary links (links.json).
 * Authorization codes live in memory only: they are valid for 10 minutes.
 */
export class DropboxState {
	private apps = new Map< string, SandboxApp >();
	private grants = new Map< string, Grant >();
	private tokens = new Map< string, AccessToken >();
	private codes = new Map< string, AuthCode >();
	private links = new Map< string, TemporaryLink >();
	tokenLifetimeSeconds: number;

	constructor(
		private readonly dir: string,
		private readonly clock: Clock,
		readonly defaultTokenLifetimeSeconds: number
	) {
		this.tokenLifetimeSeconds = defaultTokenLifetimeSeconds;
		for ( const app of readJson< SandboxApp[] >(
			join( dir, 'apps.json' ),
			[]
		) ) {
			this.apps.set( app.key, app );
		}
		const saved = readJson< GrantsFile >( join( dir, 'grants.json' ), {
			grants: [],
			tokens: [],
		} );
		for ( const grant of saved.grants ) {
			this.grants.set( grant.id, grant );
		}
		for ( const token of saved.tokens ) {
			this.tokens.set( token.token, token );
		}
		for ( const link of readJson< TemporaryLink[] >(
			join( dir, 'links.json' ),
			[]
		) ) {
			this.links.set( link.id, link );
		}
	}

	// --- App Console -------------------------------------------------------

	listApps(): SandboxApp[] {
		return [ ...this.apps.values() ];
	}

	getApp( key: string ): SandboxApp | undefined {
		return this.apps.get( key );
	}

	putApp( app: SandboxApp ): void {
		this.apps.set( app.key, app );
		writeJson( join( this.dir, 'apps.json' ), this.listApps() );
	}

	deleteApp( key: string ): boolean {
		const had = this.apps.delete( key );
		writeJson( join( this.dir, 'apps.json' ), this.listApps() );
		return had;
	}

	// --- Codes -------------------------------------------------------------

	createCode(
		fields: Omit< AuthCode, 'code' | 'expiresAt' | 'used' >
	): AuthCode {
		const code: AuthCode = {
			...fields,
			code: randomAlnum( 43 ),
			expiresAt: this.clock.now() + CODE_LIFETIME_MS,
			used: false,
		};
		this.codes.set( code.code, code );
		return code;
	}

	/**
	 * A code that exists, is unused and unexpired; it is marked used at once (single use).
	 */
	consumeCode( code: string ): AuthCode | null {
		const found = this.codes.get( code );
		if ( ! found || found.used || found.expiresAt <= this.clock.now() ) {
			return null;
		}
		found.used = true;
		return found;
	}

	// --- Grants and tokens -------------------------------------------------

	createGrant(
		fields: Omit< Grant, 'id' | 'createdAt' | 'revokedAt' | 'refreshToken' >
	): Grant {
		const grant: Grant = {
			...fields,
			id: randomAlnum( 16 ),
			createdAt: this.clock.now(),
			revokedAt: null,
			refreshToken:
				fields.tokenAccessType === 'offline' ? randomToken( 64 ) : null,
		};
		this.grants.set( grant.id, grant );
		this.save();
		return grant;
	}

	listGrants(): Grant[] {
		return [ ...this.grants.values() ];
	}

	grantOf( token: AccessToken ): Grant | undefined {
		return this.grants.get( token.grantId );
	}

	grantByRefreshToken( refreshToken: string ): Grant | undefined {
		return [ ...this.grants.values() ].find(
			( g ) => g.refreshToken === refreshToken
		);
	}

	issueAccessToken( grant: Grant, scopes: string[] ): AccessToken {
		const now = this.clock.now();
		const token: AccessToken = {
			token: `sl.u.${ randomToken( 150 ) }`,
			grantId: grant.id,
			scopes,
			issuedAt: now,
			expiresAt: now + this.tokenLifetimeSeconds * 1000,
		};
		this.tokens.set( token.token, token );
		this.save();
		return token;
	}

	findAccessToken( token: string ): AccessToken | undefined {
		return this.tokens.get( token );
	}

	/**
	 * Revokes the grant: its refresh token and every access token minted from it.
	 */
	revokeGrant( grant: Grant ): void {
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
		for ( const token of this.tokens.values() ) {
			if ( token.expiresAt > now ) {
				token.expiresAt = now;
				n++;
			}
		}
		this.save();
		return n;
	}

	// --- Temporary links ---------------------------------------------------

	createLink( libraryPath: string, name: string ): TemporaryLink {
		const link: TemporaryLink = {
			id: randomAlnum( 32 ),
			libraryPath,
			name,
			createdAt: this.clock.now(),
		};
		this.links.set( link.id, link );
		this.saveLinks();
		return link;
	}

	findLink( id: string ): TemporaryLink | undefined {
		return this.links.get( id );
	}

	linkExpired( link: TemporaryLink ): boolean {
		return this.clock.now() - link.createdAt >= LINK_LIFETIME_MS;
	}

	/**
	 * Makes every existing temporary link `seconds` older.
	 */
	ageLinks( seconds: number ): number {
		for ( const link of this.links.values() ) {
			link.createdAt -= seconds * 1000;
		}
		this.saveLinks();
		return this.links.size;
	}

	/**
	 * Forgets grants, tokens, codes and links (and the apps too when asked).
	 */
	reset( apps: boolean ): void {
		this.grants.clear();
		this.tokens.clear();
		this.codes.clear();
		this.links.clear();
		this.tokenLifetimeSeconds = this.defaultTokenLifetimeSeconds;
		if ( apps ) {
			this.apps.clear();
			writeJson( join( this.dir, 'apps.json' ), [] );
		}
		this.save();
		this.saveLinks();
	}

	private save(): void {
		const cutoff = this.clock.now() - DAY;
		for ( const [ key, token ] of this.tokens ) {
			const grant = this.grants.get( token.grantId );
			if (
				token.expiresAt < cutoff ||
				! grant ||
				( grant.revokedAt !== null && grant.revokedAt < cutoff )
			) {
				this.tokens.delete( key );
			}
		}
		writeJson( join( this.dir, 'grants.json' ), {
			grants: this.listGrants(),
			tokens: [ ...this.tokens.values() ],
		} );
	}

	private saveLinks(): void {
		const cutoff = this.clock.now() - LINK_LIFETIME_MS - 7 * DAY;
		for ( const [ id, link ] of this.links ) {
			if ( link.createdAt < cutoff ) {
				this.links.delete( id );
			}
		}
		writeJson( join( this.dir, 'links.json' ), [ ...this.links.values() ] );
	}
}
