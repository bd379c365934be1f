/**
 * Just enough HTML reading for the bench: image sources, and the scripts,
 * script modules and stylesheets a browser would download.
 */
function decode( value: string ): string {
	return value
		.replace( /&amp;/g, '&' )
		.replace( /&#0?38;/g, '&' )
		.replace( /&quot;/g, '"' );
}

function attr( tag: string, name: string ): string | null {
	const m = new RegExp(
		`\\s${ name }\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`,
		'i'
	).exec( tag );
	return m ? decode( m[ 1 ] ?? m[ 2 ] ?? m[ 3 ] ?? '' ) : null;
}

/**
 * Whether a URL is one of the plugin's thumbnails: its static uploads URL
 * or the query URL through WordPress.
 */
export function isPluginImage( url: string ): boolean {
	return (
		url.includes( 'ccg_image=' ) ||
		url.includes( '/customer-cloud-gallery/i/' )
	);
}

/**
 * The `src` of every plugin thumbnail in the page.
 */
export function imageUrls( html: string ): string[] {
	const urls: string[] = [];
	for ( const m of html.matchAll( /<img\b[^>]*>/gi ) ) {
		const src = attr( m[ 0 ], 'src' );
		if ( src && isPluginImage( src ) ) {
			urls.push( src );
		}
	}
	return urls;
}

export interface Assets {
	scripts: string[];
	modules: string[];
	styles: string[];
	inlineScriptBytes: number;
	inlineStyleBytes: number;
}

export function assets( html: string, base: string ): Assets {
	const abs = ( u: string ) => new URL( u, base ).toString();
	const out: Assets = {
		scripts: [],
		modules: [],
		styles: [],
		inlineScriptBytes: 0,
		inlineStyleBytes: 0,
	};
	for ( const m of html.matchAll(
		/<script\b([^>]*)>([\s\S]*?)<\/script>/gi
	) ) {
		const tag = `<script ${ m[ 1 ] }>`;
		const src = attr( tag, 'src' );
		const type = attr( tag, 'type' );
		if ( src ) {
			( type === 'module' ? out.modules : out.scripts ).push(
				abs( src )
			);
		} else if (
			type !== 'importmap' &&
			type !== 'application/json' &&
			type !== 'application/ld+json'
		) {
			out.inlineScriptBytes += Buffer.byteLength( m[ 2 ] ?? '' );
		}
	}
	for ( const m of html.matchAll( /<link\b[^>]*>/gi ) ) {
		const rel = ( attr( m[ 0 ], 'rel' ) ?? '' ).toLowerCase();
		const href = attr( m[ 0 ], 'href' );
		if ( ! href ) {
			continue;
		}
		if ( rel === 'stylesheet' ) {
			out.styles.push( abs( href ) );
		} else if ( rel === 'modulepreload' ) {
			out.modules.push( abs( href ) );
		}
	}
	for ( const m of html.matchAll( /<style\b[^>]*>([\s\S]*?)<\/style>/gi ) ) {
		out.inlineStyleBytes += Buffer.byteLength( m[ 1 ] ?? '' );
	}
	out.scripts = [ ...new Set( out.scripts ) ];
	out.modules = [ ...new Set( out.modules ) ];
	out.styles = [ ...new Set( out.styles ) ];
	return out;
}
