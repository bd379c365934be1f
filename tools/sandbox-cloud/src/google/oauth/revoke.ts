import type { IncomingMessage, ServerResponse } from 'node:http';

import type { GoogleServices } from '../services';
import { GoogleHttpError, OAuthError } from '../wire/errors';
import { OAUTH_JSON, sendGoogleJson } from '../wire/respond';
import { oauthParams } from './client-auth';

/**
 * `POST /revoke` (token in the body or the query): 200 `{}`; revoking any
 * token of a grant revokes the whole grant (contract B1.4).
 */
export async function handleRevoke(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	query: URLSearchParams
): Promise< void > {
	const p = await oauthParams( req, query );
	const value = p.get( 'token' );
	if ( ! value ) {
		throw new OAuthError(
			'invalid_request',
			'Missing required parameter: token'
		).toHttp();
	}
	const refresh = svc.state.findRefreshToken( value );
	const access = svc.state.liveAccessToken( value );
	const grant = refresh
		? svc.state.grantOf( refresh )
		: access && svc.state.grantOf( access );
	if (
		! grant ||
		grant.revokedAt !== null ||
		( refresh && svc.state.refreshTokenExpired( refresh ) )
	) {
		throw new GoogleHttpError(
			400,
			{
				error: 'invalid_token',
				error_description: 'Token expired or revoked',
			},
			OAUTH_JSON
		);
	}
	svc.state.revokeGrant( grant );
	sendGoogleJson( res, 200, {}, { contentType: OAUTH_JSON } );
}
