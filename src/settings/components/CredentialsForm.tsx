/**
 * External dependencies
 */
import type { FormEvent, ReactNode, Ref } from 'react';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as connectionsStore } from '../../store/connections';
import type {
	Connection,
	CredentialsInput,
	StoredCredentials,
} from '../../store/connections';
import { useRequestState } from '../hooks';
import CredentialsFieldControl from './CredentialsFieldControl';
import type { FormField } from './CredentialsFieldControl';
import RequestErrorNotice from './RequestErrorNotice';

export interface CredentialsFormProps {
	connection: Connection;
	/** The first text input, focused by a problem's "Enter credentials". */
	firstFieldRef?: Ref< HTMLInputElement >;
}

interface Props extends CredentialsFormProps {
	/** The form's heading, e.g. "Dropbox app credentials". */
	heading: string;
	/** What to know before filling it in, shown below the heading. */
	intro?: ReactNode;
	/** Its fields, in display order. */
	fields: FormField[];
}

/**
 * What the form starts with: the stored value of each public field, a
 * choice's first option when nothing is stored, and never a secret.
 *
 * @param fields The form's fields.
 * @param stored The stored credentials, if any.
 * @return Values by field name.
 */
function initialValues(
	fields: FormField[],
	stored: StoredCredentials | null
): CredentialsInput {
	return Object.fromEntries(
		fields.map( ( field ) => {
			const value = stored?.[ field.name ];
			if ( field.kind !== 'secret' && typeof value === 'string' ) {
				return [ field.name, value ];
			}
			const first =
				field.kind === 'choice' ? field.options?.[ 0 ]?.value : '';
			return [ field.name, first ?? '' ];
		} )
	);
}

/**
 * The credentials of the user's own OAuth app: an id, a secret and whatever
 * else the provider needs. The secret is write-only: the server never
 * returns it, so the field starts empty and an empty field keeps the stored
 * secret.
 *
 * @param props               Component props.
 * @param props.connection    The provider's connection.
 * @param props.firstFieldRef Ref to the first text input.
 * @param props.heading       The form's heading.
 * @param props.intro         What to know before filling it in.
 * @param props.fields        The fields.
 */
export default function CredentialsForm( {
	connection,
	firstFieldRef,
	heading,
	intro,
	fields,
}: Props ) {
	const { provider, credentials, status } = connection;
	const { pending, error } = useRequestState( provider );
	const { saveCredentials } = useDispatch( connectionsStore );
	const headingId = `ccg-credentials-${ useInstanceId( CredentialsForm ) }`;

	const [ values, setValues ] = useState( () =>
		initialValues( fields, credentials )
	);
	const [ hasSaved, setHasSaved ] = useState( false );

	const secretStored = credentials?.secretStored ?? false;
	const isSaving = pending === 'saving';
	const isComplete = fields.every( ( field ) => {
		const filled = ( values[ field.name ] ?? '' ).trim() !== '';
		switch ( field.kind ) {
			case 'id':
				return filled;
			case 'secret':
				return secretStored || filled;
			default:
				return true;
		}
	} );
	const firstTextField = fields.find( ( field ) => field.kind !== 'choice' );

	const edit = ( name: string ) => ( value: string ) => {
		setHasSaved( false );
		setValues( ( current ) => ( { ...current, [ name ]: value } ) );
	};

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! isComplete || pending ) {
			return;
		}
		const saved = await saveCredentials( provider, values );
		if ( saved ) {
			// Never keep a secret around once the server has it.
			setValues( ( current ) => ( {
				...current,
				...Object.fromEntries(
					fields
						.filter( ( field ) => field.kind === 'secret' )
						.map( ( field ) => [ field.name, '' ] )
				),
			} ) );
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
			{ intro }
			{ fields.map( ( field ) => (
				<CredentialsFieldControl
					key={ field.name }
					field={ field }
					value={ values[ field.name ] ?? '' }
					onChange={ edit( field.name ) }
					secretStored={ secretStored }
					inputRef={
						field === firstTextField ? firstFieldRef : undefined
					}
				/>
			) ) }
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
