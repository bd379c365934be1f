/**
 * Shapes of the plugin's REST API (namespace `customer-cloud-gallery/v1`),
 * mirrored from the PHP controllers' schemas.
 */

/** Cloud providers the plugin can connect to, one connection each per site. */
export type ProviderId = 'dropbox' | 'google-drive';

export type ConnectionStatus =
	'unconfigured' | 'ready' | 'connected' | 'needs_attention';

export type AccessType = 'full' | 'app_folder';

/** What the screen should offer to fix a problem. */
export type ProblemAction =
	'reconnect' | 'connect' | 'save_credentials' | 'retry';

export interface ConnectionProblem {
	code: string;
	message: string;
	fix: string;
	action: ProblemAction | null;
}

/** Stored OAuth app credentials. The secret itself never leaves the server. */
export interface StoredCredentials {
	appKey: string;
	secretStored: boolean;
	accessType: AccessType;
}

export interface ConnectedAccount {
	name: string;
	email: string;
}

export interface Connection {
	provider: ProviderId;
	label: string;
	status: ConnectionStatus;
	canManage: boolean;
	credentials: StoredCredentials | null;
	redirectUri: string | null;
	account: ConnectedAccount | null;
	accessType: AccessType | null;
	grantedScopes: string[];
	missingScopes: string[];
	connectedAt: string | null;
	problem: ConnectionProblem | null;
}

/** Body of POST /connections/{provider}/credentials. */
export interface CredentialsInput {
	appKey: string;
	/** Empty or absent keeps the stored secret. */
	appSecret?: string;
	accessType: AccessType;
}

export interface AuthorizeResponse {
	authorizeUrl: string;
}

export interface TestConnectionResponse {
	ok: boolean;
	message: string;
	connection: Connection;
	visibleFolders: string[];
}

/** A failed request, normalised from WordPress REST errors and fetch failures. */
export interface ApiError {
	code: string;
	message: string;
	status: number | null;
}

/** A folder as the plugin's folder routes describe it (normalised, not Dropbox's own shape). */
export interface FolderRef {
	/** Stable provider id (Dropbox `id:…`); '' for the Dropbox root. */
	id: string;
	name: string;
	/** Display path, e.g. `/Clients/Smith wedding`. */
	path: string;
}

/**
 * What the folder tree may browse: `gallery` stays inside the admin's gallery
 * root; `all` starts at the Dropbox root (admins only, for choosing that root).
 */
export type FolderScope = 'gallery' | 'all';

/** GET /folders?provider=…&folder=…[&scope=all]. */
export interface FolderListing {
	provider: ProviderId;
	root: FolderRef;
	folder: FolderRef;
	/** From the root to this folder, both included. */
	breadcrumb: FolderRef[];
	/** Immediate subfolders, sorted. */
	folders: FolderRef[];
	photoCount: number;
	otherFileCount: number;
}

/** The folder galleries of one provider are confined to; null = everything the app can see. */
export interface GalleryRootChoice {
	id: string;
	path: string;
}

/** GET/POST /settings. */
export interface GallerySettings {
	galleryRoot: Partial< Record< ProviderId, GalleryRootChoice | null > >;
}

/** Core's GET /wp/v2/block-renderer/{name}. */
export interface BlockRendererResponse {
	rendered: string;
}
