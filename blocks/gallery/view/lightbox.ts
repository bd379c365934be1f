/**
 * DOM helpers of the lightbox: which photos a gallery has (read from its
 * links, so pages appended in place join in), neighbours to preload.
 */
export interface LightboxContext {
	open: boolean;
	src: string | null;
	alt: string;
	/** The shown photo's download URL, when the block allows downloads. */
	download: string | null;
}

export const GALLERY = '[data-ccg-gallery]';

export function photoLinks( gallery: Element ): HTMLAnchorElement[] {
	return Array.from(
		gallery.querySelectorAll< HTMLAnchorElement >( '.ccg-gallery__link' )
	);
}

/**
 * Shows the photo at index (wrapping around) and preloads its neighbours.
 *
 * @param context The gallery's Interactivity context.
 * @param gallery The gallery's wrapper.
 * @param index   Which photo link.
 */
export function showPhoto(
	context: LightboxContext,
	gallery: Element,
	index: number
): void {
	const links = photoLinks( gallery );
	const count = links.length;
	if ( count === 0 ) {
		return;
	}
	const at = ( i: number ) =>
		links[ ( ( i % count ) + count ) % count ] as HTMLAnchorElement;
	const link = at( index );
	context.src = link.href;
	context.alt = link.querySelector( 'img' )?.alt ?? '';
	context.download =
		link
			.closest( '.ccg-gallery__item' )
			?.querySelector< HTMLAnchorElement >( '.ccg-gallery__download' )
			?.href ?? null;
	context.open = true;
	for ( const neighbour of [ at( index - 1 ), at( index + 1 ) ] ) {
		new Image().src = neighbour.href;
	}
}

export function currentIndex(
	context: LightboxContext,
	gallery: Element
): number {
	return photoLinks( gallery ).findIndex(
		( link ) => link.href === context.src
	);
}

/**
 * Keeps Tab inside the dialog.
 *
 * @param dialog The lightbox.
 * @param event  The Tab keydown.
 */
export function trapFocus( dialog: Element, event: KeyboardEvent ): void {
	const buttons = Array.from(
		dialog.querySelectorAll< HTMLButtonElement >( 'button' )
	);
	const first = buttons[ 0 ];
	const last = buttons[ buttons.length - 1 ];
	const active = dialog.ownerDocument.activeElement;
	if ( event.shiftKey && ( active === first || active === dialog ) ) {
		event.preventDefault();
		last?.focus();
	} else if ( ! event.shiftKey && active === last ) {
		event.preventDefault();
		first?.focus();
	}
}
