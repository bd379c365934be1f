/**
 * External dependencies
 */
import type { ReactNode } from 'react';

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

/**
 * A note under a folder's row (loading, an error, folders filtered out): in
 * the tree's list but no treeitem, so arrow keys pass it by.
 *
 * @param props          Component props.
 * @param props.level    The folder's level; the note is indented under it.
 * @param props.isError  Shown as an error.
 * @param props.children The note.
 */
function StatusRow( {
	level,
	isError = false,
	children,
}: {
	level: number;
	isError?: boolean;
	children: ReactNode;
} ) {
	return (
		<li role="none" className="ccg-folder-tree__note">
			<div
				className={ `ccg-folder-tree__status${
					isError ? ' is-error' : ''
				}` }
				style={ { paddingInlineStart: `${ level * 16 }px` } }
			>
				{ children }
			</div>
		</li>
	);
}

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
	// A flat list of rows (levels, set sizes and positions say the
	// nesting): a treeitem that contained its subfolders would show their
	// names as its own visible text, while it is named by its folder alone.
	return (
		<>
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
					<span className="ccg-folder-tree__name">
						{ folder.name }
					</span>
				</div>
			</li>
			{ node.isLoading && (
				<StatusRow level={ node.level }>
					<Spinner />
					{ __( 'Loading folders…', 'customer-cloud-gallery' ) }
				</StatusRow>
			) }
			{ node.error && (
				<StatusRow level={ node.level } isError>
					{ node.error.message }
				</StatusRow>
			) }
			{ isExpanded && node.hiddenCount > 0 && (
				<StatusRow level={ node.level }>
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
				</StatusRow>
			) }
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
		</>
	);
}
