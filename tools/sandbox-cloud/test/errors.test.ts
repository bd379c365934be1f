import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
	apiArg,
	bearer,
	connect,
	jsonRequest,
	PLAIN_TEXT,
	raw,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

let t: TestSandbox;
let token: string;
let api: string;
let content: string;

before( async () => {
	t = await startTestSandbox();
	token = ( await connect( t.sandbox ) ).token.access_token as string;
	api = t.sandbox.dropbox.apiBase;
	content = t.sandbox.dropbox.contentBase;
} );
after( async () => t.stop() );

const json = ( body: unknown ) => jsonRequest( token, body );
const TEXT = PLAIN_TEXT;

function envelope(
	res: { status: number; type: string | null; text: string },
	status: number,
	prefix: string
): Record< string, unknown > {
	assert.equal( res.status, status, res.text );
	assert.equal( res.type, 'application/json' );
	const body = JSON.parse( res.text );
	assert.match(
		body.error_summary,
		new RegExp(
			`^${ prefix.replace( /[.*+?^${}()|[\]\\/]/g, '\\$&' ) }\\.{0,3}$`
		)
	);
	return body.error;
}

describe( '400: plain text, "Error in call to API function …"', () => {
	const cases: Array< [ string, string, RequestInit, RegExp ] > = [
		[
			'root as "/"',
			'/2/files/list_folder',
			{},
			/request body: path: Specify the root folder as an empty string rather than as "\/"\.$/,
		],
		[
			'bad JSON',
			'/2/files/list_folder',
			{},
			/request body: could not decode input as JSON$/,
		],
		[
			'unknown field',
			'/2/files/list_folder',
			{},
			/request body: unknown field 'foo'$/,
		],
		[
			'no leading slash',
			'/2/files/list_folder',
			{},
			/request body: path: 'Photos' did not match pattern/,
		],
		[
			'limit out of range',
			'/2/files/list_folder',
			{},
			/limit: 0 is not within range \[1, 2000\]/,
		],
		[
			'continue with an extra field',
			'/2/files/list_folder/continue',
			{},
			/request body: unknown field 'path'$/,
		],
		[
			'bad cursor',
			'/2/files/list_folder/continue',
			{},
			/^Error in call to API function "files\/list_folder\/continue": Invalid cursor$/,
		],
		[
			'get_metadata on ""',
			'/2/files/get_metadata',
			{},
			/request body: path: '' did not match pattern/,
		],
		[
			'get_metadata on "/"',
			'/2/files/get_metadata',
			{},
			/request body: path: The root folder is unsupported\.$/,
		],
	];
	const bodies: Record< string, unknown > = {
		'root as "/"': { path: '/' },
		'bad JSON': '{"path": ',
		'unknown field': { path: '', foo: 1 },
		'no leading slash': { path: 'Photos' },
		'limit out of range': { path: '', limit: 0 },
		'continue with an extra field': { cursor: 'x', path: '' },
		'bad cursor': { cursor: 'AAnot-a-real-cursor' },
		'get_metadata on ""': { path: '' },
		'get_metadata on "/"': { path: '/' },
	};
	for ( const [ name, route, , pattern ] of cases ) {
		test( name, async () => {
			const res = await raw( api, route, json( bodies[ name ] ) );
			assert.equal( res.status, 400 );
			assert.equal( res.type, TEXT );
			assert.match(
				res.text,
				new RegExp(
					`^Error in call to API function "${ route.slice( 3 ) }": `
				)
			);
			assert.match( res.text, pattern );
		} );
	}

	test( 'void routes accept no body or null; JSON content type with an empty body is a 400', async () => {
		assert.equal(
			(
				await raw( api, '/2/users/get_current_account', {
					headers: bearer( token ),
				} )
			).status,
			200
		);
		assert.equal(
			( await raw( api, '/2/users/get_current_account', json( 'null' ) ) )
				.status,
			200
		);
		const empty = await raw(
			api,
			'/2/users/get_current_account',
			json( '' )
		);
		assert.equal( empty.status, 400 );
		assert.equal( empty.type, TEXT );
		assert.equal(
			empty.text,
			'Error in call to API function "users/get_current_account": request body: could not decode input as JSON'
		);
	} );

	test( 'Authorization header problems', async () => {
		const missing = await raw( api, '/2/files/list_folder', {
			headers: { 'Content-Type': 'application/json' },
			body: '{"path": ""}',
		} );
		assert.equal( missing.status, 400 );
		assert.match(
			missing.text,
			/Must provide HTTP header "Authorization" or URL parameter "authorization"\.$/
		);
		const bare = await raw( api, '/2/files/list_folder', {
			headers: {
				Authorization: 'Bearer',
				'Content-Type': 'application/json',
			},
			body: '{"path": ""}',
		} );
		assert.equal(
			bare.text,
			'Error in call to API function "files/list_folder": Invalid authorization value in HTTP header "Authorization": "Bearer". Expecting "Bearer <oauth2-access-token>".'
		);
		const malformed = await raw( api, '/2/files/list_folder', {
			headers: {
				Authorization: 'Bearer not*a*token',
				'Content-Type': 'application/json',
			},
			body: '{"path": ""}',
		} );
		assert.equal( malformed.status, 400 );
		assert.match(
			malformed.text,
			/The given OAuth 2 access token is malformed\.$/
		);
	} );

	test( 'Dropbox-API-Arg problems', async () => {
		const bad = await raw( content, '/2/files/download', {
			headers: bearer( token, { 'Dropbox-API-Arg': '{path:' } ),
		} );
		assert.equal( bad.status, 400 );
		assert.equal( bad.type, TEXT );
		assert.equal(
			bad.text,
			'Error in call to API function "files/download": HTTP header "Dropbox-API-Arg": could not decode input as JSON'
		);
		const none = await raw( content, '/2/files/download', {
			headers: bearer( token ),
		} );
		assert.match(
			none.text,
			/Must provide HTTP header "Dropbox-API-Arg" or URL parameter "arg"\.$/
		);
		const size = await raw( content, '/2/files/get_thumbnail_v2', {
			headers: bearer( token, {
				'Dropbox-API-Arg': apiArg( {
					resource: { '.tag': 'path', path: '/a.jpg' },
					size: 'w3200h2400',
				} ),
			} ),
		} );
		assert.equal( size.status, 400 );
		assert.match( size.text, /size: unknown tag 'w3200h2400'/ );
	} );
} );

