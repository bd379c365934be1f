/**
 * Internal dependencies
 */
import type { Connection } from '../types';

const REDIRECT_URI =
	'http://localhost:8888/wp-admin/admin-post.php?action=ccg_oauth_dropbox';

/**
 * A Dropbox connection as GET /connections/dropbox returns it.
 *
 * @param overrides Fields to change.
 * @return The connection.
 */
export function dropboxConnection(
	overrides: Partial< Connection > = {}
): Connection {
	return {
		provider: 'dropbox',
		label: 'Dropbox',
		status: 'unconfigured',
		canManage: true,
		credentials: null,
		redirectUri: REDIRECT_URI,
		account: null,
		accessType: null,
		grantedScopes: [],
		missingScopes: [],
		connectedAt: null,
		problem: null,
		...overrides,
	};
}

export function readyConnection(
	overrides: Partial< Connection > = {}
): Connection {
	return dropboxConnection( {
		status: 'ready',
		credentials: {
			appKey: 'k3yabc123',
			secretStored: true,
			accessType: 'full',
		},
		...overrides,
	} );
}

export function connectedConnection(
	overrides: Partial< Connection > = {}
): Connection {
	return readyConnection( {
		status: 'connected',
		account: { name: 'Ada Lovelace', email: 'ada@example.com' },
		accessType: 'full',
		grantedScopes: [
			'account_info.read',
			'files.metadata.read',
			'files.content.read',
		],
		connectedAt: '2025-01-15T10:30:00Z',
		...overrides,
	} );
}

export { REDIRECT_URI };

const GOOGLE_REDIRECT_URI =
	'http://localhost:8888/wp-admin/admin-post.php?action=ccg_oauth_google';

export const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';

/**
 * A Google Drive connection as GET /connections/google returns it.
 *
 * @param overrides Fields to change.
 * @return The connection.
 */
export function googleConnection(
	overrides: Partial< Connection > = {}
): Connection {
	return {
		...dropboxConnection(),
		provider: 'google',
		label: 'Google Drive',
		redirectUri: GOOGLE_REDIRECT_URI,
		...overrides,
	};
}

export function googleReadyConnection(
	overrides: Partial< Connection > = {}
): Connection {
	return googleConnection( {
		status: 'ready',
		credentials: {
			clientId: '1234-abc.apps.googleusercontent.com',
			secretStored: true,
		},
		...overrides,
	} );
}

export function googleConnectedConnection(
	overrides: Partial< Connection > = {}
): Connection {
	return googleReadyConnection( {
		status: 'connected',
		account: { name: 'Grace Hopper', email: 'grace@example.com' },
		grantedScopes: [ DRIVE_READONLY ],
		connectedAt: '2025-02-01T09:00:00Z',
		...overrides,
	} );
}

export { GOOGLE_REDIRECT_URI };
