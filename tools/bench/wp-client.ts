/**
 * A logged-in WordPress user over HTTP: cookie jar, REST nonce, REST calls.
 */
export class CookieJar {
	private cookies = new Map< string, string >();

	take( res: Response ): void {
		for ( const line of res.headers.getSetCookie() ) {
			const pair = line.split( ';' )[ 0 ] ?? '';
			const eq = pair.indexOf( '=' );
			const name = pair.slice( 0, eq ).trim();
			const value = pair.slice( eq + 1 ).trim();
			if (
				/expires=Thu, 01[- ]Jan[- ]1970/i.test( line ) ||
				value === 'deleted'
			) {
				this.cookies.delete( name );
			} else {
				this.cookies.set( name, value );
			}
		}
	}

	header(): string {
		return [ ...this.cookies ]
			.map( ( [ k, v ] ) => `${ k }=${ v }` )
			.join( '; ' );
	}
}

export class WpUser {
	readonly jar = new CookieJar();
	nonce = '';

	constructor(
		readonly siteUrl: string,
		readonly login: string,
		readonly password: string
	) {}

	async request( url: string, init: RequestInit = {} ): Promise< Response > {
		const headers = new Headers( init.headers );
		headers.set( 'Cookie', this.jar.header() );
		if ( this.nonce ) {
			headers.set( 'X-WP-Nonce', this.nonce );
		}
		const res = await fetch( url, {
			...init,
			headers,
			redirect: 'manual',
		} );
		this.jar.take( res );
		return res;
	}

	async logIn(): Promise< this > {
		this.jar.take(
			new Response( null, {
				headers: {
					'Set-Cookie': 'wordpress_test_cookie=WP%20Cookie%20check',
				},
			} )
		);
		const res = await this.request( `${ this.siteUrl }/wp-login.php`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams( {
				log: this.login,
				pwd: this.password,
				'wp-submit': 'Log In',
				testcookie: '1',
			} ),
		} );
		if ( res.status !== 302 ) {
			throw new Error(
				`login as ${ this.login } failed: HTTP ${ res.status }`
			);
		}
		const nonce = await this.request(
			`${ this.siteUrl }/wp-admin/admin-ajax.php?action=rest-nonce`
		);
		this.nonce = ( await nonce.text() ).trim();
		if ( ! /^[0-9a-f]{10}$/.test( this.nonce ) ) {
			throw new Error(
				`no REST nonce for ${ this.login }: ${ this.nonce.slice( 0, 200 ) }`
			);
		}
		return this;
	}

	async rest< T >( route: string, init: RequestInit = {} ): Promise< T > {
		const res = await this.request(
			`${ this.siteUrl }/wp-json${ route }`,
			init
		);
		const text = await res.text();
		if ( ! res.ok ) {
			throw new Error(
				`${ init.method ?? 'GET' } ${ route }: HTTP ${ res.status }: ${ text.slice( 0, 400 ) }`
			);
		}
		return JSON.parse( text ) as T;
	}

	postJson< T >( route: string, body: unknown ): Promise< T > {
		return this.rest< T >( route, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( body ),
		} );
	}
}