describe( '401: AuthError envelope with WWW-Authenticate', () => {
	test( 'invalid_access_token', async () => {
		const res = await raw( api, '/2/users/get_current_account', {
			headers: bearer(
				'sl.u.this-token-was-never-issued-by-the-sandbox'
			),
		} );
		assert.deepEqual( envelope( res, 401, 'invalid_access_token/' ), {
			'.tag': 'invalid_access_token',
		} );
		assert.equal(
			res.headers.get( 'www-authenticate' ),
			'Bearer realm="Dropbox-API"'
		);
	} );

	test( 'expired_access_token', async () => {
		const { token: fresh } = await connect( t.sandbox );
		await t.control.advanceTime( 14400 );
		try {
			const res = await raw( api, '/2/users/get_current_account', {
				headers: bearer( fresh.access_token as string ),
			} );
			assert.deepEqual( envelope( res, 401, 'expired_access_token/' ), {
				'.tag': 'expired_access_token',
			} );
			assert.equal(
				res.headers.get( 'www-authenticate' ),
				'Bearer realm="Dropbox-API"'
			);
		} finally {
			await t.control.advanceTime( -14400 );
		}
	} );

	test( 'missing_scope with required_scope', async () => {
		const { token: narrow } = await connect( t.sandbox, {
			scope: [ 'files.metadata.read' ],
		} );
		const res = await raw( content, '/2/files/download', {
			headers: bearer( narrow.access_token as string, {
				'Dropbox-API-Arg': apiArg( {
					path: '/Portfolio/Nature/Aqua.jpg',
				} ),
			} ),
		} );
		assert.deepEqual( envelope( res, 401, 'missing_scope/' ), {
			'.tag': 'missing_scope',
			required_scope: 'files.content.read',
		} );
		assert.equal(
			res.headers.get( 'www-authenticate' ),
			'Bearer realm="Dropbox-API"'
		);
	} );
} );

describe( '409: route errors', () => {
	test( 'path/not_found and path/malformed_path', async () => {
		assert.deepEqual(
			envelope(
				await raw(
					api,
					'/2/files/get_metadata',
					json( { path: '/nowhere/at/all.jpg' } )
				),
				409,
				'path/not_found/'
			),
			{ '.tag': 'path', path: { '.tag': 'not_found' } }
		);
		assert.deepEqual(
			envelope(
				await raw(
					api,
					'/2/files/list_folder',
					json( { path: '/Clients//Smith' } )
				),
				409,
				'path/malformed_path/'
			),
			{ '.tag': 'path', path: { '.tag': 'malformed_path' } }
		);
		assert.deepEqual(
			envelope(
				await raw(
					api,
					'/2/files/list_folder',
					json( { path: '/Portfolio/Nature/Aqua.jpg' } )
				),
				409,
				'path/not_folder/'
			),
			{ '.tag': 'path', path: { '.tag': 'not_folder' } }
		);
		assert.deepEqual(
			envelope(
				await raw( content, '/2/files/download', {
					headers: bearer( token, {
						'Dropbox-API-Arg': apiArg( { path: '/Portfolio' } ),
					} ),
				} ),
				409,
				'path/not_file/'
			),
			{ '.tag': 'path', path: { '.tag': 'not_file' } }
		);
	} );

	test( 'error_summary carries 0–3 trailing dots that vary between calls', async () => {
		const seen = new Set< string >();
		for ( let i = 0; i < 40 && seen.size < 2; i++ ) {
			seen.add(
				JSON.parse(
					(
						await raw(
							api,
							'/2/files/get_metadata',
							json( { path: '/nope' } )
						)
					).text
				).error_summary
			);
		}
		assert.ok( seen.size >= 2, [ ...seen ].join( ' ' ) );
	} );
} );
