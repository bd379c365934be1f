/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';

interface Props {
	label: string;
	/** Why it does nothing before credentials are saved. */
	hint: string;
	canConnect: boolean;
	isBusy: boolean;
	isDisabled: boolean;
	onClick: () => void;
}

/**
 * Starts the OAuth flow. Stays focusable while unavailable, with the reason
 * beside it, so keyboard users learn why it does nothing.
 *
 * @param props            Component props.
 * @param props.label      Button text, e.g. "Connect Dropbox".
 * @param props.hint       Why it is unavailable without credentials.
 * @param props.canConnect Whether credentials are saved.
 * @param props.isBusy     Whether the consent URL is being fetched.
 * @param props.isDisabled Whether another request is running.
 * @param props.onClick    Starts connecting.
 */
export default function ConnectButton( {
	label,
	hint,
	canConnect,
	isBusy,
	isDisabled,
	onClick,
}: Props ) {
	const hintId = `ccg-connect-hint-${ useInstanceId( ConnectButton ) }`;
	return (
		<>
			<Button
				__next40pxDefaultSize
				variant="primary"
				isBusy={ isBusy }
				disabled={ ! canConnect || isDisabled }
				accessibleWhenDisabled
				aria-describedby={ canConnect ? undefined : hintId }
				onClick={ onClick }
			>
				{ label }
			</Button>
			{ ! canConnect && (
				<span id={ hintId } className="ccg-hint">
					{ hint }
				</span>
			) }
		</>
	);
}
