/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../../src/api/types';

/** Customer Cloud Gallery → Settings, from any admin page. */
export const SETTINGS_PATH = 'admin.php?page=customer-cloud-gallery';

/**
 * The Settings screen's address. The editor runs in wp-admin; the canvas
 * iframe has no useful base URL, so the link is made absolute here.
 *
 * @return Absolute URL.
 */
export function settingsUrl(): string {
	return new URL( SETTINGS_PATH, window.location.href ).href;
}

interface Props {
	connections: Connection[];
}

/**
 * No provider can be used: send people who may connect one to Settings, and
 * tell everyone else whom to ask.
 *
 * @param props             Component props.
 * @param props.connections Connections as the store holds them.
 */
export default function NotConnected( { connections }: Props ) {
	const canManage = connections.some( ( item ) => item.canManage );
	const problem = connections.find( ( item ) => item.problem )?.problem;
	return (
		<div className="ccg-not-connected">
			<p>
				{ __(
					'This gallery shows photos from Dropbox, which is not connected to this site yet.',
					'customer-cloud-gallery'
				) }
			</p>
			{ problem && canManage && <p>{ problem.message }</p> }
			{ canManage ? (
				<a href={ settingsUrl() }>
					{ __(
						'Connect Dropbox in Customer Cloud Gallery → Settings',
						'customer-cloud-gallery'
					) }
				</a>
			) : (
				<p>
					{ __(
						'Ask your site administrator to connect Dropbox.',
						'customer-cloud-gallery'
					) }
				</p>
			) }
		</div>
	);
}
