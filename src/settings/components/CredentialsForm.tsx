/**
 * External dependencies
 */
import type { FormEvent, ReactNode, Ref } from 'react';

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as connectionsStore } from '../../store/connections';
import type { Connection, CredentialsInput } from '../../store/connections';
import { useRequestState } from '../hooks';
import RequestErrorNotice from './RequestErrorNotice';

export interface CredentialsFormProps {
	connection: Connection;
	/** The first input, focused by a problem's "Enter credentials". */
	firstFieldRef?: Ref< HTMLInputElement >;
}

interface Props extends CredentialsFormProps {
	/** The form's heading, e.g. "Dropbox app credentials". */
	heading: string;
	/** The public half: its label, help and stored value. */
	idField: { label: string; help?: string; initial: string };
	/** The secret: its label, and where to find it while none is stored. */
	secretField: { label: string; help: string };
	/** The request body for what was typed (an empty secret keeps the stored one). */
	toInput: ( id: string, secret: string ) => CredentialsInput;
	/** Further fields; call `markEdited` when one changes. */
	children?: ( markEdited: () => void ) => ReactNode;
}

/**
 * The credentials of the user's own OAuth app: an id, a secret and whatever
 * else the provider needs. The secret is write-only: the server never
 * returns it, so the field starts empty and an empty field keeps the stored
 * secret.
 *
 * @param props               Component props.
 * @param props.connection    The provider's connection.
 * @param props.firstFieldRef Ref to the id input.
 * @param props.heading       The form's heading.
 * @param props.idField       Label, help and stored value of the id.
 * @param props.secretField   Label and help of the secret.
 * @param props.toInput       Builds the request body.
 * @param props.children      Further fields.
 */
export default function CredentialsForm( {
	connection,
	firstFieldRef,
	heading,
	idField,
	secretField,
	toInput,
	children,
}: Props ) {
	const { provider, credentials, status } = connection;
	const { pending, error } = useRequestState( provider );
	const { saveCredentials } = useDispatch( connectionsStore );
	const headingId = `ccg-credentials-${ useInstanceId( CredentialsForm ) }`;

	const [ id, setId ] = useState( idField.initial );
	const [ secret, setSecret ] = useState( '' );
	const [ hasSaved, setHasSaved ] = useState( false );

	const secretStored = credentials?.secretStored ?? false;
	const isSaving = pending === 'saving';
	const isComplete =
		id.trim() !== '' && ( secretStored || secret.trim() !== '' );

	const markEdited = () => setHasSaved( false );
	const edit = ( setter: ( value: string ) => void ) => ( value: string ) => {
		markEdited();
		setter( value );
	};

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! isComplete || pending ) {
			return;
		}
		const saved = await saveCredentials( provider, toInput( id, secret ) );
		if ( saved ) {
			// Never keep a secret around once the server has it.
			setSecret( '' );
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
				{ heading }
			</h2>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				ref={ firstFieldRef }
				label={ idField.label }
				help={ idField.help }
				value={ id }
				onChange={ edit( setId ) }
				autoComplete="off"
				spellCheck={ false }
				required
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="password"
				label={ secretField.label }
				value={ secret }
				onChange={ edit( setSecret ) }
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
						: secretField.help
				}
			/>
			{ children?.( markEdited ) }
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
