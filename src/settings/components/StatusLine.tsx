interface Props {
	children: string;
}

/**
 * The section's one-line status. A live region that stays mounted, so each
 * change (saving, connected, disconnected…) is announced politely.
 *
 * @param props          Component props.
 * @param props.children The status in words.
 */
export default function StatusLine( { children }: Props ) {
	return (
		<p className="ccg-status-line" role="status" aria-live="polite">
			{ children }
		</p>
	);
}
