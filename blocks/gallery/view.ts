/**
 * WordPress dependencies
 */
import {
	getContext,
	getElement,
	store,
	withSyncEvent,
} from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import {
	GALLERY,
	currentIndex,
	photoLinks,
	showPhoto,
	trapFocus,
	type LightboxContext,
} from './view/lightbox';
import { loadMore } from './view/load-more';

const openers = new WeakMap< Element, HTMLElement >();
const swipes = new WeakMap< Element, number >();
const SWIPE = 40;

function scope(): { gallery: HTMLElement; dialog: HTMLElement | null } {
	const ref = getElement().ref as HTMLElement;
	return {
		gallery: ref.closest( GALLERY ) as HTMLElement,
		dialog: ref.closest< HTMLElement >( '.ccg-lightbox' ),
	};
}

/**
 * The dialog is shown and focused at once (not on the next render), so focus
 * never lands on a hidden element.
 *
 * @param dialog The lightbox.
 * @param open   Shown or not.
 */
function display( dialog: HTMLElement, open: boolean ): void {
	dialog.hidden = ! open;
	document.documentElement.classList.toggle( 'ccg-lightbox-open', open );
}

function move( delta: number ): void {
	const context = getContext< LightboxContext >();
	const { gallery } = scope();
	showPhoto( context, gallery, currentIndex( context, gallery ) + delta );
}

const { actions } = store( 'customer-cloud-gallery', {
	actions: {
		previous(): void {
			move( -1 );
		},
		next(): void {
			move( 1 );
		},
		close(): void {
			const { gallery, dialog } = scope();
			getContext< LightboxContext >().open = false;
			if ( dialog ) {
				display( dialog, false );
			}
			openers.get( gallery )?.focus();
			openers.delete( gallery );
		},
		keydown: withSyncEvent( ( event: KeyboardEvent ): void => {
			const keys: Record< string, () => void > = {
				Escape: () => actions.close(),
				ArrowLeft: () => actions.previous(),
				ArrowRight: () => actions.next(),
			};
			if ( event.key === 'Tab' ) {
				trapFocus( getElement().ref as HTMLElement, event );
				return;
			}
			const handle = keys[ event.key ];
			if ( handle ) {
				event.preventDefault();
				handle();
			}
		} ),
		pointerdown( event: PointerEvent ): void {
			swipes.set( scope().gallery, event.clientX );
		},
		pointerup( event: PointerEvent ): void {
			const start = swipes.get( scope().gallery );
			const distance = event.clientX - ( start ?? event.clientX );
			if ( Math.abs( distance ) > SWIPE ) {
				move( distance < 0 ? 1 : -1 );
			}
		},
	},
	callbacks: {
		// A bound alt would print alt="context.alt" in the server's markup.
		describe(): void {
			( getElement().ref as HTMLImageElement ).alt =
				getContext< LightboxContext >().alt;
		},
		/*
		 * One delegated listener per gallery, so photos and Load more links
		 * appended in place work without hydrating new markup.
		 */
		init(): void {
			const context = getContext< LightboxContext >();
			const gallery = getElement().ref as HTMLElement;
			gallery.addEventListener( 'click', ( event ) => {
				const target = event.target as Element;
				const modified =
					event.metaKey || event.ctrlKey || event.shiftKey;
				const link = target.closest< HTMLAnchorElement >(
					'.ccg-gallery__link, .ccg-gallery__load-more'
				);
				if ( ! link || modified || event.defaultPrevented ) {
					return;
				}
				event.preventDefault();
				if ( link.classList.contains( 'ccg-gallery__load-more' ) ) {
					void loadMore( gallery, link );
					return;
				}
				const dialog =
					gallery.querySelector< HTMLElement >( '.ccg-lightbox' );
				if ( ! dialog ) {
					return;
				}
				openers.set( gallery, link );
				showPhoto(
					context,
					gallery,
					photoLinks( gallery ).indexOf( link )
				);
				display( dialog, true );
				dialog
					.querySelector< HTMLElement >( '.ccg-lightbox__close' )
					?.focus();
			} );
		},
	},
} );
