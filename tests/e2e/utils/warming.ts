/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, request } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { publish } from './galleries';

export type Provider = 'dropbox' | 'google';

export interface FolderRef {
	id: string;
	name: string;
	path: string;
}

/**
 * Walks the folder routes from a provider's root by folder names.
 *
 * @param requestUtils REST helper logged in as the admin.
 * @param provider     Provider.
 * @param names        Folder names from the root down.
 * @return The folder.
 */
export async function findFolder(
	requestUtils: RequestUtils,
	provider: Provider,
	names: string[]
): Promise< FolderRef > {
	let folder: FolderRef = { id: '', name: '', path: '/' };
	for ( const name of names ) {
		const listing = await requestUtils.rest< { folders: FolderRef[] } >( {
			path: '/customer-cloud-gallery/v1/folders',
			params: { provider, folder: folder.id },
		} );
		const next = listing.folders.find( ( item ) => item.name === name );
		expect( next, `${ name } in ${ folder.path }` ).toBeDefined();
		folder = next!;
	}
	return folder;
}

/**
 * Publishes a post with one gallery through the REST API, as the editor
 * saves it (save_post schedules the warming), but without an editor
 * preview that would fetch thumbnails first.
 *
 * @param requestUtils REST helper logged in as the admin.
 * @param title        The post's title.
 * @param provider     Provider.
 * @param folder       The gallery's folder.
 * @return The post's URL, relative to the site.
 */
export async function publishGallery(
	requestUtils: RequestUtils,
	title: string,
	provider: Provider,
	folder: FolderRef
): Promise< string > {
	return publish( requestUtils, title, {
		provider,
		folderId: folder.id,
		folderPath: folder.path,
		lightbox: false,
	} );
}

/**
 * The plugin's image URLs in a page's HTML: each `<img>`'s src and srcset
 * candidates.
 *
 * @param html The page.
 * @return The URLs, each once.
 */
export function imageUrlsIn( html: string ): string[] {
	const urls = new Set< string >();
	for ( const [ tag ] of html.matchAll( /<img\b[^>]*>/g ) ) {
		const src = tag.match( /\ssrc="([^"]+)"/ )?.[ 1 ];
		const srcset = tag.match( /\ssrcset="([^"]+)"/ )?.[ 1 ] ?? '';
		for ( const candidate of [ src ?? '', ...srcset.split( ',' ) ] ) {
			const candidateUrl = candidate.trim().split( /\s+/ )[ 0 ] ?? '';
			if ( /customer-cloud-gallery|ccg_image=/.test( candidateUrl ) ) {
				urls.add( candidateUrl );
			}
		}
	}
	return [ ...urls ];
}

/**
 * Every image URL of the gallery's first page, read from its HTML without
 * loading any image. Waits for the site's background check that gives
 * thumbnails static uploads URLs (one file per URL), nudging WP-Cron.
 *
 * @param url The gallery page.
 * @return Its image URLs.
 */
async function staticImageUrls( url: string ): Promise< string[] > {
	const visitor = await request.newContext( {
		baseURL: process.env.WP_BASE_URL,
	} );
	try {
		let urls: string[] = [];
		await expect
			.poll(
				async () => {
					await visitor.get( '/wp-cron.php' );
					urls = imageUrlsIn(
						await ( await visitor.get( url ) ).text()
					);
					return (
						urls.length > 0 &&
						urls.every( ( u ) =>
							u.includes( '/customer-cloud-gallery/i/' )
						)
					);
				},
				{ timeout: 30_000 }
			)
			.toBe( true );
		return urls;
	} finally {
		await visitor.dispose();
	}
}

/**
 * Runs WP-Cron until every image the first page names is in the disk
 * cache: the warming that publishing scheduled.
 *
 * @param url The gallery page.
 */
export async function runWarming( url: string ): Promise< void > {
	const urls = await staticImageUrls( url );
	const cron = await request.newContext( {
		baseURL: process.env.WP_BASE_URL,
	} );
	try {
		await expect
			.poll(
				async () => {
					await cron.get( '/wp-cron.php' );
					return urls.filter(
						( u ) => ! fs.existsSync( cachedFile( u ) )
					);
				},
				{ timeout: 60_000, intervals: [ 1_000 ] }
			)
			.toEqual( [] );
	} finally {
		await cron.dispose();
	}
}

/**
 * Makes warming on publish do nothing until restoreWarming() (a must-use
 * plugin unhooks its WP-Cron event), so a test can be the first visitor of
 * a cold gallery.
 */
export function withoutWarming(): void {
	fs.mkdirSync( path.dirname( noWarmingPlugin() ), { recursive: true } );
	fs.writeFileSync(
		noWarmingPlugin(),
		"<?php\nadd_action( 'init', static function () { remove_all_actions( 'ccg_warm_gallery' ); }, 99 );\n"
	);
}

/** Undoes withoutWarming(); harmless when it was not called. */
export function restoreWarming(): void {
	fs.rmSync( noWarmingPlugin(), { force: true } );
}

function noWarmingPlugin(): string {
	return path.join(
		siteDir(),
		'wp-content/mu-plugins/ccg-e2e-no-warming.php'
	);
}

/**
 * Where the disk cache keeps a thumbnail whose static URL is given.
 *
 * @param url A `/wp-content/uploads/customer-cloud-gallery/i/…` URL.
 * @return The file's path in the test site.
 */
export function cachedFile( url: string ): string {
	return path.join(
		siteDir(),
		decodeURIComponent( new URL( url ).pathname )
	);
}

/**
 * Empties the thumbnail disk cache (its shard folders; the static-URL
 * check's probe folder stays), as if the site had never shown a photo.
 */
export function clearThumbnailCache(): void {
	const dir = path.join(
		siteDir(),
		'wp-content/uploads/customer-cloud-gallery/i'
	);
	if ( ! fs.existsSync( dir ) ) {
		return;
	}
	for ( const shard of fs.readdirSync( dir ) ) {
		if ( /^[0-9a-f]{2}$/.test( shard ) ) {
			fs.rmSync( path.join( dir, shard ), {
				recursive: true,
				force: true,
			} );
		}
	}
}

function siteDir(): string {
	const site = process.env.CCG_WP_PATH;
	if ( ! site ) {
		throw new Error(
			'CCG_WP_PATH is not set: run the tests through npm test.'
		);
	}
	return site;
}
