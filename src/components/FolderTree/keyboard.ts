/**
 * Moving focus between the tree's rows, by the DOM: every rendered treeitem
 * is visible (collapsed groups are not rendered), in document order.
 */

const ITEM = '[role="treeitem"]';

export function treeItems( tree: HTMLElement ): HTMLElement[] {
	return Array.from( tree.querySelectorAll< HTMLElement >( ITEM ) );
}

/**
 * The treeitem an event happened in. Not `instanceof HTMLElement`: in the
 * block editor the tree lives in the canvas iframe, another realm.
 *
 * @param target Event target.
 * @return The treeitem, if any.
 */
export function itemOf( target: EventTarget | null ): HTMLElement | null {
	const element = target as Partial< HTMLElement > | null;
	return typeof element?.closest === 'function'
		? element.closest< HTMLElement >( ITEM )
		: null;
}

function level( item: Element ): number {
	return Number( item.getAttribute( 'aria-level' ) );
}

/**
 * The rows are one flat list; a folder's parent is the nearest row before
 * it one level up.
 *
 * @param item A row.
 * @return Its parent's row, none for the top.
 */
export function parentItem( item: HTMLElement ): HTMLElement | null {
	const wanted = level( item ) - 1;
	let row = item.previousElementSibling;
	while ( row && ! ( row.matches( ITEM ) && level( row ) === wanted ) ) {
		row = row.previousElementSibling;
	}
	return row as HTMLElement | null;
}

/**
 * @param item A row.
 * @return Its first subfolder's row, when it is open and has one.
 */
export function firstChildItem( item: HTMLElement ): HTMLElement | null {
	let row = item.nextElementSibling;
	while ( row && ! row.matches( ITEM ) ) {
		row = row.nextElementSibling;
	}
	return row && level( row ) === level( item ) + 1
		? ( row as HTMLElement )
		: null;
}

/**
 * The next row whose name starts with the typed text, after the current one
 * and wrapping around (type-ahead).
 *
 * @param items   Rows in order.
 * @param current The focused row.
 * @param text    Typed text, lower case.
 * @return The row to focus, if any.
 */
export function matchTyped(
	items: HTMLElement[],
	current: HTMLElement,
	text: string
): HTMLElement | null {
	const start = items.indexOf( current );
	const ordered = [
		...items.slice( start + 1 ),
		...items.slice( 0, start + 1 ),
	];
	return (
		ordered.find( ( item ) =>
			( item.getAttribute( 'aria-label' ) ?? '' )
				.toLowerCase()
				.startsWith( text )
		) ?? null
	);
}
