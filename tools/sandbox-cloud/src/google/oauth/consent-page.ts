import { escapeHtml } from '../../shared/html';
import { GOOGLE_USER } from '../account';
import { BASIC_SCOPES, SCOPE_TEXT } from '../scopes';

const STYLE = `body{font-family:system-ui,sans-serif;background:#f0f4f9;color:#1f1f1f;margin:0}
main{max-width:34rem;margin:3rem auto;background:#fff;padding:2rem 2.2rem;border-radius:28px}
h1{font-size:1.5rem;font-weight:400}fieldset{border:0;padding:0;margin:1.2rem 0}
legend{font-weight:600;margin-bottom:.5rem}label{display:flex;gap:.6rem;align-items:flex-start;margin:.5rem 0}
code{font-size:.8em;color:#555;word-break:break-all}.note{background:#fef7e0;padding:.6rem .8rem;border-radius:8px}
.actions{display:flex;gap:1rem;justify-content:flex-end;margin-top:1.5rem}
button{font:inherit;padding:.6rem 1.6rem;border-radius:20px;border:1px solid #0b57d0;cursor:pointer}
button[value=allow]{background:#0b57d0;color:#fff}button[value=cancel]{background:#fff;color:#0b57d0}
.sandbox{font-size:.8rem;color:#777;margin-top:2rem}`;

function page( title: string, body: string ): string {
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${ escapeHtml( title ) }</title><style>${ STYLE }</style></head>
<body><main>${ body }
<p class="sandbox">Sandbox Google (local test double). Nothing here talks to the real Google.</p></main></body></html>`;
}

/**
 * The consent screen: the account, a checkbox per requested Drive scope
 * (ticked; untick one to grant less), and the buttons **Allow** and
 * **Cancel**. Sign-in scopes (openid, email, profile) are always granted,
 * as on Google's screen.
 */
export function consentPage( opts: {
	clientName: string;
	scopes: string[];
	testing: boolean;
	request: string;
} ): string {
	const describe = ( scope: string ) =>
		`${ escapeHtml( SCOPE_TEXT[ scope ] ?? scope ) } <code>${ escapeHtml(
			scope
		) }</code>`;
	const choices = opts.scopes
		.filter( ( s ) => ! BASIC_SCOPES.has( s ) )
		.map(
			( s ) =>
				`<label><input type="checkbox" name="scope" value="${ escapeHtml(
					s
				) }" checked> <span>${ describe( s ) }</span></label>`
		)
		.join( '\n' );
	const basic = opts.scopes
		.filter( ( s ) => BASIC_SCOPES.has( s ) )
		.map( ( s ) => `<li>${ describe( s ) }</li>` )
		.join( '' );
	const name = escapeHtml( opts.clientName );
	return page(
		`Sign in - Google Accounts`,
		`<h1>${ name } wants access to your Google Account</h1>
<form method="post" action="/o/oauth2/v2/auth">
<input type="hidden" name="authorize_request" value="${ escapeHtml(
			opts.request
		) }">
<fieldset><legend>Choose an account</legend>
<label><input type="radio" name="account" value="${ escapeHtml(
			GOOGLE_USER.emailAddress
		) }" checked> <span>${ escapeHtml(
			GOOGLE_USER.displayName
		) } &lt;${ escapeHtml( GOOGLE_USER.emailAddress ) }&gt;</span></label>
</fieldset>
${
	opts.testing
		? `<p class="note">${ name } has not completed the Google verification process. It is in testing: access it gets ends after 7 days.</p>`
		: ''
}
<fieldset><legend>Select what ${ name } can access</legend>
${ choices || '<p>No Google Drive access was requested.</p>' }
${ basic ? `<ul aria-label="Always shared">${ basic }</ul>` : '' }
</fieldset>
<div class="actions"><button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" name="decision" value="allow">Allow</button></div>
</form>`
	);
}

/**
 * What Google shows when the app sent a bad request: no redirect back to the app.
 * @param code `redirect_uri_mismatch`, `invalid_request`, `invalid_client`, `invalid_scope`…
 */
export function errorPage(
	status: number,
	code: string,
	details: string
): string {
	return page(
		`Error ${ status }: ${ code }`,
		`<h1>Access blocked: this app’s request is invalid</h1>
<p><strong>Error ${ status }: ${ escapeHtml( code ) }</strong></p>
<p class="details">${ escapeHtml( details ) }</p>`
	);
}
