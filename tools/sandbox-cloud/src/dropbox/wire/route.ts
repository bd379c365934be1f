import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Node } from '../files/library';
import type { AccessToken, Grant, SandboxApp } from '../types';
import type { StructSpec } from './args';

/** What a route handler gets once auth, scope and arguments are checked. */
export interface CallContext {
	req: IncomingMessage;
	res: ServerResponse;
	arg: Record< string, unknown >;
	token: AccessToken;
	grant: Grant;
	app: SandboxApp | undefined;
	/** Library path the grant sees as its root: `""` (full Dropbox) or `/Apps/<name>`. */
	root: string;
}

export type Reply =
	/** RPC result: 200 `application/json`. */
	| { kind: 'json'; body: unknown }
	/** A file download (streams from disk; honours Range and If-None-Match). */
	| {
			kind: 'file';
			result: Record< string, unknown >;
			node: Node;
			rev: string;
	  }
	/** Rendered bytes (thumbnails) with the route result in `Dropbox-API-Result`. */
	| { kind: 'bytes'; result: Record< string, unknown >; data: Buffer };

export interface RouteSpec {
	/** `files/list_folder`: also the key for request counts and faults. */
	name: string;
	host: 'api' | 'content';
	style: 'rpc' | 'download';
	/** Scope the token must carry; null for token/revoke. */
	scope: string | null;
	/** Spec auth "app, user": HTTP Basic is allowed (but only meaningful with shared links). */
	appAuth?: boolean;
	arg: StructSpec | 'void';
	handle: ( ctx: CallContext ) => Promise< Reply >;
}
