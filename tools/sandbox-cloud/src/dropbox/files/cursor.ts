import { hmac, safeEqual } from '../../shared/random';

/** What a list_folder cursor carries. Signed, so a tampered or made-up cursor is "Invalid cursor". */
export interface CursorState {
	v: 1;
	/** App key the cursor belongs to, and the root it was made under. */
	app: string;
	root: string;
	/** Id of the listed folder. */
	folder: string;
	recursive: boolean;
	limit: number;
	/**
	 * `page`: more entries of a listing (or of a change set) after sort key `after`;
	 * `changes`: everything is delivered; the next call reports changes since snapshot `since`.
	 */
	mode: 'page' | 'changes';
	after: string | null;
	/** Snapshot the listing (or the change set) started from. */
	since: string;
	/** For a change set being paged: the snapshot it leads to. */
	until: string | null;
	/** Position of the page this cursor asks for within its listing or change set (absent: 0). */
	page?: number;
}

export class CursorCodec {
	constructor( private readonly secret: string ) {}

	encode( state: CursorState ): string {
		const body = Buffer.from( JSON.stringify( state ), 'utf8' ).toString(
			'base64url'
		);
		return `AA${ body }.${ hmac( this.secret, body ).subarray( 0, 18 ).toString( 'base64url' ) }`;
	}

	decode( cursor: string ): CursorState | null {
		const match = /^AA([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec( cursor );
		if ( ! match ) {
			return null;
		}
		const [ , body, mac ] = match;
		if (
			! body ||
			! mac ||
			! safeEqual(
				mac,
				hmac( this.secret, body )
					.subarray( 0, 18 )
					.toString( 'base64url' )
			)
		) {
			return null;
		}
		try {
			const state = JSON.parse(
				Buffer.from( body, 'base64url' ).toString( 'utf8' )
			) as CursorState;
			return state.v === 1 ? state : null;
		} catch {
			return null;
		}
	}
}
