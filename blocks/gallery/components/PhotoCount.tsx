/**
 * WordPress dependencies
 */
import { _n, sprintf } from '@wordpress/i18n';

interface Props {
	count: number;
	/** False while the folder is still being listed: count is a lower bound. */
	complete: boolean;
}

/**
 * Groups digits the way the editor's language does (1,893 / 1.893 / 1 893),
 * as number_format_i18n() does on the server; the html element carries the
 * user's locale in the editor.
 *
 * @param count A whole number.
 * @return The number, formatted.
 */
function formatCount( count: number ): string {
	const lang = document.documentElement.lang || undefined;
	try {
		return new Intl.NumberFormat( lang ).format( count );
	} catch {
		// An html lang Intl does not know: the browser's own locale.
		return new Intl.NumberFormat().format( count );
	}
}

/**
 * The chosen folder's photo count. A count taken while the folder is still
 * being listed is never shown as final.
 *
 * @param props          Component props.
 * @param props.count    Photos known so far.
 * @param props.complete Whether the listing is complete.
 */
export default function PhotoCount( { count, complete }: Props ) {
	const text = complete
		? sprintf(
				/* translators: %s: number of photos in the chosen folder, formatted (e.g. 2,500). */
				_n(
					'%s photo in this folder',
					'%s photos in this folder',
					count,
					'customer-cloud-gallery'
				),
				formatCount( count )
			)
		: sprintf(
				/* translators: %s: number of photos found so far in a folder still being listed, formatted (e.g. 1,893). */
				_n(
					'Counting… %s photo so far',
					'Counting… %s photos so far',
					count,
					'customer-cloud-gallery'
				),
				formatCount( count )
			);
	return (
		<p className="ccg-photo-count" aria-live="polite">
			{ text }
		</p>
	);
}
