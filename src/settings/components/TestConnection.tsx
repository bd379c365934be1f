/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { TestResult } from '../../store/connections';

/** Enough folders to recognise the account without flooding the screen. */
const MAX_FOLDERS = 20;

interface ButtonProps {
	isBusy: boolean;
	isDisabled: boolean;
	onClick: () => void;
}

/**
 * @param props            Component props.
 * @param props.isBusy     Whether the test is running.
 * @param props.isDisabled Whether another request is running.
 * @param props.onClick    Runs the test.
 */
export function TestConnectionButton( {
	isBusy,
	isDisabled,
	onClick,
}: ButtonProps ) {
	return (
		<Button
			__next40pxDefaultSize
			variant="secondary"
			isBusy={ isBusy }
			disabled={ isDisabled }
			accessibleWhenDisabled
			onClick={ onClick }
		>
			{ __( 'Test connection', 'customer-cloud-gallery' ) }
		</Button>
	);
}

interface ResultProps {
	result: TestResult | null;
}

/**
 * The outcome of "Test connection" and the top-level folders the plugin
 * sees, which tells an App folder user at once where their photos must go.
 *
 * @param props        Component props.
 * @param props.result The last test result, if any.
 */
export function TestConnectionResult( { result }: ResultProps ) {
	if ( ! result ) {
		return null;
	}
	const { ok, message, visibleFolders } = result;
	const shown = visibleFolders.slice( 0, MAX_FOLDERS );
	const hidden = visibleFolders.length - shown.length;
	return (
		<Notice
			className="ccg-test-result"
			status={ ok ? 'success' : 'error' }
			isDismissible={ false }
		>
			<p className="ccg-notice__message">{ message }</p>
			{ shown.length > 0 && (
				<>
					<p>
						{ __(
							'Top-level folders the plugin can see:',
							'customer-cloud-gallery'
						) }
					</p>
					<ul className="ccg-folder-list">
						{ shown.map( ( folder ) => (
							<li key={ folder }>
								<code>{ folder }</code>
							</li>
						) ) }
						{ hidden > 0 && (
							<li>
								{ sprintf(
									/* translators: %d: number of folders not listed. */
									_n(
										'and %d more',
										'and %d more',
										hidden,
										'customer-cloud-gallery'
									),
									hidden
								) }
							</li>
						) }
					</ul>
				</>
			) }
			{ ok && shown.length === 0 && (
				<p>
					{ __(
						'The plugin can see no folders yet.',
						'customer-cloud-gallery'
					) }
				</p>
			) }
		</Notice>
	);
}
