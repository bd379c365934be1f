/**
 * External dependencies
 */
import type { ComponentType, ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	Panel,
	PanelBody,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ConnectionStatus from '../../components/ConnectionStatus';
import { store as connectionsStore } from '../../store/connections';
import type { Connection, ProblemAction } from '../../store/connections';
import { useRequestState } from '../hooks';
import type { ProviderTexts } from '../types';
import ConnectButton from './ConnectButton';
import ConnectionSummary from './ConnectionSummary';
import type { CredentialsFormProps } from './CredentialsForm';
import DisconnectButton from './DisconnectButton';
import GalleryRootSetting from './GalleryRootSetting';
import ProblemNotice from './ProblemNotice';
import RequestErrorNotice from './RequestErrorNotice';
import StatusLine from './StatusLine';
import { getStatusText } from './status-text';
import { TestConnectionButton, TestConnectionResult } from './TestConnection';

interface Props {
	connection: Connection;
	texts: ProviderTexts;
	/** The provider's name for the connection's access type, if it has one. */
	accessTypeLabel?: string | null;
	/** What "no gallery folder" means, e.g. "The whole Dropbox". */
	rootLabel: string;
	/** The setup guide, shown in the step-by-step panel titled `texts.guideTitle`. */
	guide?: ReactNode;
	/** The provider's own credentials form. */
	CredentialsForm: ComponentType< CredentialsFormProps >;
}

/**
 * Everything about one provider's connection: where it stands, its problem
 * and fix, the account, and (for people who may manage it) the gallery
 * folder, the setup guide, the credentials form and the connect, test and
 * disconnect buttons. Each provider fills in its own words, guide and form;
 * a provider without a guide gets none.
 *
 * @param props                 Component props.
 * @param props.connection      The connection.
 * @param props.texts           The provider's words.
 * @param props.accessTypeLabel Name of the connection's access type.
 * @param props.rootLabel       Name of "no gallery folder".
 * @param props.guide           The step-by-step guide.
 * @param props.CredentialsForm The credentials form.
 */
export default function ProviderSection( {
	connection,
	texts,
	accessTypeLabel = null,
	rootLabel,
	guide,
	CredentialsForm,
}: Props ) {
	const { provider, status, problem, canManage, credentials } = connection;
	const { pending, error, testResult } = useRequestState( provider );
	const { connect, disconnect, testConnection } =
		useDispatch( connectionsStore );
	const firstFieldRef = useRef< HTMLInputElement >( null );
	// Said once, after this screen's own Disconnect: what it deleted.
	const [ disconnected, setDisconnected ] = useState( false );

	const headingId = `ccg-section-${ provider }`;
	const isBusy = pending !== null;
	const hasToken = status === 'connected' || connection.connectedAt !== null;
	// A problem that asks to (re)connect carries that button itself.
	const problemOffersConnect =
		problem?.action === 'connect' || problem?.action === 'reconnect';
	const showConnect =
		canManage && status !== 'connected' && ! problemOffersConnect;

	const onProblemAction = ( action: ProblemAction ) => {
		switch ( action ) {
			case 'connect':
			case 'reconnect':
				connect( provider );
				break;
			case 'save_credentials':
				firstFieldRef.current?.focus();
				break;
			case 'retry':
				testConnection( provider );
				break;
		}
	};

	return (
		<Card
			as="section"
			className="ccg-provider-section"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId } className="ccg-section-heading">
					{ texts.name }
				</h2>
				<ConnectionStatus status={ status } />
			</CardHeader>
			<CardBody className="ccg-provider-section__body">
				<StatusLine>
					{ disconnected && pending === null && status !== 'connected'
						? sprintf(
								/* translators: %s: provider name, e.g. Dropbox. */
								__(
									'Disconnected. This site’s access to %s and everything cached from it (folder listings and thumbnails) were deleted.',
									'customer-cloud-gallery'
								),
								texts.name
							)
						: getStatusText( connection, pending, texts ) }
				</StatusLine>
				{ problem && (
					<ProblemNotice
						problem={ problem }
						canManage={ canManage }
						connectLabel={ texts.connectLabel }
						isBusy={ isBusy }
						onAction={ onProblemAction }
					/>
				) }
				{ hasToken && (
					<ConnectionSummary
						connection={ connection }
						accessTypeLabel={ accessTypeLabel }
					/>
				) }
				{ canManage && ( showConnect || hasToken ) && (
					<div className="ccg-actions">
						{ showConnect && (
							<ConnectButton
								label={ texts.connectLabel }
								hint={ texts.connectHint }
								canConnect={
									credentials !== null &&
									status !== 'unconfigured'
								}
								isBusy={ pending === 'connecting' }
								isDisabled={ isBusy }
								onClick={ () => connect( provider ) }
							/>
						) }
						{ hasToken && (
							<>
								<TestConnectionButton
									isBusy={ pending === 'testing' }
									isDisabled={ isBusy }
									onClick={ () => testConnection( provider ) }
								/>
								<DisconnectButton
									question={ texts.disconnectQuestion }
									consequence={ texts.disconnectConsequence }
									isBusy={ pending === 'disconnecting' }
									isDisabled={ isBusy }
									onConfirm={ () =>
										disconnect( provider ).then(
											setDisconnected
										)
									}
								/>
							</>
						) }
					</div>
				) }
				{ error && error.action !== 'saving' && (
					<RequestErrorNotice error={ error } />
				) }
				<TestConnectionResult result={ testResult } />
			</CardBody>
			{ canManage && status === 'connected' && (
				<CardBody>
					<GalleryRootSetting
						connection={ connection }
						rootLabel={ rootLabel }
						treeLabel={ texts.folderTreeLabel }
					/>
				</CardBody>
			) }
			{ canManage && (
				<>
					{ guide && (
						<CardBody className="ccg-provider-section__guide">
							<Panel>
								<PanelBody
									title={ texts.guideTitle }
									initialOpen={ status !== 'connected' }
								>
									{ guide }
								</PanelBody>
							</Panel>
						</CardBody>
					) }
					<CardBody>
						<CredentialsForm
							connection={ connection }
							firstFieldRef={ firstFieldRef }
						/>
					</CardBody>
				</>
			) }
		</Card>
	);
}
