/**
 * WordPress dependencies
 */
import { useCallback, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import {
	firstChildItem,
	itemOf,
	matchTyped,
	parentItem,
	treeItems,
} from './keyboard';
import type { TreeNode } from './tree-model';

/** Type-ahead forgets what was typed after this pause. */
const TYPEAHEAD_MS = 500;

interface Options {
	/** Visible nodes by ref. */
	nodes: ReadonlyMap< string, TreeNode >;
	toggle: ( ref: string ) => void;
	select: ( ref: string ) => void;
	setActiveRef: ( ref: string ) => void;
}

/**
 * The tree's keyboard: arrows, Home/End, Right/Left to open/close or move
 * in and out, Enter/Space to choose, type-ahead.
 *
 * The listener is native and on the tree itself: in the block editor the
 * canvas's own keydown listeners (arrow navigation between blocks, Enter)
 * sit on ancestors and would run before React's delegated handlers.
 *
 * @return `ref` for the role=tree element, and `bind` to call on every
 *         render with what the keys act on (known only after loading).
 */
export function useTreeKeyboard() {
	const treeRef = useRef< HTMLUListElement | null >( null );
	const typed = useRef( { text: '', at: 0 } );
	const options = useRef< Options | null >( null );

	const onKeyDown = ( event: KeyboardEvent ) => {
		if ( ! options.current ) {
			return;
		}
		const { nodes, toggle, select, setActiveRef } = options.current;
		const item = itemOf( event.target );
		const node = nodes.get( item?.dataset.ref ?? '' );
		if ( ! treeRef.current || ! item || ! node ) {
			return;
		}
		const items = treeItems( treeRef.current );
		const index = items.indexOf( item );
		let target: HTMLElement | null | undefined = null;
		switch ( event.key ) {
			case 'ArrowDown':
				target = items[ index + 1 ];
				break;
			case 'ArrowUp':
				target = items[ index - 1 ];
				break;
			case 'Home':
				target = items[ 0 ];
				break;
			case 'End':
				target = items[ items.length - 1 ];
				break;
			case 'ArrowRight':
				if ( ! node.isExpanded ) {
					if ( node.hasChildren !== false ) {
						toggle( node.ref );
					}
				} else {
					target = firstChildItem( item );
				}
				break;
			case 'ArrowLeft':
				if ( node.isExpanded && node.hasChildren !== false ) {
					toggle( node.ref );
				} else {
					target = parentItem( item );
				}
				break;
			case 'Enter':
			case ' ':
				select( node.ref );
				break;
			default: {
				if (
					event.key.length !== 1 ||
					event.ctrlKey ||
					event.metaKey ||
					event.altKey
				) {
					return;
				}
				const now = Date.now();
				const text =
					( now - typed.current.at < TYPEAHEAD_MS
						? typed.current.text
						: '' ) + event.key.toLowerCase();
				typed.current = { text, at: now };
				target = matchTyped( items, item, text );
			}
		}
		// Handled here: the block editor must not also act on these keys.
		event.preventDefault();
		event.stopPropagation();
		if ( target ) {
			setActiveRef( target.dataset.ref ?? '' );
			target.focus();
		}
	};

	const handler = useRef( onKeyDown );
	handler.current = onKeyDown;

	const ref = useCallback( ( node: HTMLUListElement | null ) => {
		if ( treeRef.current ) {
			treeRef.current.onkeydown = null;
		}
		treeRef.current = node;
		if ( node ) {
			node.onkeydown = ( event ) => handler.current( event );
		}
	}, [] );
	const bind = ( next: Options ) => {
		options.current = next;
	};
	return { ref, bind };
}
