/**
 * External dependencies
 */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Scrolls every photo of the galleries into view and waits until each has
 * decoded.
 *
 * @param scope The gallery page, or one gallery on it.
 * @return How many photos it shows.
 */
export async function expectEveryPhotoLoaded(
	scope: Page | Locator
): Promise< number > {
	const photos = scope.locator( '.ccg-gallery__grid img' );
	const count = await photos.count();
	expect( count ).toBeGreaterThan( 0 );
	for ( let i = 0; i < count; i++ ) {
		const photo = photos.nth( i );
		await photo.scrollIntoViewIfNeeded();
		// A cold photo waits for its window's batch calls, which all return
		// together; on a cold sandbox (thumbnails rendered from 16 MB
		// originals) on 2 busy cores that once took over 10 s in CI.
		await expect
			.poll(
				() =>
					photo.evaluate(
						( img: HTMLImageElement ) =>
							img.complete && img.naturalWidth
					),
				{ timeout: 30_000 }
			)
			.toBeGreaterThan( 0 );
	}
	return count;
}
