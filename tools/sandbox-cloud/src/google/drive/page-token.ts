import { hmac, safeEqual, sha1Hex } from '../../shared/random';

/** What a page token carries: which listing it continues, and where. */
interface PageState {
	v: 1;
	/** Hash of the parameters that shape the listing (q, orderBy, corpora…). */
	query: string;
	/** Index of the first item of the next page. */
	offset: number;
	/** Position of that page within the listing (absent: 0); it shapes the page's size. */
	page?: number;
}

/** Where a page token points. */
export interface PagePosition {
	offset: number;
	page: number;
}

const PREFIX = '~!!~AI9FV7';

/**
 * Opaque, signed page tokens (`~!!~AI9FV7…`, as Drive's look). They hold an
 * offset into a deterministic order and the signature is made with the data
 * folder's secret, so a token keeps working across restarts; a token used
 * with other query parameters, or made up, is 400 "Invalid Value".
 */
export class PageTokens {
	constructor( private readonly secret: string ) {}

	/**
	 * A stable digest of the parameters a token is bound to.
	 */
	static queryKey( parts: unknown[] ): string {
		return sha1Hex( JSON.stringify( parts ) ).slice( 0, 16 );
	}

	encode( query: string, offset: number, page = 0 ): string {
		const body = Buffer.from(
			JSON.stringify( { v: 1, query, offset, page } satisfies PageState )
		).toString( 'base64url' );
		return `${ PREFIX }${ body }${ this.mac( body ) }`;
	}

	/**
	 * Where a token points, or null when it is not one of ours or belongs to another query.
	 */
	decode( token: string, query: string ): PagePosition | null {
		if (
			! token.startsWith( PREFIX ) ||
			token.length < PREFIX.length + 23
		) {
			return null;
		}
		const rest = token.slice( PREFIX.length );
		const body = rest.slice( 0, -22 );
		if ( ! safeEqual( rest.slice( -22 ), this.mac( body ) ) ) {
			return null;
		}
		try {
			const state = JSON.parse(
				Buffer.from( body, 'base64url' ).toString( 'utf8' )
			) as PageState;
			const page = state.page ?? 0;
			return state.v === 1 &&
				state.query === query &&
				Number.isInteger( state.offset ) &&
				state.offset >= 0 &&
				Number.isInteger( page ) &&
				page >= 0
				? { offset: state.offset, page }
				: null;
		} catch {
			return null;
		}
	}

	private mac( body: string ): string {
		return hmac( this.secret, `page:${ body }` )
			.subarray( 0, 16 )
			.toString( 'base64url' );
	}
}
