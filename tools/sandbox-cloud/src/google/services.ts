import type { Clock } from '../shared/clock';
import type { FaultRegistry, RequestCounter } from '../shared/faults';
import type { PagePlan } from '../shared/page-plan';
import type { DriveChangeLog } from './drive/changes';
import type { FileFacts } from './drive/file-facts';
import type { PageTokens } from './drive/page-token';
import type { DriveThumbnails, ThumbnailLinks } from './drive/thumbnails';
import type { DriveTree } from './drive/tree';
import type { CloudConsole } from './console';
import type { GoogleState } from './state';

/** Base URLs of the sandbox's Google hosts (all on localhost). */
export interface GoogleUrls {
	/** accounts.google.com role: `/o/oauth2/v2/auth` (consent page). */
	authBase: string;
	/** oauth2.googleapis.com role: `POST /token`, `POST /revoke`. */
	tokenBase: string;
	/** www.googleapis.com role: `/drive/v3/…`. */
	apiBase: string;
	/** lh3.googleusercontent.com role: the URLs `thumbnailLink` gives (and icons). */
	thumbBase: string;
}

/** Everything the Google hosts share. */
export interface GoogleServices {
	/** OAuth clients (the Cloud Console). */
	clients: CloudConsole;
	/** Grants, tokens and codes. */
	state: GoogleState;
	clock: Clock;
	tree: DriveTree;
	/** What changes.list reports: every change the control API made. */
	changes: DriveChangeLog;
	facts: FileFacts;
	links: ThumbnailLinks;
	thumbs: DriveThumbnails;
	pageTokens: PageTokens;
	/** How many files each files.list page holds (partial pages, control-adjustable). */
	pages: PagePlan;
	/** Signs consent forms. */
	secret: string;
	faults: FaultRegistry;
	counter: RequestCounter;
	urls: GoogleUrls;
	log: ( line: string ) => void;
}
