/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/** How long "Copied!" stays, long enough to read. */
const CONFIRMATION_MS = 4000;

interface Props {
	/** Null when the server gave none. */
	uri: string | null;
}

/**
 * The exact redirect URI to paste into the provider's console, in a code
 * block (selectable as a whole) with a Copy button.
 *
 * @param props     Component props.
 * @param props.uri The redirect URI, or null.
 */
export default function RedirectUriField( { uri }: Props ) {
	return uri ? (
		<CopyableUri uri={ uri } />
	) : (
		<p className="ccg-hint">
			{ __(
				'The redirect URI is not available. Reload this page to try again.',
				'customer-cloud-gallery'
			) }
		</p>
	);
}

interface CopyableProps {
	uri: string;
	/** What the URI is, shown before it; "Redirect URI" unless told. */
	label?: string;
	/** The Copy button's accessible name; "Copy redirect URI" unless told. */
	copyLabel?: string;
}

/**
 * A URI to paste into a provider's console, with a Copy button.
 *
 * @param props           Component props.
 * @param props.uri       The URI.
 * @param props.label     What the URI is.
 * @param props.copyLabel The Copy button's accessible name.
 */
export function CopyableUri( { uri, label, copyLabel }: CopyableProps ) {
	const [ hasCopied, setHasCopied ] = useState( false );
	const copyRef = useCopyToClipboard< HTMLButtonElement >( uri, () =>
		setHasCopied( true )
	);

	useEffect( () => {
		if ( ! hasCopied ) {
			return;
		}
		const timeout = setTimeout(
			() => setHasCopied( false ),
			CONFIRMATION_MS
		);
		return () => clearTimeout( timeout );
	}, [ hasCopied ] );

	return (
		<div className="ccg-redirect-uri">
			<span className="ccg-redirect-uri__label">
				{ label ?? __( 'Redirect URI', 'customer-cloud-gallery' ) }
			</span>
			<code className="ccg-redirect-uri__value">{ uri }</code>
			<div className="ccg-redirect-uri__actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					ref={ copyRef }
					aria-label={
						copyLabel ??
						__( 'Copy redirect URI', 'customer-cloud-gallery' )
					}
				>
					{ __( 'Copy', 'customer-cloud-gallery' ) }
				</Button>
				<span
					className="ccg-redirect-uri__copied"
					role="status"
					aria-live="polite"
				>
					{ hasCopied && __( 'Copied!', 'customer-cloud-gallery' ) }
				</span>
			</div>
		</div>
	);
}
