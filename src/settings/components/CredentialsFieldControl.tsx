/**
 * External dependencies
 */
import type { Ref } from 'react';

/**
 * WordPress dependencies
 */
import { RadioControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { CredentialField } from '../../store/connections';

/** A field of a credentials form; a choice's options may explain themselves. */
export type FormField = Omit< CredentialField, 'help' | 'options' > & {
	/** For a secret: where to find it, shown while none is stored. */
	help?: string;
	options?: Array< { value: string; label: string; description?: string } >;
};

interface Props {
	field: FormField;
	value: string;
	onChange: ( value: string ) => void;
	/** Whether the server already holds a secret (a secret field may stay empty). */
	secretStored: boolean;
	inputRef?: Ref< HTMLInputElement >;
}

/**
 * One field of a credentials form, by kind: the public id as plain text, the
 * secret as a write-only password field, a choice as radio buttons.
 *
 * @param props              Component props.
 * @param props.field        The field.
 * @param props.value        Its value.
 * @param props.onChange     Called with a new value.
 * @param props.secretStored Whether a secret is stored.
 * @param props.inputRef     Ref to the input, for a text field.
 */
export default function CredentialsFieldControl( {
	field,
	value,
	onChange,
	secretStored,
	inputRef,
}: Props ) {
	switch ( field.kind ) {
		case 'choice':
			return (
				<RadioControl
					label={ field.label }
					help={ field.help }
					selected={ value }
					onChange={ onChange }
					options={ field.options ?? [] }
				/>
			);
		case 'secret':
			return (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					ref={ inputRef }
					type="password"
					label={ field.label }
					value={ value }
					onChange={ onChange }
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
							: field.help
					}
				/>
			);
		default:
			return (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					ref={ inputRef }
					label={ field.label }
					help={ field.help }
					value={ value }
					onChange={ onChange }
					autoComplete="off"
					spellCheck={ false }
					required
				/>
			);
	}
}
