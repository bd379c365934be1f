/**
 * External dependencies
 */
import { expect, type Browser, type Response } from '@playwright/test';

/**
 * Internal dependencies
 */
import { expectEveryPhotoLoaded } from './photos';

/** A visitor's screen: CSS viewport and device pixel ratio. */
export interface Screen {
	name: string;
	width: number;
	height: number;
	dpr: number;
}

/** The three screens issue #12 names: a phone, a laptop, a retina desktop. */
export const SCREENS: Screen[] = [
	{ name: 'phone 390×844 @3x', width: 390, height: 844, dpr: 3 },
	{ name: 'laptop 1280×800 @1x', width: 1280, height: 800, dpr: 1 },
	{ name: 'desktop 1920×1080 @2x', width: 1920, height: 1080, dpr: 2 },
];

/** What one `<img>` of the gallery showed, and what the site sent for it. */
export interface ShownPhoto {
	alt: string;
	currentSrc: string;
	/** The `w` descriptor of the srcset candidate the browser picked. */
	candidateWidth: number;
	naturalWidth: number;
	naturalHeight: number;
	status: number;
	contentType: string;
	body: Buffer;
}

/**
 * Width and height from a JPEG's start-of-frame segment; null when the
 * bytes are not a JPEG (the plugin's placeholder is an SVG).
 *
 * @param bytes The response body.
 * @return Its pixel size, or null.
 */
export function jpegSize(
	bytes: Buffer
): { width: number; height: number } | null {
	if ( bytes.length < 4 || bytes[ 0 ] !== 0xff || bytes[ 1 ] !== 0xd8 ) {
		return null;
	}
	let offset = 2;
	while ( offset + 9 < bytes.length ) {
		if ( bytes[ offset ] !== 0xff ) {
			return null;
		}
		const marker = bytes[ offset + 1 ]!;
		const length = bytes.readUInt16BE( offset + 2 );
		// SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
		if (
			marker >= 0xc0 &&
			marker <= 0xcf &&
			! [ 0xc4, 0xc8, 0xcc ].includes( marker )
		) {
			return {
				height: bytes.readUInt16BE( offset + 5 ),
				width: bytes.readUInt16BE( offset + 7 ),
			};
		}
		offset += 2 + length;
	}
	return null;
}

/**
 * Opens the page in a fresh, logged-out browser context with the screen's
 * viewport and pixel ratio (so nothing comes from a browser cache), scrolls
 * every photo into view until it has decoded, and returns what each
 * `<img>` picked from its srcset together with the response the browser got
 * for it.
 *
 * @param browser The browser.
 * @param url     The gallery page, relative to WP_BASE_URL.
 * @param screen  The visitor's screen.
 * @return One entry per photo.
 */
export async function viewAs(
	browser: Browser,
	url: string,
	screen: Screen
): Promise< ShownPhoto[] > {
	const context = await browser.newContext( {
		baseURL: process.env.WP_BASE_URL,
		storageState: { cookies: [], origins: [] },
		viewport: { width: screen.width, height: screen.height },
		deviceScaleFactor: screen.dpr,
	} );
	try {
		const responses = new Map< string, Response >();
		context.on( 'response', ( response ) => {
			responses.set( response.url(), response );
		} );
		const page = await context.newPage();
		await page.goto( url );
		await expectEveryPhotoLoaded( page );
		const images = await page
			.locator( '.ccg-gallery__grid img' )
			.evaluateAll( ( imgs ) =>
				( imgs as HTMLImageElement[] ).map( ( img ) => ( {
					alt: img.alt,
					currentSrc: img.currentSrc,
					srcset: img.getAttribute( 'srcset' ) ?? '',
					naturalWidth: img.naturalWidth,
					naturalHeight: img.naturalHeight,
				} ) )
			);
		const shown: ShownPhoto[] = [];
		for ( const image of images ) {
			const response = responses.get( image.currentSrc );
			expect(
				response,
				`${ screen.name }: the browser fetched ${ image.currentSrc }`
			).toBeDefined();
			shown.push( {
				alt: image.alt,
				currentSrc: image.currentSrc,
				candidateWidth: candidateWidth(
					image.srcset,
					image.currentSrc,
					page.url()
				),
				naturalWidth: image.naturalWidth,
				naturalHeight: image.naturalHeight,
				status: response!.status(),
				contentType: response!.headers()[ 'content-type' ] ?? '',
				body: await response!.body(),
			} );
		}
		return shown;
	} finally {
		await context.close();
	}
}

/**
 * The `w` descriptor of the srcset candidate whose URL is `src`.
 *
 * @param srcset The attribute.
 * @param src    The chosen URL (absolute).
 * @param base   The page URL, to resolve relative candidates.
 * @return The width, or 0 when `src` is not a candidate.
 */
function candidateWidth( srcset: string, src: string, base: string ): number {
	for ( const candidate of srcset.split( ',' ) ) {
		const [ url, descriptor ] = candidate.trim().split( /\s+/ );
		if ( url && new URL( url, base ).toString() === src ) {
			return parseInt( descriptor ?? '', 10 ) || 0;
		}
	}
	return 0;
}
