import { sha1Hex } from './random';

/**
 * Server-side cap on entries per listing page when no test has set one.
 * Sixty (pages of 20 to 60, plus empty ones) keeps a normal folder in one
 * or two pages but puts the 5,000-photo folder past 150 pages, so a client
 * that stops after "enough" pages, or assumes a page is `limit` entries,
 * loses photos here as it would on the real services.
 */
export const DEFAULT_MAX_PAGE_ENTRIES = 60;

/** Every EMPTY_EVERY-th page of a listing (pages 2, 6, 10…, counted from 0) is empty when more remain. */
export const EMPTY_EVERY = 4;
const EMPTY_AT = 2;

/**
 * How many entries one page of a listing holds. Dropbox documents
 * `list_folder`'s `limit` as approximate and Google documents that
 * `files.list` pages may be partial or empty before the end, so the sandbox
 * picks the size itself: below what was asked, varying from page to page,
 * and zero on some pages that still say "more". The size depends only on
 * the page's seed (what its cursor or page token carries), so repeating a
 * cursor repeats the page.
 */
export class PagePlan {
	private max: number = DEFAULT_MAX_PAGE_ENTRIES;

	get maxEntries(): number {
		return this.max;
	}

	set maxEntries( value: number ) {
		if ( ! Number.isInteger( value ) || value < 1 ) {
			throw new RangeError( 'maxPageEntries must be an integer ≥ 1' );
		}
		this.max = value;
	}

	reset(): void {
		this.max = DEFAULT_MAX_PAGE_ENTRIES;
	}

	/**
	 * Entries on page `index` (0-based) of a listing, for a caller that asked for `requested`.
	 * @param seed      what identifies the page (the state its cursor or token carries)
	 * @param index     the page's position in its listing
	 * @param requested the caller's `limit` / `pageSize`
	 */
	size( seed: string, index: number, requested: number ): number {
		if ( index % EMPTY_EVERY === EMPTY_AT ) {
			return 0;
		}
		// Strictly below what was asked, so "a full page means more" never holds.
		const asked = requested > 1 ? requested - 1 : 1;
		const cap = Math.max( 1, Math.min( asked, this.max ) );
		const low = Math.max( 1, Math.ceil( cap / 3 ) );
		const spread = cap - low + 1;
		const pick = parseInt(
			sha1Hex( `${ seed }|${ index }` ).slice( 0, 8 ),
			16
		);
		return low + ( pick % spread );
	}
}
