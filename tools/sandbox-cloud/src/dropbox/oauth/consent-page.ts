import { escapeHtml } from '../../shared/html';
import { ACCOUNT } from '../account';

const SCOPE_TEXT: Record< string, string > = {
	'account_info.read':
		'View basic information about your Dropbox account such as your username, email, and country',
	'files.metadata.read':
		'View information about your Dropbox files and folders',
	'files.content.read': 'View content of your Dropbox files and folders',
	'files.metadata.write':
		'View and edit information about your Dropbox files and folders',
	'files.content.write': 'Edit content of your Dropbox files and folders',
};

const STYLE = `body{font-family:system-ui,sans-serif;background:#f7f5f2;color:#1e1919;margin:0}
main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem}ul{padding-left:1.2rem}li{margin:.4rem 0}code{font-size:.85em;color:#555}
.actions{display:flex;gap:1rem;justify-content:flex-end;margin-top:1.5rem}
button{font:inherit;padding:.6rem 1.4rem;border-radius:4px;border:1px solid #0061fe;cursor:pointer}
button[value=allow]{background:#0061fe;color:#fff}button[value=cancel]{background:#fff;color:#0061fe}
.sandbox{font-size:.8rem;color:#777;margin-top:2rem}`;

function page( title: string, body: string ): string {
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${ escapeHtml( title ) }</title><style>${ STYLE }</style></head>
<body><main>${ body }
<p class="sandbox">Sandbox Dropbox (local test double). Nothing here talks to the real Dropbox.</p></main></body></html>`;
}

export function consentPage( opts: {
	appName: string;
	scopes: string[];
	appFolder: string | null;
	request: string;
} ): string {
	const items = opts.scopes
		.map(
			( s ) =>
				`<li>${ escapeHtml( SCOPE_TEXT[ s ] ?? s ) } <code>${ escapeHtml( s ) }</code></li>`
		)
		.join( '' );
	const access = opts.appFolder
		? `Access to its own app folder only: <strong>${ escapeHtml( opts.appFolder ) }</strong>`
		: 'Access to all files and folders in your Dropbox';
	return page(
		`${ opts.appName } - Dropbox`,
		`<h1>${ escapeHtml( opts.appName ) } would like to access your Dropbox</h1>
<p>Signed in as <strong>${ escapeHtml( `${ ACCOUNT.givenName } ${ ACCOUNT.surname }` ) }</strong> (${ escapeHtml( ACCOUNT.email ) })</p>
<p>${ access }</p>
<h2>This app will be able to:</h2>
<ul aria-label="Permissions">${ items }</ul>
<form method="post" action="/oauth2/authorize">
<input type="hidden" name="authorize_request" value="${ escapeHtml( opts.request ) }">
<div class="actions"><button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" name="decision" value="allow">Allow</button></div>
</form>`
	);
}

/**
 * What Dropbox shows when the app sent a bad request: no redirect back to the app.
 */
export function errorPage( status: number, details: string ): string {
	return page(
		`Dropbox - ${ status }`,
		`<h1>Error (${ status })</h1>
<p>It seems the app you were using submitted a bad request. If you would like to report this error to the app's developer, include the information below.</p>
<p><strong>More details for developers</strong></p><p class="details">${ escapeHtml( details ) }</p>`
	);
}

/**
 * Without a redirect_uri Dropbox shows the code for the user to paste into the app.
 */
export function codePage( appName: string, code: string ): string {
	return page(
		`${ appName } - Dropbox`,
		`<h1>Access code generated</h1><p>Enter this code into ${ escapeHtml( appName ) } to finish the process.</p>
<p><input aria-label="Access code" readonly value="${ escapeHtml( code ) }" size="50"></p>`
	);
}

export function deniedPage( appName: string ): string {
	return page(
		`${ appName } - Dropbox`,
		`<h1>Access denied</h1><p>You did not give ${ escapeHtml( appName ) } access to your Dropbox.</p>`
	);
}
