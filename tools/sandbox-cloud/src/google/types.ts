/** An OAuth client as registered in the (sandbox) Google Cloud Console. */
export interface GoogleClient {
	/** `<projectNumber>-<32 characters>.apps.googleusercontent.com` */
	clientId: string;
	/** `GOCSPX-` + 28 characters. */
	clientSecret: string;
	name: string;
	/** The project the client belongs to (the digits before the dash in the client id). */
	projectNumber: string;
	redirectUris: string[];
	/**
	 * The OAuth consent screen's publishing status: in `testing`, refresh
	 * tokens expire 7 days after they are issued.
	 */
	publishingStatus: 'testing' | 'production';
	/** Whether the Drive API is enabled in the client's project (else 403 accessNotConfigured). */
	driveApiEnabled: boolean;
}

/** What the control API and `registerGoogleClient` accept: every field but the id is optional. */
export type GoogleClientInput = Partial< GoogleClient >;

/**
 * The user's authorization of one client ("third-party access" in the
 * Google Account): its tokens live and die together. At most one is live
 * per client; revoking it and consenting again makes a new one.
 */
export interface GoogleGrant {
	id: string;
	clientId: string;
	/** Every scope granted so far (include_granted_scopes adds up). */
	scopes: string[];
	createdAt: number;
	revokedAt: number | null;
}

export interface GoogleRefreshToken {
	token: string;
	grantId: string;
	clientId: string;
	scopes: string[];
	issuedAt: number;
	/** Issued while the client was in `testing`: 7 days later. null = no time limit. */
	expiresAt: number | null;
}

export interface GoogleAccessToken {
	token: string;
	grantId: string;
	clientId: string;
	/** The refresh token it was minted from (or came with); null for online access. */
	refreshToken: string | null;
	scopes: string[];
	issuedAt: number;
	expiresAt: number;
}

export interface GoogleAuthCode {
	code: string;
	clientId: string;
	redirectUri: string;
	scopes: string[];
	accessType: 'online' | 'offline';
	/** prompt contained `consent` (or approval_prompt=force): a refresh token comes even on a repeat. */
	forceConsent: boolean;
	codeChallenge: string | null;
	codeChallengeMethod: 'S256' | 'plain' | null;
	expiresAt: number;
	used: boolean;
}
