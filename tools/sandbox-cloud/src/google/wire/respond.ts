import type { ServerResponse } from 'node:http';

/** Drive's success and error bodies (contract B2, B5): exactly this Content-Type. */
export const DRIVE_JSON = 'application/json; charset=UTF-8';
/** oauth2.googleapis.com answers with a lowercase charset. */
export const OAUTH_JSON = 'application/json; charset=utf-8';

/** Headers Google's front ends put on API answers. */
export function googleHeaders(): Record< string, string > {
	return {
		Vary: 'Origin, X-Origin, Referer',
		Server: 'ESF',
		'X-XSS-Protection': '0',
		'X-Frame-Options': 'SAMEORIGIN',
		'X-Content-Type-Options': 'nosniff',
	};
}

/**
 * Google pretty-prints JSON by default (`prettyPrint=false` turns it off).
 */
export function googleJson( value: unknown, pretty = true ): string {
	return pretty
		? JSON.stringify( value, null, 2 ) + '\n'
		: JSON.stringify( value );
}

export function sendGoogleJson(
	res: ServerResponse,
	status: number,
	value: unknown,
	opts: {
		pretty?: boolean;
		contentType?: string;
		headers?: Record< string, string >;
	} = {}
): void {
	const body = Buffer.from(
		googleJson( value, opts.pretty ?? true ),
		'utf8'
	);
	res.writeHead( status, {
		...googleHeaders(),
		'Cache-Control':
			status === 200
				? 'private, max-age=0, must-revalidate, no-transform'
				: 'private',
		...opts.headers,
		'Content-Type': opts.contentType ?? DRIVE_JSON,
		'Content-Length': String( body.length ),
	} );
	res.end( body );
}
