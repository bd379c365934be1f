/**
 * What the two-node checks and the load test browse: Dropbox connected
 * over HTTP through the balancer, galleries of distinct photos
 * (`/Nodes/<n> photos/Gallery <i>`, copies from `/Scale/5000 photos`), a
 * page for each (more than one page of photos: "Load more"), and the site told to trust the balancer's X-Forwarded-For, as
 * docs/public-gallery.md asks of sites behind a proxy (the image miss
 * budget then counts visitors, not the balancer).
 */
import fs from 'node:fs';
import path from 'node:path';

import { connectDropbox, findFolder } from '../bench/connect';
import { phpJson } from '../bench/php';
import type { WpUser } from '../bench/wp-client';
import type { SandboxControl, Sandbox } from '../sandbox-cloud/src/index';
import type { StackSite } from './site';

export interface NodeWorld {
	site: StackSite;
	sandbox: Sandbox;
	control: SandboxControl;
}

export interface Gallery {
	folder: string;
	pageUrl: string;
}

/**
 * The balancer appends the address it saw to X-Forwarded-For; the last
 * entry is the only one a client cannot forge.
 */
const TRUSTED_BALANCER = `<?php
// Written by tools/production-stack/node-galleries.ts: the site sits behind its load balancer.
add_filter( 'ccg_image_client_ip', static function ( string $address ): string {
	$forwarded = isset( $_SERVER['HTTP_X_FORWARDED_FOR'] ) ? explode( ',', (string) $_SERVER['HTTP_X_FORWARDED_FOR'] ) : array();
	$last = trim( (string) end( $forwarded ) );
	return '' !== $last ? $last : $address;
} );
`;

/** Before the nodes start: separate docroots are hard links made then. */
export function trustBalancer( site: StackSite ): void {
	const file = path.join(
		site.dir,
		'wp-content/mu-plugins/ccg-trusted-balancer.php'
	);
	if (
		fs.existsSync( file ) &&
		fs.readFileSync( file, 'utf8' ) === TRUSTED_BALANCER
	) {
		return;
	}
	fs.rmSync( file, { force: true } );
	fs.writeFileSync( file, TRUSTED_BALANCER );
}

/**
 * Distinct photos per gallery, so no two galleries share a thumbnail. They
 * are written to the sandbox's disk, so they must exist before the site
 * lists (and caches) the folders above them.
 *
 * @param libraryDir The sandbox library.
 * @param count      Galleries.
 * @param photos     Photos per gallery.
 * @return The galleries' folder paths.
 */
export function makeFolders(
	libraryDir: string,
	count: number,
	photos: number
): string[] {
	const source = path.join( libraryDir, 'Scale/5000 photos' );
	const all = fs
		.readdirSync( source )
		.filter( ( f ) => /\.jpe?g$/i.test( f ) )
		.sort();
	const folders: string[] = [];
	for ( let g = 0; g < count; g++ ) {
		const folder = `/Nodes/${ photos } photos/Gallery ${ g + 1 }`;
		const target = path.join( libraryDir, folder );
		const names = all.slice( g * photos, ( g + 1 ) * photos );
		const have = fs.existsSync( target ) ? fs.readdirSync( target ) : [];
		if ( have.length !== photos ) {
			fs.rmSync( target, { recursive: true, force: true } );
			fs.mkdirSync( target, { recursive: true } );
			for ( const name of names ) {
				fs.copyFileSync(
					path.join( source, name ),
					path.join( target, name )
				);
			}
		}
		folders.push( folder );
	}
	return folders;
}

/**
 * Connects Dropbox (unless `connected`) and publishes one page per
 * gallery. The site must be served through the balancer.
 */
export async function publishGalleries(
	world: NodeWorld,
	count: number,
	photos: number,
	perPage: number,
	/** An administrator of a site already connected; else this connects it. */
	connected?: WpUser
): Promise< Gallery[] > {
	const folders = makeFolders( world.sandbox.libraryDir, count, photos );
	const admin = connected ?? ( await connectDropbox( world ) );
	const refs = [];
	for ( const folder of folders ) {
		const ref = await findFolder( admin, folder );
		if ( ref.photoCount !== photos ) {
			throw new Error(
				`${ folder }: ${ ref.photoCount } photos, expected ${ photos }`
			);
		}
		refs.push( ref );
	}
	const blocks = refs.map(
		( ref ) =>
			`<!-- wp:customer-cloud-gallery/gallery ${ JSON.stringify( {
				provider: 'dropbox',
				folderId: ref.id,
				folderPath: ref.path,
				columns: 3,
				perPage,
				lightbox: false,
			} ) } /-->`
	);
	const urls = await phpJson< string[] >(
		world.site,
		blocks,
		`
wp_set_current_user( 1 );
$out = array();
foreach ( $in as $i => $content ) {
	$id = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Gallery ' . ( $i + 1 ), 'post_content' => $content ), true );
	if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
	$out[] = get_permalink( $id );
}
echo wp_json_encode( $out );
`
	);
	return folders.map( ( folder, i ) => ( {
		folder,
		pageUrl: urls[ i ] ?? '',
	} ) );
}
