/**
 * External dependencies
 */
import type { FormEvent, Ref } from 'react';

/**
 * WordPress dependencies
 */
import { Button, RadioControl, TextControl } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as connectionsStore } from '../../store/connections';
import type { AccessType, Connection } from '../../store/connections';
import RequestErrorNotice from '../components/RequestErrorNotice';
import { useRequestState } from '../hooks';
import { getAccessTypeLabel } from './labels';

interface Props {
	connection: Connection;
	/** The App key input, focused by a problem's "Enter credentials". */
	appKeyRef?: Ref< HTMLInputElement >;
}

function isAccessType( value: string ): value is AccessType {
	return value === 'full' || value === 'app_folder';
}

/**
 * App key, App secret and access type of the user's Dropbox app. The secret
 * is write-only: the server never returns it, so the field starts empty and
 * an empty field keeps the stored secret.
 *
 * @param props            Component props.
 * @param props.connection The Dropbox connection.
 * @param props.appKeyRef  Ref to the App key input.
 */
export default function CredentialsForm( { connection, appKeyRef }: Props ) {
	const { provider, credentials, status } = connection;
	const { pending, error } = useRequestState( provider );
	const { saveCredentials } = useDispatch( connectionsStore );
	const headingId = `ccg-credentials-${ useInstanceId( CredentialsForm ) }`;

	const [ appKey, setAppKey ] = useState( credentials?.appKey ?? '' );
	const [ appSecret, setAppSecret ] = useState( '' );
	const [ accessType, setAccessType ] = useState< AccessType >(
		credentials?.accessType ?? 'full'
	);
	const [ hasSaved, setHasSaved ] = useState( false );

	const secretStored = credentials?.secretStored ?? false;
	const isSaving = pending === 'saving';
	const isComplete =
		appKey.trim() !== '' && ( secretStored || appSecret.trim() !== '' );

	const edit =
		< T, >( setter: ( value: T ) => void ) =>
		( value: T ) => {
			setHasSaved( false );
			setter( value );
		};

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! isComplete || pending ) {
			return;
		}
		const saved = await saveCredentials( provider, {
			appKey,
			appSecret,
			accessType,
		} );
		if ( saved ) {
			// Never keep a secret around once the server has it.
			setAppSecret( '' );
			setHasSaved( true );
		}
	};

	return (
		<form
			className="ccg-credentials-form"
			aria-labelledby={ headingId }
			onSubmit={ onSubmit }
		>
			<h2 id={ headingId } className="ccg-section-heading">
				{ __( 'Dropbox app credentials', 'customer-cloud-gallery' ) }
			</h2>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				ref={ appKeyRef }
				label={ __( 'App key', 'customer-cloud-gallery' ) }
				value={ appKey }
				onChange={ edit( setAppKey ) }
				autoComplete="off"
				spellCheck={ false }
				required
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="password"
				label={ __( 'App secret', 'customer-cloud-gallery' ) }
				value={ appSecret }
				onChange={ edit( setAppSecret ) }
				// Keeps browsers from filling in the WordPress password.
				autoComplete="new-password"
				spellCheck={ false }
				required={ ! secretStored }
				help={
					secretStored
						? __(
								'A secret is stored. It stays unless you type a new one.',
								'customer-cloud-gallery'
							)
						: __(
								'In the Dropbox App Console, click Show next to App secret to reveal it.',
								'customer-cloud-gallery'
							)
				}
			/>
			<RadioControl
				label={ __( 'Access type', 'customer-cloud-gallery' ) }
				help={ __(
					'Choose the access type you gave the app when you created it.',
					'customer-cloud-gallery'
				) }
				selected={ accessType }
				onChange={ edit( ( value: string ) => {
					if ( isAccessType( value ) ) {
						setAccessType( value );
					}
				} ) }
				options={ [
					{
						value: 'full',
						label: __(
							'Full Dropbox — recommended',
							'customer-cloud-gallery'
						),
						description: __(
							'Lets the plugin read any folder you point it at.',
							'customer-cloud-gallery'
						),
					},
					{
						value: 'app_folder',
						label: getAccessTypeLabel( 'app_folder' ),
						description: __(
							'Limits the plugin to /Apps/<your-app-name>; galleries must live in that folder.',
							'customer-cloud-gallery'
						),
					},
				] }
			/>
			{ error?.action === 'saving' && (
				<RequestErrorNotice error={ error } />
			) }
			<div className="ccg-form-actions">
				<Button
					__next40pxDefaultSize
					type="submit"
					variant={
						status === 'unconfigured' ? 'primary' : 'secondary'
					}
					isBusy={ isSaving }
					disabled={ pending !== null }
					accessibleWhenDisabled
				>
					{ __( 'Save credentials', 'customer-cloud-gallery' ) }
				</Button>
				<span className="ccg-hint" role="status" aria-live="polite">
					{ hasSaved &&
						__( 'Credentials saved.', 'customer-cloud-gallery' ) }
				</span>
			</div>
		</form>
	);
}
