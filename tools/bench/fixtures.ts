/**
 * The pages the scenarios load: Cloud Galleries (N photos with and without
 * the lightbox; page 1 of the 5,000-photo folder) and a core Gallery block
 * of the same N photos imported into the Media Library, same columns,
 * cropped, with core's lightbox ("expand on click").
 */
import path from 'node:path';

import type { Environment } from './environment';
import { benchFolderPath } from './environment';
import type { FolderRef } from './connect';
import type { BenchOptions } from './options';
import { phpJson } from './php';
import { must } from './stats';

export interface Pages {
	cloudN: string;
	cloudNNoLightbox: string;
	cloud5000: string;
	coreN: string;
	empty: string;
	ids: Record< string, number >;
}

function cloudBlock(
	folder: FolderRef,
	opts: BenchOptions,
	lightbox: boolean
): string {
	const attrs = {
		provider: 'dropbox',
		folderId: folder.id,
		folderPath: folder.path,
		columns: opts.columns,
		perPage: opts.n,
		lightbox,
	};
	return `<!-- wp:customer-cloud-gallery/gallery ${ JSON.stringify( attrs ) } /-->`;
}

export async function importMedia(
	env: Environment,
	opts: BenchOptions
): Promise< Array< { id: number; url: string } > > {
	const dir = path.join( env.sandbox.libraryDir, benchFolderPath( opts.n ) );
	return phpJson(
		env.site,
		{ dir },
		`
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
wp_set_current_user( 1 );
$files = glob( $in['dir'] . '/*.jpg' );
sort( $files );
$out = array();
foreach ( $files as $file ) {
	$tmp = wp_tempnam( basename( $file ) );
	copy( $file, $tmp );
	$id = media_handle_sideload( array( 'name' => basename( $file ), 'tmp_name' => $tmp ), 0 );
	if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
	$out[] = array( 'id' => $id, 'url' => wp_get_attachment_image_url( $id, 'large' ) );
}
echo wp_json_encode( $out );
`
	);
}

function coreGallery(
	images: Array< { id: number; url: string } >,
	columns: number
): string {
	const inner = images
		.map(
			( img ) =>
				`<!-- wp:image {"id":${ img.id },"sizeSlug":"large","linkDestination":"none","lightbox":{"enabled":true}} -->\n` +
				`<figure class="wp-block-image size-large"><img src="${ img.url }" alt="" class="wp-image-${ img.id }"/></figure>\n` +
				'<!-- /wp:image -->'
		)
		.join( '\n\n' );
	return (
		`<!-- wp:gallery {"columns":${ columns },"linkTo":"none","sizeSlug":"large"} -->\n` +
		`<figure class="wp-block-gallery has-nested-images columns-${ columns } is-cropped">${ inner }</figure>\n` +
		'<!-- /wp:gallery -->'
	);
}

export async function createPages(
	env: Environment,
	opts: BenchOptions,
	folders: { small: FolderRef; big: FolderRef },
	images: Array< { id: number; url: string } >
): Promise< Pages > {
	const pages = {
		cloudN: cloudBlock( folders.small, opts, true ),
		cloudNNoLightbox: cloudBlock( folders.small, opts, false ),
		cloud5000: cloudBlock( folders.big, opts, true ),
		coreN: coreGallery( images, opts.columns ),
		empty: '<!-- wp:paragraph --><p>An empty page.</p><!-- /wp:paragraph -->',
	};
	const made = await phpJson< Record< string, { id: number; url: string } > >(
		env.site,
		pages,
		`
wp_set_current_user( 1 );
$out = array();
foreach ( $in as $slug => $content ) {
	$id = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Bench ' . $slug, 'post_name' => 'bench-' . strtolower( $slug ), 'post_content' => $content ), true );
	if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
	$out[ $slug ] = array( 'id' => $id, 'url' => get_permalink( $id ) );
}
echo wp_json_encode( $out );
`
	);
	const url = ( slug: string ) => must( made, slug ).url;
	return {
		cloudN: url( 'cloudN' ),
		cloudNNoLightbox: url( 'cloudNNoLightbox' ),
		cloud5000: url( 'cloud5000' ),
		coreN: url( 'coreN' ),
		empty: url( 'empty' ),
		ids: Object.fromEntries(
			Object.entries( made ).map( ( [ k, v ] ) => [ k, v.id ] )
		),
	};
}
