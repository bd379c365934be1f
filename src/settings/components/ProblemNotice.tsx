/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ConnectionProblem, ProblemAction } from '../../store/connections';

interface Props {
	problem: ConnectionProblem;
	canManage: boolean;
	/** Name of the provider's connect button, e.g. "Connect Dropbox". */
	connectLabel: string;
	isBusy: boolean;
	onAction: ( action: ProblemAction ) => void;
}

function getActionLabel( action: ProblemAction, connectLabel: string ): string {
	switch ( action ) {
		case 'reconnect':
			return __( 'Reconnect', 'customer-cloud-gallery' );
		case 'connect':
			return connectLabel;
		case 'save_credentials':
			return __( 'Enter credentials', 'customer-cloud-gallery' );
		case 'retry':
		default:
			return __( 'Try again', 'customer-cloud-gallery' );
	}
}

/**
 * What is wrong with a connection, how to fix it, and the button that does
 * it. People who cannot manage the connection only learn whom to ask.
 *
 * @param props              Component props.
 * @param props.problem      The connection's problem.
 * @param props.canManage    Whether the user may change the connection.
 * @param props.connectLabel Name of the provider's connect button.
 * @param props.isBusy       Whether a request for the provider is running.
 * @param props.onAction     Runs the problem's action.
 */
export default function ProblemNotice( {
	problem,
	canManage,
	connectLabel,
	isBusy,
	onAction,
}: Props ) {
	const { action } = problem;
	return (
		<Notice
			className="ccg-problem-notice"
			status="warning"
			isDismissible={ false }
			actions={
				canManage && action
					? [
							{
								label: getActionLabel( action, connectLabel ),
								onClick: () => onAction( action ),
								variant: 'primary',
								disabled: isBusy,
							},
						]
					: []
			}
		>
			<p className="ccg-notice__message">{ problem.message }</p>
			<p className="ccg-notice__fix">
				{ canManage
					? problem.fix
					: __(
							'Ask a site administrator to fix this under Customer Cloud Gallery → Settings.',
							'customer-cloud-gallery'
						) }
			</p>
		</Notice>
	);
}
