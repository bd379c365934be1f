/*
 * The block-editor package ships no type declarations, and the DefinitelyTyped
 * package pins older @wordpress packages beside ours. These are the parts of
 * its API this plugin uses, typed from the package's documentation.
 */
declare module '@wordpress/block-editor' {
	import type { ComponentType, HTMLAttributes, ReactNode } from 'react';

	type BlockProps = HTMLAttributes< HTMLElement > & Record< string, unknown >;

	export function useBlockProps(
		props?: Record< string, unknown >
	): BlockProps;

	export const InspectorControls: ComponentType< {
		group?: 'default' | 'settings' | 'styles' | 'advanced';
		children?: ReactNode;
	} >;

	export const BlockControls: ComponentType< {
		group?: 'default' | 'block' | 'inline' | 'other' | 'parent';
		children?: ReactNode;
	} >;
}
