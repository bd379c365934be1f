import type { SandboxApp } from './dropbox/types';
import type { GoogleClient, GoogleClientInput } from './google/types';
import type { LibraryOptions } from './library/generate';
import type { LibraryManifest } from './library/manifest';

export type { SandboxApp } from './dropbox/types';
export type { GoogleClient, GoogleClientInput } from './google/types';
export type { LibraryOptions } from './library/generate';
export type { LibraryManifest } from './library/manifest';

export interface SandboxOptions {
	/** Bind address. Default `127.0.0.1`; URLs always say `localhost`. */
	host?: string;
	/** Ports basePort..basePort+9 are the sandbox's: Dropbox +0..+3, Google +4..+7, control +9. */
	basePort: number;
	/** State: app and client registries, grants/tokens, id map, thumbnail caches, generated library. */
	dataDir: string;
	/** Photo library root. Default `<dataDir>/library`, generated when missing. */
	libraryDir?: string;
	/** Dropbox access-token lifetime. Default 14400 (4 h), as Dropbox. Google's are 3599 s. */
	tokenLifetimeSeconds?: number;
	log?: ( line: string ) => void;
	/** How to generate the library when it is missing (default: full profile, Debian photos). */
	library?: LibraryOptions;
}

export interface Sandbox {
	dropbox: {
		/** www.dropbox.com role: `GET /oauth2/authorize`. */
		authBase: string;
		/** api.dropboxapi.com role: `/oauth2/token` and `/2/…` RPC routes. */
		apiBase: string;
		/** content.dropboxapi.com role: thumbnails and downloads. */
		contentBase: string;
		/** Host of the links `get_temporary_link` returns. */
		linkBase: string;
	};
	google: {
		/** accounts.google.com role: `GET /o/oauth2/v2/auth` (consent page). */
		authBase: string;
		/** oauth2.googleapis.com role: `POST /token`, `POST /revoke`. */
		tokenBase: string;
		/** www.googleapis.com role: `/drive/v3/…`. */
		apiBase: string;
		/** lh3.googleusercontent.com role: where `thumbnailLink`s point. */
		thumbBase: string;
	};
	/** `http://localhost:<basePort+9>`, the JSON control API. */
	controlBase: string;
	dataDir: string;
	libraryDir: string;
	/** The generated library's manifest (null when a developer's own folder is used). */
	manifest: LibraryManifest | null;
	/** Registers or updates an app in the App Console (also `POST /dropbox/apps`). */
	registerApp: ( app: SandboxApp ) => Promise< void >;
	/**
	 * Registers a Google OAuth client (without `clientId`: new credentials
	 * are generated) or updates one; fields not given keep their value. Also
	 * `POST /google/clients`.
	 */
	registerGoogleClient: (
		client: GoogleClientInput
	) => Promise< GoogleClient >;
	/** The Google client made on first start (kept in `<dataDir>/google/clients.json`). */
	defaultGoogleClient: () => GoogleClient;
	/**
	 * Adds these WordPress sites' OAuth redirect URIs
	 * (`<site>/wp-admin/admin-post.php?action=ccg_oauth_google`) to the
	 * default Google client's, keeping those it has: as an admin adds a
	 * site's URI to their Cloud Console client.
	 */
	allowGoogleRedirects: ( siteUrls: string[] ) => Promise< GoogleClient >;
	/** Closes every listener and writes the id map. */
	stop: () => Promise< void >;
}
