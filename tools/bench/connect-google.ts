/**
 * Connects the bench site to the sandbox Google Drive over HTTP, as an
 * admin would in a browser: the Cloud Console's client (the sandbox's
 * default one, whose redirect URIs environment.ts extends with the bench
 * site's), its credentials saved in Settings, Connect, Allow on Google's
 * consent page with every requested scope ticked, back to admin-post.php.
 */
import type { Environment } from './environment';
import type { WpUser } from './wp-client';

function decodeAttr( value: string ): string {
	return value
		.replace( /&quot;/g, '"' )
		.replace( /&#39;|&#x27;|&apos;/g, "'" )
		.replace( /&lt;/g, '<' )
		.replace( /&gt;/g, '>' )
		.replace( /&amp;/g, '&' );
}

/**
 * The form the consent page would submit on Allow: the request, the one
 * account (pre-selected) and every scope checkbox as the page ticks them.
 */
function allowForm( page: string ): URLSearchParams {
	const form = new URLSearchParams();
	const request = /name="authorize_request" value="([^"]*)"/.exec( page );
	if ( ! request ) {
		throw new Error(
			`Google consent page without a request: ${ page.slice( 0, 300 ) }`
		);
	}
	form.append( 'authorize_request', decodeAttr( request[ 1 ] ?? '' ) );
	const account = /name="account" value="([^"]*)"/.exec( page );
	if ( account ) {
		form.append( 'account', decodeAttr( account[ 1 ] ?? '' ) );
	}
	for ( const m of page.matchAll(
		/<input type="checkbox" name="scope" value="([^"]*)" checked>/g
	) ) {
		form.append( 'scope', decodeAttr( m[ 1 ] ?? '' ) );
	}
	form.append( 'decision', 'allow' );
	return form;
}

export async function connectGoogle(
	env: Environment,
	admin: WpUser
): Promise< void > {
	const client = env.sandbox.defaultGoogleClient();
	const ns = '/customer-cloud-gallery/v1/connections/google';
	await admin.postJson( `${ ns }/credentials`, {
		clientId: client.clientId,
		clientSecret: client.clientSecret,
	} );
	const { authorizeUrl } = await admin.postJson< { authorizeUrl: string } >(
		`${ ns }/authorize`,
		{}
	);
	const consent = await fetch( authorizeUrl );
	const page = await consent.text();
	if ( consent.status !== 200 ) {
		throw new Error(
			`Google consent page: HTTP ${ consent.status }: ${ page.slice( 0, 300 ) }`
		);
	}
	const allow = await fetch(
		`${ env.sandbox.google.authBase }/o/oauth2/v2/auth`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: allowForm( page ),
			redirect: 'manual',
		}
	);
	const back = allow.headers.get( 'location' );
	if ( allow.status !== 302 || ! back || ! back.includes( 'code=' ) ) {
		throw new Error(
			`Google consent did not redirect with a code: HTTP ${ allow.status } ${ back }`
		);
	}
	const callback = await admin.request( back );
	if ( callback.status !== 302 ) {
		throw new Error(
			`Google OAuth callback: HTTP ${ callback.status }: ${ ( await callback.text() ).slice( 0, 300 ) }`
		);
	}
}
