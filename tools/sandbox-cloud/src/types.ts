import type { SandboxApp } from './dropbox/types';
import type { LibraryOptions } from './library/generate';
import type { LibraryManifest } from './library/manifest';

export type { SandboxApp } from './dropbox/types';
export type { LibraryOptions } from './library/generate';
export type { LibraryManifest } from './library/manifest';

export interface SandboxOptions {
	/** Bind address. Default `127.0.0.1`; URLs always say `localhost`. */
	host?: string;
	/** Ports basePort..basePort+9 are the sandbox's (+4..+8 are kept for a Drive sandbox). */
	basePort: number;
	/** State: app registry, grants/tokens, id map, thumbnail cache, generated library. */
	dataDir: string;
	/** Photo library root. Default `<dataDir>/library`, generated when missing. */
	libraryDir?: string;
	/** Access-token lifetime. Default 14400 (4 h), as Dropbox. */
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
	/** `http://localhost:<basePort+9>`, the JSON control API. */
	controlBase: string;
	dataDir: string;
	libraryDir: string;
	/** The generated library's manifest (null when a developer's own folder is used). */
	manifest: LibraryManifest | null;
	/** Registers or updates an app in the App Console (also `POST /dropbox/apps`). */
	registerApp: ( app: SandboxApp ) => Promise< void >;
	/** Closes every listener and writes the id map. */
	stop: () => Promise< void >;
}
