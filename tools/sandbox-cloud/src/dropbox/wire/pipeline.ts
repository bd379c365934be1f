import type { IncomingMessage, ServerResponse } from 'node:http';

import { header, readBody } from '../../shared/http-server';
import type { DropboxServices } from '../services';
import { ArgError, parseArg } from './args';
import { authError, badRequest, commonHeaders } from './errors';
import { dbxJson } from './json';
import type { Reply, RouteSpec } from './route';
import { sendFile } from '../../shared/send-file';

const RPC_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'text/plain; charset=dropbox-cors-hack',
];
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=-]{8,}$/;

function quoteList( types: string[] ): string {
	return types.map( ( t ) => `"${ t }"` ).join( ', ' );
}

async function authenticate(
	svc: DropboxServices,
	route: RouteSpec,
	req: IncomingMessage,
	query: URLSearchParams
) {
	const value =
		header( req, 'authorization' ) ??
		query.get( 'authorization' ) ??
		undefined;
	if ( value === undefined || value.trim() === '' ) {
		throw badRequest(
			route.name,
			'Must provide HTTP header "Authorization" or URL parameter "authorization".'
		);
	}
	if ( /^basic\s/i.test( value ) && route.appAuth ) {
		throw badRequest(
			route.name,
			'App authentication (HTTP Basic) is only meaningful with a shared link, which the sandbox does not serve. Use "Bearer <oauth2-access-token>".'
		);
	}
	const match = /^Bearer\s+(\S+)\s*$/i.exec( value );
	if ( ! match ) {
		const shown = value.length > 40 ? `${ value.slice( 0, 40 ) }…` : value;
		throw badRequest(
			route.name,
			`Invalid authorization value in HTTP header "Authorization": "${ shown }". Expecting "Bearer <oauth2-access-token>".`
		);
	}
	const raw = match[ 1 ]!;
	if ( ! TOKEN_CHARS.test( raw ) ) {
		throw badRequest(
			route.name,
			'The given OAuth 2 access token is malformed.'
		);
	}
	const token = svc.state.findAccessToken( raw );
	const grant = token && svc.state.grantOf( token );
	if ( ! token || ! grant || grant.revokedAt !== null ) {
		throw authError( 'invalid_access_token' );
	}
	if ( token.expiresAt <= svc.clock.now() ) {
		throw authError( 'expired_access_token' );
	}
	if ( route.scope && ! token.scopes.includes( route.scope ) ) {
		throw authError( 'missing_scope', { required_scope: route.scope } );
	}
	return { token, grant };
}

async function argument(
	route: RouteSpec,
	req: IncomingMessage,
	query: URLSearchParams
): Promise< Record< string, unknown > > {
	const contentType = ( header( req, 'content-type' ) ?? '' ).trim();
	const body = await readBody( req );
	try {
		if ( route.style === 'rpc' ) {
			if ( contentType === '' && body.length === 0 ) {
				if ( route.arg === 'void' ) {
					return {};
				}
				throw new ArgError(
					'request body: could not decode input as JSON'
				);
			}
			if ( ! RPC_TYPES.includes( contentType.toLowerCase() ) ) {
				throw new ArgError(
					`Bad HTTP "Content-Type" header: "${ contentType }".  Expecting one of ${ quoteList( RPC_TYPES ) }.`
				);
			}
			return parseArg(
				body.toString( 'utf8' ),
				route.arg,
				'request body: '
			);
		}
		// Download-style routes refuse any non-empty Content-Type, whatever
		// it names (contract A1; the official SDK sends none).
		if ( contentType !== '' ) {
			throw new ArgError(
				`You provided a non-empty HTTP "Content-Type" header ("${ contentType }").  This API function requires that the header be missing or empty.`
			);
		}
		if ( body.length > 0 ) {
			throw new ArgError(
				'The request body is supposed to be empty, but it isn\'t; got "' +
					body.subarray( 0, 20 ).toString( 'latin1' ) +
					'"'
			);
		}
		const fromHeader = header( req, 'dropbox-api-arg' );
		if ( fromHeader !== undefined ) {
			// Header values must be ASCII; clients escape the rest as \uXXXX.
			if ( /[^\x00-\x7f]/.test( fromHeader ) ) {
				throw new ArgError(
					'HTTP header "Dropbox-API-Arg": could not decode input as JSON'
				);
			}
			return parseArg(
				fromHeader,
				route.arg,
				'HTTP header "Dropbox-API-Arg": '
			);
		}
		const fromQuery = query.get( 'arg' );
		if ( fromQuery !== null ) {
			return parseArg( fromQuery, route.arg, 'URL parameter "arg": ' );
		}
		throw new ArgError(
			'Must provide HTTP header "Dropbox-API-Arg" or URL parameter "arg".'
		);
	} catch ( error ) {
		if ( error instanceof ArgError ) {
			throw badRequest( route.name, error.message );
		}
		throw error;
	}
}

/**
 * Runs one `/2/` call: method, auth, scope, arguments, handler, response.
 */
export async function callRoute(
	svc: DropboxServices,
	route: RouteSpec,
	req: IncomingMessage,
	res: ServerResponse,
	query: URLSearchParams
): Promise< void > {
	const allowed = route.style === 'download' ? [ 'POST', 'GET' ] : [ 'POST' ];
	if ( ! allowed.includes( req.method ?? '' ) ) {
		throw badRequest(
			route.name,
			`Unsupported HTTP method "${ req.method }"; use ${ allowed.join( ' or ' ) }.`
		);
	}
	const { token, grant } = await authenticate( svc, route, req, query );
	const arg = await argument( route, req, query );
	const root = grant.appFolder ?? '';
	const reply = await route.handle( {
		req,
		res,
		arg,
		token,
		grant,
		app: svc.state.getApp( grant.appKey ),
		root,
	} );
	await send( req, res, reply );
}

async function send(
	req: IncomingMessage,
	res: ServerResponse,
	reply: Reply
): Promise< void > {
	const headers = commonHeaders();
	if ( reply.kind === 'json' ) {
		const body = Buffer.from( dbxJson( reply.body ), 'utf8' );
		res.writeHead( 200, {
			...headers,
			'Content-Type': 'application/json',
			'Content-Length': String( body.length ),
		} );
		res.end( body );
		return;
	}
	const download = {
		...headers,
		'Content-Type': 'application/octet-stream',
		'Dropbox-API-Result': dbxJson( reply.result ),
		'X-Robots-Tag': 'noindex, nofollow, noimageindex',
	};
	if ( reply.kind === 'bytes' ) {
		res.writeHead( 200, {
			...download,
			'Content-Length': String( reply.data.length ),
		} );
		res.end( reply.data );
		return;
	}
	await sendFile(
		req,
		res,
		reply.node.abs,
		reply.node.stat.size,
		`W/"${ reply.rev }"`,
		download
	);
}
