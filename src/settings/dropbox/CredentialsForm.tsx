/**
 * WordPress dependencies
 */
import { RadioControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AccessType } from '../../store/connections';
import CredentialsForm from '../components/CredentialsForm';
import type { CredentialsFormProps } from '../components/CredentialsForm';
import { dropboxCredentials, getAccessTypeLabel } from './labels';

function isAccessType( value: string ): value is AccessType {
	return value === 'full' || value === 'app_folder';
}

/**
 * App key, App secret and access type of the user's Dropbox app.
 *
 * @param props               Component props.
 * @param props.connection    The Dropbox connection.
 * @param props.firstFieldRef Ref to the App key input.
 */
export default function DropboxCredentialsForm( {
	connection,
	firstFieldRef,
}: CredentialsFormProps ) {
	const stored = dropboxCredentials( connection );
	const [ accessType, setAccessType ] = useState< AccessType >(
		stored?.accessType ?? 'full'
	);
	return (
		<CredentialsForm
			connection={ connection }
			firstFieldRef={ firstFieldRef }
			heading={ __(
				'Dropbox app credentials',
				'customer-cloud-gallery'
			) }
			idField={ {
				label: __( 'App key', 'customer-cloud-gallery' ),
				initial: stored?.appKey ?? '',
			} }
			secretField={ {
				label: __( 'App secret', 'customer-cloud-gallery' ),
				help: __(
					'In the Dropbox App Console, click Show next to App secret to reveal it.',
					'customer-cloud-gallery'
				),
			} }
			toInput={ ( appKey, appSecret ) => ( {
				appKey,
				appSecret,
				accessType,
			} ) }
		>
			{ ( markEdited ) => (
				<RadioControl
					label={ __( 'Access type', 'customer-cloud-gallery' ) }
					help={ __(
						'Choose the access type you gave the app when you created it.',
						'customer-cloud-gallery'
					) }
					selected={ accessType }
					onChange={ ( value: string ) => {
						if ( isAccessType( value ) ) {
							markEdited();
							setAccessType( value );
						}
					} }
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
			) }
		</CredentialsForm>
	);
}
