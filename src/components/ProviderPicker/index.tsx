/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { createInterpolateElement } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection, ProviderId } from '../../api/types';
import { settingsUrl } from '../settings-url';
import { formatProviderList, listedProviders, providerLabel } from './labels';

interface ProviderPickerProps {
	/** Connections as the store holds them. */
	connections: Connection[];
	value: ProviderId | '';
	onChange: ( provider: ProviderId ) => void;
	label?: string;
}

/**
 * Why a provider cannot be chosen, in words.
 *
 * @param connection The provider's connection, if the server offers it.
 * @return The reason, or null when it can be chosen.
 */
function unavailableReason(
	connection: Connection | undefined
): string | null {
	if ( ! connection ) {
		return __( 'not available yet', 'customer-cloud-gallery' );
	}
	switch ( connection.status ) {
		case 'connected':
			return null;
		case 'needs_attention':
			return __( 'needs attention', 'customer-cloud-gallery' );
		default:
			return __( 'not connected yet', 'customer-cloud-gallery' );
	}
}

/**
 * How to make the providers the site offers but cannot use yet usable:
 * a link to Settings for people who may connect them, whom to ask for
 * everyone else.
 *
 * @param connections Connections as the store holds them.
 * @return The hint, or undefined when every offered provider is usable.
 */
function connectHint( connections: Connection[] ) {
	const waiting = listedProviders( connections ).filter( ( provider ) =>
		connections.some(
			( item ) =>
				item.provider === provider && item.status !== 'connected'
		)
	);
	if ( waiting.length === 0 ) {
		return undefined;
	}
	const names = formatProviderList( waiting, connections );
	if ( ! connections.some( ( item ) => item.canManage ) ) {
		return sprintf(
			/* translators: %s: provider names, e.g. "Google Drive". */
			__(
				'To use %s, ask your site administrator to connect it.',
				'customer-cloud-gallery'
			),
			names
		);
	}
	return createInterpolateElement(
		sprintf(
			/* translators: %s: provider names, e.g. "Google Drive". */
			__(
				'To use %s, connect it in <a>Customer Cloud Gallery → Settings</a>.',
				'customer-cloud-gallery'
			),
			names
		),
		// The link's text comes from the translation.
		// eslint-disable-next-line jsx-a11y/anchor-has-content
		{ a: <a href={ settingsUrl() } /> }
	);
}

/**
 * The storage provider of a gallery. Every provider the editor knows or the
 * server offers is listed; those that cannot be used now are disabled, say
 * why, and the help below says how to connect them.
 *
 * @param props             Component props.
 * @param props.connections Connections as the store holds them.
 * @param props.value       Chosen provider, or empty.
 * @param props.onChange    Called with a usable provider.
 * @param props.label       Label of the select.
 */
export default function ProviderPicker( {
	connections,
	value,
	onChange,
	label = __( 'Storage provider', 'customer-cloud-gallery' ),
}: ProviderPickerProps ) {
	const options = listedProviders( connections ).map( ( provider ) => {
		const connection = connections.find(
			( item ) => item.provider === provider
		);
		const reason = unavailableReason( connection );
		const name = providerLabel( provider, connection );
		return {
			value: provider,
			label: reason
				? sprintf(
						/* translators: 1: provider name, 2: why it cannot be used. */
						__( '%1$s — %2$s', 'customer-cloud-gallery' ),
						name,
						reason
					)
				: name,
			disabled: reason !== null,
		};
	} );
	return (
		<SelectControl< ProviderId | '' >
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			help={ connectHint( connections ) }
			value={ value }
			options={
				value === ''
					? [
							{
								value: '',
								label: __(
									'Choose a provider',
									'customer-cloud-gallery'
								),
								disabled: true,
							},
							...options,
						]
					: options
			}
			onChange={ ( next ) => {
				if ( next ) {
					onChange( next );
				}
			} }
		/>
	);
}
