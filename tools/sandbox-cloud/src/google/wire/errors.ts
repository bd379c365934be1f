import { DRIVE_JSON, OAUTH_JSON } from './respond';

/** An error answer of a Google host: a JSON body (or plain text on the thumbnail host). */
export class GoogleHttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		readonly contentType: string = DRIVE_JSON,
		readonly headers: Record< string, string > = {}
	) {
		super( `${ status } ${ JSON.stringify( body ).slice( 0, 200 ) }` );
	}
}

export interface DriveErrorOptions {
	domain?: string;
	location?: string;
	locationType?: 'header' | 'parameter';
	/** The RPC status (`UNAUTHENTICATED`, `PERMISSION_DENIED`); absent on older bodies. */
	rpcStatus?: string;
	extendedHelp?: string;
	/** The top-level message when it differs from `errors[0].message`. */
	topMessage?: string;
	headers?: Record< string, string >;
}

/**
 * The "v1 error format" envelope of contract B5:
 * `{"error": {"code", "message", "errors": [{"message", "domain", "reason", …}], "status"?}}`.
 */
export function driveError(
	status: number,
	reason: string,
	message: string,
	opts: DriveErrorOptions = {}
): GoogleHttpError {
	const item: Record< string, string > = {
		message,
		domain: opts.domain ?? 'global',
		reason,
	};
	if ( opts.location ) {
		item.location = opts.location;
		item.locationType = opts.locationType ?? 'parameter';
	}
	if ( opts.extendedHelp ) {
		item.extendedHelp = opts.extendedHelp;
	}
	return new GoogleHttpError(
		status,
		{
			error: {
				code: status,
				message: opts.topMessage ?? message,
				errors: [ item ],
				...( opts.rpcStatus ? { status: opts.rpcStatus } : {} ),
			},
		},
		DRIVE_JSON,
		opts.headers
	);
}

/**
 * 400 `invalid` "Invalid Value" for a parameter (bad `q`, `pageToken`, `orderBy`…).
 */
export function invalidValue(
	location: string,
	message = 'Invalid Value'
): GoogleHttpError {
	return driveError( 400, 'invalid', message, { location } );
}

export function invalidFields( selection: string ): GoogleHttpError {
	return driveError(
		400,
		'invalidParameter',
		`Invalid field selection ${ selection }`,
		{ location: 'fields' }
	);
}

const WWW_AUTHENTICATE = 'Bearer realm="https://accounts.google.com/"';

/** 401 without any credential. */
export function loginRequired(): GoogleHttpError {
	return driveError( 401, 'required', 'Login Required.', {
		location: 'Authorization',
		locationType: 'header',
		rpcStatus: 'UNAUTHENTICATED',
		topMessage:
			'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
		headers: { 'WWW-Authenticate': WWW_AUTHENTICATE },
	} );
}

/** 401 authError: unknown, expired or revoked access token (contract B5). */
export function invalidCredentials(): GoogleHttpError {
	return driveError( 401, 'authError', 'Invalid Credentials', {
		location: 'Authorization',
		locationType: 'header',
		rpcStatus: 'UNAUTHENTICATED',
		topMessage:
			'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
		headers: {
			'WWW-Authenticate': `${ WWW_AUTHENTICATE }, error="invalid_token"`,
		},
	} );
}

/** 403 insufficientPermissions: the token lacks the scope (contract B5). */
export function insufficientPermissions(): GoogleHttpError {
	return driveError(
		403,
		'insufficientPermissions',
		'Insufficient Permission: Request had insufficient authentication scopes.',
		{
			rpcStatus: 'PERMISSION_DENIED',
			headers: {
				'WWW-Authenticate': `${ WWW_AUTHENTICATE }, error="insufficient_scope", scope="https://www.googleapis.com/auth/drive.readonly"`,
			},
		}
	);
}

/**
 * 403 accessNotConfigured: the Drive API is disabled in the client's project.
 */
export function accessNotConfigured( projectNumber: string ): GoogleHttpError {
	return driveError(
		403,
		'accessNotConfigured',
		`Google Drive API has not been used in project ${ projectNumber } before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=${ projectNumber } then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
		{
			domain: 'usageLimits',
			rpcStatus: 'PERMISSION_DENIED',
			extendedHelp: `https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=${ projectNumber }`,
		}
	);
}

/**
 * 404 notFound with the exact message of contract B4 (`File not found: <id>.`).
 */
export function fileNotFound( fileId: string ): GoogleHttpError {
	return driveError( 404, 'notFound', `File not found: ${ fileId }.`, {
		location: 'fileId',
	} );
}

/** 403 fileNotDownloadable: alt=media on a folder or a Google Docs Editors file. */
export function fileNotDownloadable(): GoogleHttpError {
	return driveError(
		403,
		'fileNotDownloadable',
		'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
		{ location: 'alt' }
	);
}

/** Messages of the errors a fault can ask for by `reason`. */
const FAULT_MESSAGES: Record< string, { domain: string; message: string } > = {
	rateLimitExceeded: {
		domain: 'usageLimits',
		message: 'Rate Limit Exceeded',
	},
	userRateLimitExceeded: {
		domain: 'usageLimits',
		message: 'User rate limit exceeded.',
	},
	dailyLimitExceeded: {
		domain: 'usageLimits',
		message: 'Daily Limit Exceeded',
	},
	sharingRateLimitExceeded: {
		domain: 'global',
		message:
			'Rate limit exceeded. User message: "Sorry, you have exceeded your sharing quota."',
	},
	backendError: { domain: 'global', message: 'Backend Error' },
	internalError: { domain: 'global', message: 'Internal Error' },
	insufficientPermissions: {
		domain: 'global',
		message:
			'Insufficient Permission: Request had insufficient authentication scopes.',
	},
	authError: { domain: 'global', message: 'Invalid Credentials' },
	notFound: { domain: 'global', message: 'File not found.' },
	badRequest: { domain: 'global', message: 'Bad Request' },
};

/**
 * The Drive error a status fault stands for: 403 and 429 are rate limits,
 * 5xx backend errors, unless the fault names another `reason`.
 */
export function faultError(
	status: number,
	reason: string | null
): GoogleHttpError {
	let chosen = reason;
	if ( ! chosen ) {
		if ( status === 403 || status === 429 ) {
			chosen = 'rateLimitExceeded';
		} else if ( status >= 500 ) {
			chosen = 'backendError';
		} else if ( status === 401 ) {
			chosen = 'authError';
		} else if ( status === 404 ) {
			chosen = 'notFound';
		} else {
			chosen = 'badRequest';
		}
	}
	if ( chosen === 'authError' ) {
		return invalidCredentials();
	}
	const known = FAULT_MESSAGES[ chosen ] ?? {
		domain: 'global',
		message: chosen,
	};
	return driveError( status, chosen, known.message, {
		domain: known.domain,
	} );
}

/** An RFC 6749 error of the token and revoke endpoints: `{"error", "error_description"}`. */
export class OAuthError extends Error {
	constructor(
		readonly code: string,
		readonly description: string,
		/** 400, or 401 for client authentication failures. */
		readonly status = 400
	) {
		super( description );
	}

	toHttp(): GoogleHttpError {
		return new GoogleHttpError(
			this.status,
			{ error: this.code, error_description: this.description },
			OAUTH_JSON
		);
	}
}
