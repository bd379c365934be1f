/** An app as registered in the (sandbox) App Console. */
export interface SandboxApp {
	key: string;
	secret: string;
	name: string;
	redirectUris: string[];
	/** The App Console's "Webhook URIs" (README, "Webhooks"). */
	/** Absent in apps.json written before webhooks existed. */
	webhookUris?: string[];
	accessType: 'full' | 'app_folder';
	/** The scopes ticked and submitted on the Permissions tab. */
	scopes: string[];
}

export type TokenAccessType = 'online' | 'offline';

/** One authorization of one app by the user: its tokens live and die together. */
export interface Grant {
	id: string;
	appKey: string;
	accessType: 'full' | 'app_folder';
	/** Library path of the app folder (`/Apps/<name>`) for app-folder apps. */
	appFolder: string | null;
	scopes: string[];
	tokenAccessType: TokenAccessType;
	refreshToken: string | null;
	/** Obtained with PKCE and no secret: may refresh with client_id alone. */
	pkce: boolean;
	createdAt: number;
	revokedAt: number | null;
}

export interface AccessToken {
	token: string;
	grantId: string;
	scopes: string[];
	issuedAt: number;
	expiresAt: number;
}

export interface AuthCode {
	code: string;
	appKey: string;
	accessType: 'full' | 'app_folder';
	appFolder: string | null;
	redirectUri: string | null;
	scopes: string[];
	tokenAccessType: TokenAccessType;
	codeChallenge: string | null;
	codeChallengeMethod: 'S256' | 'plain' | null;
	expiresAt: number;
	used: boolean;
}

export interface TemporaryLink {
	id: string;
	/** Library-relative path of the file (not app-folder relative). */
	libraryPath: string;
	name: string;
	createdAt: number;
}

/** The scopes Dropbox routes need (contract A2.6). */
export const KNOWN_SCOPES = [
	'account_info.read',
	'files.metadata.read',
	'files.content.read',
	'files.metadata.write',
	'files.content.write',
	'sharing.read',
	'sharing.write',
	'file_requests.read',
	'file_requests.write',
	'contacts.read',
	'contacts.write',
	'openid',
	'profile',
	'email',
] as const;
