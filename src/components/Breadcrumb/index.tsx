/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FolderRef } from '../../api/types';
import './index.scss';

interface BreadcrumbProps {
	/** From the root to the chosen folder, both included. */
	items: FolderRef[];
	/** Name of the root when it has none (the Dropbox root): the provider's name. */
	rootLabel: string;
	label?: string;
}

/**
 * Where the chosen folder is, from the root down.
 *
 * @param props           Component props.
 * @param props.items     From the root to the chosen folder.
 * @param props.rootLabel Name of a nameless root.
 * @param props.label     Accessible name of the navigation.
 */
export default function Breadcrumb( {
	items,
	rootLabel,
	label = __( 'Chosen folder', 'customer-cloud-gallery' ),
}: BreadcrumbProps ) {
	if ( items.length === 0 ) {
		return null;
	}
	return (
		<nav className="ccg-breadcrumb" aria-label={ label }>
			<ol>
				{ items.map( ( item, index ) => (
					<li
						// By position too: a provider's id may be any string.
						key={ `${ index }:${ item.id }` }
						aria-current={
							index === items.length - 1 ? 'location' : undefined
						}
					>
						{ item.name || rootLabel }
					</li>
				) ) }
			</ol>
		</nav>
	);
}
