/**
 * Internal dependencies
 */
import type { Connection, CredentialField } from '../types';

const REDIRECT_URI =
	'http://localhost:8888/wp-admin/admin-post.php?action=ccg_oauth_dropbox';

/** The Dropbox credentials form as the server describes it to admins. */
export const DROPBOX_FIELDS: CredentialField[] = [
	{ name: 'appKey', label: 'App key', kind: 'id', help: '' },
	{
		name: 'appSecret',
		label: 'App secret',
		kind: 'secret',
		help: 'In the Dropbox App Console, click Show next to App secret to reveal it.',
	},
	{
		name: 'accessType',
		label: 'Access type',
		kind: 'choice',
		help: '',
		options: [
			{ value: 'full', label: 'Full Dropbox' },
			{ value: 'app_folder', label: 'App folder' },
		],
	},
];

/**
 * The form's fields as the server sends them: only to people who may manage.
 *
 * @param fields    The provider's fields.
 * @param overrides The fixture's overrides.
 * @return Fields, or null.
 */
function fieldsFor(
	fields: CredentialField[],
	overrides: Partial< Connection >
): CredentialField[] | null {
	return overrides.canManage === false ? null : fields;
}

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
		credentialFields: fieldsFor( DROPBOX_FIELDS, overrides ),
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

const GOOGLE_FIELDS: CredentialField[] = [
	{
		name: 'clientId',
		label: 'Client ID',
		kind: 'id',
		help: 'It ends in .apps.googleusercontent.com.',
	},
	{
		name: 'clientSecret',
		label: 'Client secret',
		kind: 'secret',
		help: 'Find it with your OAuth client in the Google Cloud console.',
	},
];

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
		credentialFields: fieldsFor( GOOGLE_FIELDS, overrides ),
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

/**
 * The form of a provider the editor has no words of its own for, as the
 * server describes it (the fake third provider of the PHP tests).
 */
export const EXAMPLE_FIELDS: CredentialField[] = [
	{
		name: 'clientKey',
		label: 'Client key',
		kind: 'id',
		help: 'Shown on your app’s page in the Example console.',
	},
	{
		name: 'signingSecret',
		label: 'Signing secret',
		kind: 'secret',
		help: 'Shown once, when you create the app.',
	},
	{
		name: 'region',
		label: 'Region',
		kind: 'choice',
		help: '',
		options: [
			{ value: 'eu', label: 'Europe' },
			{ value: 'us', label: 'United States' },
		],
	},
];

/**
 * A connection of a provider only the server knows: "Example Cloud".
 *
 * @param overrides Fields to change.
 * @return The connection.
 */
export function exampleConnection(
	overrides: Partial< Connection > = {}
): Connection {
	return {
		...dropboxConnection(),
		provider: 'example',
		label: 'Example Cloud',
		credentialFields: fieldsFor( EXAMPLE_FIELDS, overrides ),
		redirectUri:
			'http://localhost:8888/wp-admin/admin-post.php?action=ccg_oauth_example',
		...overrides,
	};
}
