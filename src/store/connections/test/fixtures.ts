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
