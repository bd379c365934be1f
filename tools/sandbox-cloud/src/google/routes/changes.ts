import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ChangeEntry } from '../drive/changes';
import { parseFields, project, subSelection } from '../drive/fields';
import { defaultFile, fileResource, resourceContext } from '../drive/resource';
import { CHANGE_LIST, START_PAGE_TOKEN } from '../drive/schema';
import type { GoogleServices } from '../services';
import { driveError, invalidValue } from '../wire/errors';
import { boolParam, intParam, pretty } from '../wire/params';
import { sendGoogleJson } from '../wire/respond';
import { type ApiCaller, authenticate } from './api-auth';

/**
 * The shared drive a call names (`driveId`, or the deprecated
 * `teamDriveId`): it must exist (404 as files.list's corpus check), and the
 * log then holds none of its changes, since the control API only changes
 * My Drive's files.
 */
function driveOf( svc: GoogleServices, q: URLSearchParams ): string | null {
	const driveId = q.get( 'driveId' ) ?? q.get( 'teamDriveId' );
	if (
		driveId !== null &&
		! svc.tree.drives.some( ( d ) => d.id === driveId )
	) {
		throw driveError(
			404,
			'notFound',
			`Shared drive not found: ${ driveId }`,
			{ location: 'driveId' }
		);
	}
	return driveId;
}

/**
 * `GET /drive/v3/changes/startPageToken` (changes.getStartPageToken): the
 * number the next change will get, as a decimal string, as Drive's are.
 */
export async function getStartPageToken(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams
): Promise< void > {
	authenticate( svc, req, q, 'appFiles' );
	const selection = parseFields( q.get( 'fields' ), START_PAGE_TOKEN );
	boolParam( q, 'supportsAllDrives' );
	boolParam( q, 'supportsTeamDrives' );
	driveOf( svc, q );
	const body = {
		kind: 'drive#startPageToken',
		startPageToken: String( svc.changes.startToken ),
	};
	sendGoogleJson( res, 200, selection ? project( body, selection ) : body, {
		pretty: pretty( q ),
	} );
}

/**
 * The change number a token names; 400 `invalid` on `pageToken` for
 * anything that is not one this Drive handed out.
 */
function tokenNumber( svc: GoogleServices, q: URLSearchParams ): number {
	const token = q.get( 'pageToken' );
	if ( token === null || token === '' ) {
		throw driveError( 400, 'required', 'Required parameter: pageToken', {
			location: 'pageToken',
		} );
	}
	const n = /^[1-9]\d{0,15}$/.test( token ) ? Number( token ) : NaN;
	if ( ! ( n <= svc.changes.startToken ) ) {
		throw invalidValue( 'pageToken' );
	}
	return n;
}

/**
 * Only the newest change of each file: a change list gives a file's
 * current state, once per page run.
 */
function latest( entries: ChangeEntry[] ): ChangeEntry[] {
	const last = new Map< string, number >();
	entries.forEach( ( e ) => last.set( e.fileId, e.seq ) );
	return entries.filter( ( e ) => last.get( e.fileId ) === e.seq );
}

async function changeResource(
	svc: GoogleServices,
	caller: ApiCaller,
	entry: ChangeEntry,
	fileSelection: ReturnType< typeof subSelection > | null
): Promise< Record< string, unknown > | null > {
	const item = (
		await svc.tree.children( entry.parentId ).catch( () => [] )
	).find( ( child ) => child.id === entry.fileId );
	const stat = item ? await svc.tree.statOf( item ) : null;
	const there = item !== undefined && ( item.source === null || stat );
	const base = {
		kind: 'drive#change',
		changeType: 'file',
		time: new Date( entry.time ).toISOString(),
		removed: ! there,
		fileId: entry.fileId,
	};
	if ( ! there ) {
		return base;
	}
	return {
		...base,
		file: fileSelection
			? await fileResource(
					resourceContext( svc, caller.access ),
					item,
					stat || null,
					fileSelection
				)
			: defaultFile( item ),
	};
}

/**
 * `GET /drive/v3/changes` (changes.list): the changes from `pageToken` on,
 * oldest first, each file's newest only. Pages hold at most `pageSize`
 * (1–1000, default 100, coerced above) and, as files.list's, often fewer;
 * the last page carries `newStartPageToken` instead of `nextPageToken`.
 */
export async function listChanges(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams
): Promise< void > {
	const caller = authenticate( svc, req, q, 'appFiles' );
	const selection = parseFields( q.get( 'fields' ), CHANGE_LIST );
	const from = tokenNumber( svc, q );
	const pageSize = intParam( q, 'pageSize', {
		min: 1,
		max: 1000,
		fallback: 100,
		coerce: true,
	} );
	const includeRemoved = boolParam( q, 'includeRemoved', true );
	boolParam( q, 'restrictToMyDrive' );
	boolParam( q, 'includeCorpusRemovals' );
	for ( const flag of [
		'supportsAllDrives',
		'supportsTeamDrives',
		'includeItemsFromAllDrives',
		'includeTeamDriveItems',
	] ) {
		boolParam( q, flag );
	}
	const driveId = driveOf( svc, q );
	const spaces = ( q.get( 'spaces' ) ?? 'drive' )
		.split( ',' )
		.map( ( s ) => s.trim() );
	if (
		spaces.some(
			( s ) => ! [ 'drive', 'appDataFolder', 'photos' ].includes( s )
		)
	) {
		throw invalidValue( 'spaces' );
	}
	// drive.file sees only the app's own files (none), a shared drive's
	// changes are none of My Drive's, and appDataFolder holds nothing.
	const visible =
		caller.access !== 'appFiles' &&
		driveId === null &&
		spaces.includes( 'drive' );
	const pending = visible ? latest( svc.changes.since( from ) ) : [];
	// Partial pages, as files.list's (the service "may return fewer").
	const size = Math.max(
		1,
		svc.pages.size( `changes|${ from }`, 0, pageSize )
	);
	const fileSelection = selection
		? subSelection( subSelection( selection, 'changes' ), 'file' )
		: null;
	const changes: Array< Record< string, unknown > > = [];
	for ( const entry of pending.slice( 0, size ) ) {
		const change = await changeResource(
			svc,
			caller,
			entry,
			fileSelection
		);
		if ( change && ( includeRemoved || change.removed !== true ) ) {
			changes.push( change );
		}
	}
	const next = pending[ size ];
	const body: Record< string, unknown > = {
		kind: 'drive#changeList',
		...( next
			? { nextPageToken: String( next.seq ) }
			: { newStartPageToken: String( svc.changes.startToken ) } ),
		changes,
	};
	sendGoogleJson( res, 200, selection ? project( body, selection ) : body, {
		pretty: pretty( q ),
	} );
}
