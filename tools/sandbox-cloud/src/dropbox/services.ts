import type { Clock } from '../shared/clock';
import type { FaultRegistry, RequestCounter } from '../shared/faults';
import type { PagePlan } from '../shared/page-plan';
import type { FolderLister } from './files/list-folder';
import type { Library } from './files/library';
import type { MetadataService } from './files/metadata';
import type { RevisionStore } from './files/revisions';
import type { Thumbnailer } from './files/thumbnails';
import type { DropboxState } from './state';

/** Base URLs of the sandbox's Dropbox hosts (all on localhost). */
export interface DropboxUrls {
	/** www.dropbox.com role: /oauth2/authorize */
	authBase: string;
	/** api.dropboxapi.com role: /oauth2/token and RPC routes */
	apiBase: string;
	/** content.dropboxapi.com role: downloads and thumbnails */
	contentBase: string;
	/** *.dl.dropboxusercontent.com role: temporary links */
	linkBase: string;
}

/** Everything the Dropbox hosts share. */
export interface DropboxServices {
	state: DropboxState;
	clock: Clock;
	library: Library;
	meta: MetadataService;
	/** Earlier revisions of files changed through the control API. */
	revisions: RevisionStore;
	lister: FolderLister;
	/** How many entries each list_folder page holds (approximate, control-adjustable). */
	pages: PagePlan;
	thumbs: Thumbnailer;
	faults: FaultRegistry;
	counter: RequestCounter;
	urls: DropboxUrls;
	log: ( line: string ) => void;
}
