import { join } from 'node:path';

import type { LibraryChanges } from '../library/changes';
import type { Clock } from '../shared/clock';
import type { FaultRegistry, RequestCounter } from '../shared/faults';
import type { Handler } from '../shared/http-server';
import { PagePlan } from '../shared/page-plan';
import { validateApp } from './apps';
import { ContentHashes } from './files/content-hash';
import { IdMap } from './files/id-map';
import { Library } from './files/library';
import { FolderLister } from './files/list-folder';
import { MediaInfo } from './files/media-info';
import { MetadataService } from './files/metadata';
import { RevisionStore } from './files/revisions';
import { Thumbnailer } from './files/thumbnails';
import { dropboxHosts } from './hosts';
import type { DropboxServices, DropboxUrls } from './services';
import { DropboxState } from './state';
import type { SandboxApp } from './types';
import { Webhooks } from './webhooks';

export interface DropboxProviderOptions {
	dataDir: string;
	libraryDir: string;
	secret: string;
	clock: Clock;
	faults: FaultRegistry;
	counter: RequestCounter;
	urls: DropboxUrls;
	tokenLifetimeSeconds: number;
	/** Where control-API changes happen; the revision store watches it. */
	changes: LibraryChanges;
	log: ( line: string ) => void;
}

export interface DropboxProvider {
	services: DropboxServices;
	hosts: ReturnType< typeof dropboxHosts >;
	registerApp: ( app: Partial< SandboxApp > & { key: string } ) => SandboxApp;
	webhooks: Webhooks;
	flush: () => void;
}

/**
 * Wires the Dropbox sandbox: state under `<dataDir>/dropbox`, thumbnails under `<dataDir>/cache`.
 */
export function createDropbox( opts: DropboxProviderOptions ): DropboxProvider {
	const stateDir = join( opts.dataDir, 'dropbox' );
	const ids = new IdMap( stateDir, opts.secret );
	const library = new Library( opts.libraryDir, ids );
	const media = new MediaInfo();
	const meta = new MetadataService(
		library,
		new ContentHashes(),
		media,
		join( stateDir, 'revs.json' )
	);
	const pages = new PagePlan();
	const revisions = new RevisionStore(
		join( stateDir, 'revisions' ),
		library,
		meta
	);
	opts.changes.observe( revisions );
	opts.changes.observe( {
		after: async ( change ) => {
			if ( change.kind !== 'added' ) {
				ids.release( change.path );
			}
		},
	} );
	const services: DropboxServices = {
		state: new DropboxState(
			stateDir,
			opts.clock,
			opts.tokenLifetimeSeconds
		),
		clock: opts.clock,
		library,
		meta,
		revisions,
		lister: new FolderLister( meta, opts.secret, pages ),
		pages,
		thumbs: new Thumbnailer(
			join( opts.dataDir, 'cache', 'dropbox-thumbnails' ),
			media
		),
		faults: opts.faults,
		counter: opts.counter,
		urls: opts.urls,
		log: opts.log,
	};
	// After the revision store and the id map have seen the change, so a
	// site that lists at once on the notification sees the new file.
	const webhooks = new Webhooks( services.state );
	opts.changes.observe( webhooks );
	const hosts: Record< string, Handler > = dropboxHosts(
		services,
		opts.secret,
		opts.libraryDir
	);
	return {
		services,
		hosts: hosts as ReturnType< typeof dropboxHosts >,
		registerApp( input ) {
			const app = validateApp(
				input,
				services.state.getApp( input.key )
			);
			services.state.putApp( app );
			webhooks.forget( app.key );
			return app;
		},
		webhooks,
		flush: () => {
			ids.flush();
			meta.flush();
		},
	};
}
