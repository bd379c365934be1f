import { join } from 'node:path';

import type { Clock } from '../shared/clock';
import type { FaultRegistry, RequestCounter } from '../shared/faults';
import { PagePlan } from '../shared/page-plan';
import { CloudConsole } from './console';
import type { LibraryChanges } from '../library/changes';
import { DriveChangeLog } from './drive/changes';
import { FileFacts } from './drive/file-facts';
import { PageTokens } from './drive/page-token';
import { DriveThumbnails, ThumbnailLinks } from './drive/thumbnails';
import { DriveTree } from './drive/tree';
import { googleHosts } from './hosts';
import type { GoogleServices, GoogleUrls } from './services';
import { GoogleState } from './state';
import type { GoogleClient, GoogleClientInput } from './types';

export interface GoogleProviderOptions {
	dataDir: string;
	libraryDir: string;
	secret: string;
	clock: Clock;
	faults: FaultRegistry;
	counter: RequestCounter;
	urls: GoogleUrls;
	/** Library changes made through the control API, which changes.list reports. */
	changes: LibraryChanges;
	log: ( line: string ) => void;
}

export interface GoogleProvider {
	services: GoogleServices;
	hosts: ReturnType< typeof googleHosts >;
	/**
	 * Registers a client (no clientId: new credentials are generated) or
	 * updates one; fields not given keep their value.
	 */
	registerClient: ( input: GoogleClientInput ) => GoogleClient;
}

/**
 * Wires the Google sandbox: state under `<dataDir>/google`, thumbnails under `<dataDir>/cache`.
 */
export function createGoogle( opts: GoogleProviderOptions ): GoogleProvider {
	const dir = join( opts.dataDir, 'google' );
	const clients = new CloudConsole( dir );
	const changes = new DriveChangeLog( dir, opts.libraryDir, opts.clock );
	opts.changes.observe( changes );
	const services: GoogleServices = {
		clients,
		state: new GoogleState( dir, opts.clock ),
		clock: opts.clock,
		tree: new DriveTree( opts.libraryDir ),
		changes,
		facts: new FileFacts(),
		links: new ThumbnailLinks(
			opts.secret,
			opts.clock,
			opts.urls.thumbBase
		),
		thumbs: new DriveThumbnails(
			join( opts.dataDir, 'cache', 'google-thumbnails' )
		),
		pageTokens: new PageTokens( opts.secret ),
		pages: new PagePlan(),
		secret: opts.secret,
		faults: opts.faults,
		counter: opts.counter,
		urls: opts.urls,
		log: opts.log,
	};
	return {
		services,
		hosts: googleHosts( services ),
		registerClient: ( input ) => clients.register( input ),
	};
}
