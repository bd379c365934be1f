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
import { useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ConnectionStatus from '../../components/ConnectionStatus';
import { store as connectionsStore } from '../../store/connections';
import type { ProblemAction } from '../../store/connections';
import ConnectButton from '../components/ConnectButton';
import ConnectionSummary from '../components/ConnectionSummary';
import DisconnectButton from '../components/DisconnectButton';
import ProblemNotice from '../components/ProblemNotice';
import RequestErrorNotice from '../components/RequestErrorNotice';
import StatusLine from '../components/StatusLine';
import {
	TestConnectionButton,
	TestConnectionResult,
} from '../components/TestConnection';
import { useRequestState } from '../hooks';
import type { SectionProps } from '../sections';
import CredentialsForm from './CredentialsForm';
import GalleryRootSetting from './GalleryRootSetting';
import { getAccessTypeLabel } from './labels';
import { getStatusText } from './status-text';
import StepByStep from './StepByStep';

/**
 * Everything about the Dropbox connection: where it stands, its problem and
 * fix, the account, and (for people who may manage it) the setup guide, the
 * credentials form and the connect, test and disconnect buttons.
 *
 * @param props            Component props.
 * @param props.connection The Dropbox connection.
 */
export default function DropboxSection( { connection }: SectionProps ) {
	const { provider, status, problem, canManage, credentials } = connection;
	const { pending, error, testResult } = useRequestState( provider );
	const { connect, disconnect, testConnection } =
		useDispatch( connectionsStore );
	const appKeyRef = useRef< HTMLInputElement >( null );

	const connectLabel = __( 'Connect Dropbox', 'customer-cloud-gallery' );
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
				appKeyRef.current?.focus();
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
			aria-labelledby="ccg-section-dropbox"
		>
			<CardHeader>
				<h2 id="ccg-section-dropbox" className="ccg-section-heading">
					{ __( 'Dropbox', 'customer-cloud-gallery' ) }
				</h2>
				<ConnectionStatus status={ status } />
			</CardHeader>
			<CardBody className="ccg-provider-section__body">
				<StatusLine>
					{ getStatusText( connection, pending ) }
				</StatusLine>
				{ problem && (
					<ProblemNotice
						problem={ problem }
						canManage={ canManage }
						connectLabel={ connectLabel }
						isBusy={ isBusy }
						onAction={ onProblemAction }
					/>
				) }
				{ hasToken && (
					<ConnectionSummary
						connection={ connection }
						accessTypeLabel={
							connection.accessType
								? getAccessTypeLabel( connection.accessType )
								: null
						}
					/>
				) }
				{ canManage && ( showConnect || hasToken ) && (
					<div className="ccg-actions">
						{ showConnect && (
							<ConnectButton
								label={ connectLabel }
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
									question={ __(
										'Disconnect Dropbox?',
										'customer-cloud-gallery'
									) }
									consequence={ __(
										'Galleries that show Dropbox folders stay empty until you connect again. Your app credentials stay saved.',
										'customer-cloud-gallery'
									) }
									isBusy={ pending === 'disconnecting' }
									isDisabled={ isBusy }
									onConfirm={ () => disconnect( provider ) }
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
					<GalleryRootSetting connection={ connection } />
				</CardBody>
			) }
			{ canManage && (
				<>
					<CardBody className="ccg-provider-section__guide">
						<Panel>
							<PanelBody
								title={ __(
									'Dropbox — step-by-step',
									'customer-cloud-gallery'
								) }
								initialOpen={ status !== 'connected' }
							>
								<StepByStep
									redirectUri={ connection.redirectUri }
								/>
							</PanelBody>
						</Panel>
					</CardBody>
					<CardBody>
						<CredentialsForm
							connection={ connection }
							appKeyRef={ appKeyRef }
						/>
					</CardBody>
				</>
			) }
		</Card>
	);
}
