/**
 * Shapes of the plugin's REST API (namespace `customer-cloud-gallery/v1`),
 * mirrored from the PHP controllers' schemas.
 */

/**
 * A cloud provider as the server registers it ('dropbox', 'google', or any
 * provider a module adds), one connection each per site. The editor and the
 * Settings screen list whatever GET /connections returns.
 */
export type ProviderId = string;

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

/**
 * One field of a provider's credentials form, as the server describes it:
 * `id` is the public half of the OAuth app (shown again once stored),
 * `secret` is write-only, `choice` is one of `options`.
 */
export interface CredentialField {
	name: string;
	label: string;
	kind: 'id' | 'secret' | 'choice';
	help: string;
	options?: Array< { value: string; label: string } >;
}

/**
 * Stored OAuth app credentials: the non-secret values keyed by field name
 * (Dropbox `appKey`, `accessType`; Google `clientId`), and whether a secret
 * is stored. The secret itself never leaves the server.
 */
export type StoredCredentials = { secretStored: boolean } & Record<
	string,
	string | boolean
>;

interface ConnectedAccount {
	name: string;
	email: string;
}

export interface Connection {
	provider: ProviderId;
	label: string;
	status: ConnectionStatus;
	canManage: boolean;
	credentials: StoredCredentials | null;
	/** The credentials form's fields in display order; null for people who cannot manage. */
	credentialFields: CredentialField[] | null;
	redirectUri: string | null;
	account: ConnectedAccount | null;
	accessType: AccessType | null;
	grantedScopes: string[];
	missingScopes: string[];
	connectedAt: string | null;
	problem: ConnectionProblem | null;
}

/**
 * Body of POST /connections/{provider}/credentials: each field's value by
 * its name. An empty or absent secret keeps the stored one.
 */
export type CredentialsInput = Record< string, string >;

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
interface GalleryRootChoice {
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
