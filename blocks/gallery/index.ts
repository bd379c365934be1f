/**
 * WordPress dependencies
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import metadata from '../../block.json';
import Edit from './edit';
import type { GalleryAttributes } from './types';
import './style.scss';
import './editor.scss';

registerBlockType< GalleryAttributes >(
	metadata as BlockConfiguration< GalleryAttributes >,
	{
		edit: Edit,
		// Dynamic block: the markup comes from render.php.
		save: () => null,
	}
);
