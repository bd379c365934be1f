/**
 * WordPress dependencies
 */
import { Icon, Spinner } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import { chevronDown, chevronRight } from '@wordpress/icons';

/**
 * Internal dependencies
 */
import type { TreeNode } from './tree-model';

interface Props {
	node: TreeNode;
	/** Ref of the row that takes Tab (roving tabindex). */
	activeRef: string;
	selectedId: string | null;
	onToggle: ( ref: string ) => void;
	onSelect: ( ref: string ) => void;
}

/**
 * One folder of the tree and, while it is open, its subfolders. Rows are
 * focused and operated from the keyboard by the tree; the mouse selects a
 * row by clicking it and opens it with the chevron.
 *
 * @param props            Component props.
 * @param props.node       The folder's node.
 * @param props.activeRef  Row that is in the Tab order.
 * @param props.selectedId Id of the chosen folder.
 * @param props.onToggle   Opens or closes a folder.
 * @param props.onSelect   Chooses a folder.
 */
export default function TreeItem( {
	node,
	activeRef,
	selectedId,
	onToggle,
	onSelect,
}: Props ) {
	const { ref, folder, isExpanded, hasChildren } = node;
	const isLeaf = hasChildren === false;
	const isSelected = selectedId !== null && selectedId === folder.id;
	return (
		<li
			role="treeitem"
			className="ccg-folder-tree__item"
			aria-label={ folder.name }
			aria-level={ node.level }
			aria-setsize={ node.setsize }
			aria-posinset={ node.posinset }
			aria-selected={ isSelected }
			aria-expanded={ isLeaf ? undefined : isExpanded }
			aria-busy={ node.isLoading || undefined }
			tabIndex={ ref === activeRef ? 0 : -1 }
			data-ref={ ref }
		>
			{ /* The row is operated from the keyboard through the treeitem itself. */ }
			{ /* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */ }
			<div
				className={ `ccg-folder-tree__row${
					isSelected ? ' is-selected' : ''
				}` }
				style={ {
					paddingInlineStart: `${ ( node.level - 1 ) * 16 }px`,
				} }
				onClick={ () => onSelect( ref ) }
			>
				{ /* A div: wp-admin styles `[role=treeitem] span[aria-hidden]` as a dashicon. */ }
				<div
					className="ccg-folder-tree__toggle"
					aria-hidden="true"
					onClick={ ( event ) => {
						event.stopPropagation();
						if ( ! isLeaf ) {
							onToggle( ref );
						}
					} }
				>
					{ ! isLeaf && (
						<Icon
							icon={ isExpanded ? chevronDown : chevronRight }
							size={ 20 }
						/>
					) }
				</div>
				<span className="ccg-folder-tree__name">{ folder.name }</span>
			</div>
			{ node.isLoading && (
				<div
					className="ccg-folder-tree__status"
					style={ { paddingInlineStart: `${ node.level * 16 }px` } }
				>
					<Spinner />
					{ __( 'Loading folders…', 'customer-cloud-gallery' ) }
				</div>
			) }
			{ node.error && (
				<div
					className="ccg-folder-tree__status is-error"
					style={ { paddingInlineStart: `${ node.level * 16 }px` } }
				>
					{ node.error.message }
				</div>
			) }
			{ isExpanded && node.hiddenCount > 0 && (
				<div
					className="ccg-folder-tree__status"
					style={ { paddingInlineStart: `${ node.level * 16 }px` } }
				>
					{ node.children.length === 0
						? __(
								'No subfolders match the filter.',
								'customer-cloud-gallery'
							)
						: sprintf(
								/* translators: %d: number of folders hidden by the filter. */
								_n(
									'%d folder hidden by the filter.',
									'%d folders hidden by the filter.',
									node.hiddenCount,
									'customer-cloud-gallery'
								),
								node.hiddenCount
							) }
				</div>
			) }
			{ node.children.length > 0 && (
				<ul role="group" className="ccg-folder-tree__group">
					{ node.children.map( ( child ) => (
						<TreeItem
							key={ child.ref }
							node={ child }
							activeRef={ activeRef }
							selectedId={ selectedId }
							onToggle={ onToggle }
							onSelect={ onSelect }
						/>
					) ) }
				</ul>
			) }
		</li>
	);
}
