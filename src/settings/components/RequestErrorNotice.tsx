/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';

/**
 * Internal dependencies
 */
import type { RequestError } from '../../store/connections';

interface Props {
	error: RequestError | null;
}

/**
 * The message of a failed request, as the REST API worded it.
 *
 * @param props       Component props.
 * @param props.error The error, if any.
 */
export default function RequestErrorNotice( { error }: Props ) {
	if ( ! error ) {
		return null;
	}
	return (
		<Notice
			className="ccg-request-error"
			status="error"
			isDismissible={ false }
		>
			{ error.message }
		</Notice>
	);
}
