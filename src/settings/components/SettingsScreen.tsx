/**
 * WordPress dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as connectionsStore } from '../../store/connections';
import { useResetConnectingOnReturn } from '../hooks';
import { sectionFor } from '../sections';
import type { SettingsConfig } from '../types';
import OAuthResultNotice from './OAuthResultNotice';

interface Props {
	config: SettingsConfig;
}

/**
 * Customer Cloud Gallery → Settings: one section per cloud provider. The
 * page prints the `wrap` and the h1 around the root, so they show before
 * this script runs; sections start at h2.
 *
 * @param props        Component props.
 * @param props.config What the page printed (the OAuth result notice).
 */
export default function SettingsScreen( { config }: Props ) {
	const { connections, loadError } = useSelect( ( select ) => {
		const { getConnections, getLoadError } = select( connectionsStore );
		return {
			connections: getConnections(),
			loadError: getLoadError(),
		};
	}, [] );
	useResetConnectingOnReturn();

	let content;
	if ( loadError ) {
		content = (
			<Notice status="error" isDismissible={ false }>
				{ loadError.message }
			</Notice>
		);
	} else if ( connections === undefined ) {
		content = (
			<p className="ccg-loading">
				<Spinner />
				{ __( 'Loading connections…', 'customer-cloud-gallery' ) }
			</p>
		);
	} else {
		content = connections.map( ( connection ) => {
			const Section = sectionFor( connection.provider );
			return (
				<Section
					key={ connection.provider }
					connection={ connection }
				/>
			);
		} );
	}

	return (
		<div className="ccg-settings">
			<OAuthResultNotice notice={ config.notice } />
			{ content }
		</div>
	);
}
