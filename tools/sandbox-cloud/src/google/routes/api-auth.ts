import type { IncomingMessage } from 'node:http';

import { header } from '../../shared/http-server';
import { type DriveAccess, driveAccess } from '../scopes';
import type { GoogleServices } from '../services';
import type { GoogleAccessToken, GoogleClient } from '../types';
import {
	accessNotConfigured,
	insufficientPermissions,
	invalidCredentials,
	loginRequired,
} from '../wire/errors';

export interface ApiCaller {
	token: GoogleAccessToken;
	client: GoogleClient;
	access: DriveAccess;
}

/**
 * The access token of a request: `Authorization: Bearer …`, or the
 * `access_token` / `oauth_token` query parameters (contract B2).
 */
export function bearerToken(
	req: IncomingMessage,
	query: URLSearchParams
): string | null {
	const value = header( req, 'authorization' );
	if ( value !== undefined && value.trim() !== '' ) {
		return /^Bearer\s+(\S+)\s*$/i.exec( value )?.[ 1 ] ?? '';
	}
	return query.get( 'access_token' ) ?? query.get( 'oauth_token' );
}

/**
 * Checks a Drive call's credentials in Google's order: a token at all
 * (401 required), a live token (401 authError), the Drive API enabled in the
 * client's project (403 accessNotConfigured), then the scope the route needs
 * (403 insufficientPermissions).
 */
export function authenticate(
	svc: GoogleServices,
	req: IncomingMessage,
	query: URLSearchParams,
	needs: 'appFiles' | 'metadata' | 'content'
): ApiCaller {
	const value = bearerToken( req, query );
	if ( value === null ) {
		throw loginRequired();
	}
	const token = svc.state.liveAccessToken( value );
	const client = token && svc.clients.get( token.clientId );
	if ( ! token || ! client ) {
		throw invalidCredentials();
	}
	if ( ! client.driveApiEnabled ) {
		throw accessNotConfigured( client.projectNumber );
	}
	const access = driveAccess( token.scopes );
	const rank = { none: 0, appFiles: 1, metadata: 2, content: 3 };
	if ( rank[ access ] < rank[ needs ] || access === 'none' ) {
		throw insufficientPermissions();
	}
	return { token, client, access };
}
