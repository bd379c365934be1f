/**
 * What the issue 15 scenarios share: Google Drive connected once per run
 * (the earlier scenarios need only Dropbox), folders of the sandbox library
 * made on disk, published gallery pages, and counting a page's photos.
 */
import fs from 'node:fs';
import path from 'node:path';

import { connectGoogle } from '../connect-google';
import { findFolder, type FolderRef, type Provider } from '../connect';
import { phpJson } from '../php';
import type { BenchContext } from './context';

const googleConnected = new WeakMap< BenchContext, Promise< void > >();

/** Connects Google Drive the first time a scenario asks, once per run. */
export function ensureGoogle( ctx: BenchContext ): Promise< void > {
	let connecting = googleConnected.get( ctx );
	if ( ! connecting ) {
		ctx.log( 'connecting Google Drive' );
		connecting = connectGoogle( ctx.env, ctx.editor );
		googleConnected.set( ctx, connecting );
	}
	return connecting;
}

/**
 * A library folder as the gallery's provider names it: Drive shows the
 * library under "My Drive".
 */
export async function providerFolder(
	ctx: BenchContext,
	provider: Provider,
	libraryPath: string
): Promise< FolderRef & { photoCount: number } > {
	if ( provider === 'google' ) {
		await ensureGoogle( ctx );
	}
	return findFolder(
		ctx.editor,
		provider === 'google' ? `/My Drive${ libraryPath }` : libraryPath,
		provider
	);
}

/**
 * Makes `libraryPath` hold exactly the first `count` photos of
 * /Scale/5000 photos, on disk (both providers read the library from disk),
 * so a run starts from the same folder whatever an earlier run left.
 */
export function resetLibraryFolder(
	ctx: BenchContext,
	libraryPath: string,
	count: number
): void {
	const target = path.join( ctx.env.sandbox.libraryDir, libraryPath );
	fs.rmSync( target, { recursive: true, force: true } );
	fs.mkdirSync( target, { recursive: true } );
	for ( const photo of scalePhotos( ctx, count ) ) {
		fs.copyFileSync(
			path.join( ctx.env.sandbox.libraryDir, SCALE, photo ),
			path.join( target, photo )
		);
	}
}

const SCALE = 'Scale/5000 photos';

/** The first `count` JPEG names of /Scale/5000 photos, sorted. */
export function scalePhotos( ctx: BenchContext, count: number ): string[] {
	const photos = fs
		.readdirSync( path.join( ctx.env.sandbox.libraryDir, SCALE ) )
		.filter( ( f ) => /\.jpe?g$/i.test( f ) )
		.sort()
		.slice( 0, count );
	if ( photos.length < count ) {
		throw new Error( `/${ SCALE } has only ${ photos.length } photos` );
	}
	return photos;
}

export function scalePhotoPath( name: string ): string {
	return `/${ SCALE }/${ name }`;
}

export function galleryBlock(
	provider: Provider,
	folder: FolderRef,
	perPage: number,
	columns: number
): string {
	return `<!-- wp:customer-cloud-gallery/gallery ${ JSON.stringify( {
		provider,
		folderId: folder.id,
		folderPath: folder.path,
		columns,
		perPage,
		lightbox: true,
	} ) } /-->`;
}

/** Publishes a page as the admin, as the editor's Publish does; its URL. */
export async function publishPage(
	ctx: BenchContext,
	slug: string,
	content: string
): Promise< string > {
	const made = await phpJson< { url: string } >(
		ctx.env.site,
		{ slug, content },
		`
wp_set_current_user( 1 );
$id = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Bench ' . $in['slug'], 'post_name' => 'bench-' . $in['slug'], 'post_content' => $in['content'] ), true );
if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
echo wp_json_encode( array( 'url' => get_permalink( $id ) ) );
`
	);
	return made.url;
}

/** The photos a gallery page shows: its grid items. */
export function countItems( html: string ): number {
	return html.match( /class="ccg-gallery__item"/g )?.length ?? 0;
}

/**
 * Calls on routes that list folders or changes (Dropbox list_folder and
 * its continue, Drive files.list and changes.*), out of all counted calls.
 */
export function listingCalls( counts: Record< string, number > ): number {
	return Object.entries( counts )
		.filter( ( [ route ] ) =>
			/list_folder|^google\/drive\/v3\/files$|changes/.test( route )
		)
		.reduce( ( sum, [ , n ] ) => sum + n, 0 );
}

/** A target's verdict; smoke sizes say nothing about targets. */
export function verdict( smoke: boolean, pass: boolean ): string {
	if ( smoke ) {
		return 'n/a (smoke)';
	}
	return pass ? 'PASS' : 'FAIL';
}
