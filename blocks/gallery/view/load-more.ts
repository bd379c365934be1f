/**
 * Appends the next server-rendered page of a gallery in place. Without
 * JavaScript, Load more stays a plain link to that page; on any failure the
 * link is followed as if there were no JavaScript.
 *
 * @param gallery The gallery's wrapper (carries data-ccg-gallery).
 * @param link    Its Load more link.
 */
export async function loadMore(
	gallery: HTMLElement,
	link: HTMLAnchorElement
): Promise< void > {
	if ( link.getAttribute( 'aria-busy' ) === 'true' ) {
		return;
	}
	link.setAttribute( 'aria-busy', 'true' );
	try {
		const response = await fetch( link.href, {
			credentials: 'same-origin',
		} );
		if ( ! response.ok ) {
			throw new Error( String( response.status ) );
		}
		const page = new DOMParser().parseFromString(
			await response.text(),
			'text/html'
		);
		const next = page.querySelector(
			`[data-ccg-gallery="${ gallery.dataset.ccgGallery ?? '' }"]`
		);
		const grid = gallery.querySelector( '.ccg-gallery__grid' );
		const items = next?.querySelectorAll( '.ccg-gallery__item' ) ?? [];
		if ( ! next || ! grid || items.length === 0 ) {
			throw new Error( 'No photos in the next page.' );
		}
		const added = Array.from( items, ( item ) =>
			grid.appendChild( document.importNode( item, true ) )
		);

		const message = link.dataset.ccgLoaded ?? '';
		const nextLink = next.querySelector< HTMLAnchorElement >(
			'.ccg-gallery__load-more'
		);
		if ( nextLink ) {
			link.href = nextLink.href;
			link.dataset.ccgLoaded = nextLink.dataset.ccgLoaded ?? '';
			link.removeAttribute( 'aria-busy' );
		} else {
			link.closest( '.ccg-gallery__pagination' )?.remove();
		}

		const first = added[ 0 ] as HTMLElement;
		const target =
			first.querySelector< HTMLElement >( '.ccg-gallery__link' ) ?? first;
		if ( target === first ) {
			first.tabIndex = -1;
		}
		target.focus();
		const status = gallery.querySelector( '.ccg-gallery__status' );
		if ( status ) {
			status.textContent = message;
		}
	} catch {
		window.location.assign( link.href );
	}
}
