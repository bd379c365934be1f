/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { OAuthNotice } from '../types';

interface Props {
	notice: OAuthNotice | null;
}

/**
 * The result of the OAuth round trip the page was loaded with (connected,
 * cancelled on the consent screen, wrong secret…), until dismissed.
 *
 * @param props        Component props.
 * @param props.notice The notice the page printed, if any.
 */
export default function OAuthResultNotice( { notice }: Props ) {
	const [ isDismissed, setIsDismissed ] = useState( false );
	if ( ! notice || isDismissed ) {
		return null;
	}
	return (
		<Notice
			className="ccg-oauth-notice"
			status={ notice.status }
			onRemove={ () => setIsDismissed( true ) }
		>
			<p className="ccg-notice__message">{ notice.message }</p>
			{ notice.fix && <p className="ccg-notice__fix">{ notice.fix }</p> }
		</Notice>
	);
}
