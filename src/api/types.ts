/**
 * Shapes of the plugin's REST API (namespace `customer-cloud-gallery/v1`),
 * mirrored from the PHP controllers' schemas.
 */

/** Cloud providers the plugin can connect to, one connection each per site. */
export type ProviderId = 'dropbox' | 'google';

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

/** A Dropbox app's stored credentials. The secret itself never leaves the server. */
export interface DropboxCredentials {
	appKey: string;
	secretStored: boolean;
	accessType: AccessType;
}

/** A Google Cloud OAuth client's stored credentials, without the secret. */
export interface GoogleCredentials {
	clientId: string;
	secretStored: boolean;
}

/** Stored OAuth app credentials, in the shape of their provider. */
export type StoredCredentials = DropboxCredentials | GoogleCredentials;

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

/** Body of POST /connections/dropbox/credentials. */
export interface DropboxCredentialsInput {
	appKey: string;
	/** Empty or absent keeps the stored secret. */
	appSecret?: string;
	accessType: AccessType;
}

/** Body of POST /connections/google/credentials. */
export interface GoogleCredentialsInput {
	clientId: string;
	/** Empty or absent keeps the stored secret. */
	clientSecret?: string;
}

/** Body of POST /connections/{provider}/credentials, by provider. */
export interface CredentialsInputs {
	dropbox: DropboxCredentialsInput;
	google: GoogleCredentialsInput;
}

export type CredentialsInput = CredentialsInputs[ ProviderId ];

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

/** A folder as the plugin's folder routes describe it (normalised, not the provider's own shape). */
export interface FolderRef {
	/**
	 * Stable provider id (Dropbox `id:…`, a Drive file id); '' for the root
	 * (the Dropbox root, or Drive's virtual root above My Drive and the
	 * shared drives).
	 */
	id: string;
	name: string;
	/** Display path, e.g. `/Clients/Smith wedding` or `/My Drive/Clients`. */
	path: string;
}

/**
 * What the folder tree may browse: `gallery` stays inside the admin's gallery
 * root; `all` starts at the account's root (admins only, for choosing that root).
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
	/** Photos known so far: final only when `complete`. */
	photoCount: number;
	otherFileCount: number;
	/**
	 * False while the folder is still being listed in the background (a big
	 * folder takes several requests); the counts are then lower bounds.
	 */
	complete: boolean;
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
