/**
 * Internal dependencies
 */
import metadata from '../../../block.json';

describe( 'block.json', () => {
	it( 'describes a dynamic, server-rendered apiVersion 3 block', () => {
		expect( metadata.name ).toBe( 'customer-cloud-gallery/gallery' );
		expect( metadata.apiVersion ).toBe( 3 );
		expect( metadata.textdomain ).toBe( 'customer-cloud-gallery' );
		expect( metadata.render ).toBe( 'file:./blocks/gallery/render.php' );
	} );

	it( 'points every asset at the build folder', () => {
		for ( const field of [
			'editorScript',
			'editorStyle',
			'style',
		] as const ) {
			expect( metadata[ field ] ).toMatch( /^file:\.\/build\// );
		}
	} );
} );
