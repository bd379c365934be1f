import type { Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { corpusOf, inCorpus } from '../drive/corpus';
import { parseFields, project, subSelection } from '../drive/fields';
import {
	comparator,
	parseOrderBy,
	type SortFacts,
	sortNeedsStats,
} from '../drive/order';
import { PageTokens } from '../drive/page-token';
import { DriveQuery } from '../drive/query';
import {
	defaultFile,
	fileResource,
	resourceContext,
	timesOf,
} from '../drive/resource';
import { FILE_LIST } from '../drive/schema';
import type { DriveItem } from '../drive/item';
import type { GoogleServices } from '../services';
import { driveError, invalidValue } from '../wire/errors';
import { intParam, pretty } from '../wire/params';
import { sendGoogleJson } from '../wire/respond';
import { authenticate } from './api-auth';

async function withStats(
	svc: GoogleServices,
	items: DriveItem[]
): Promise< Array< { item: DriveItem; stat: Stats | null } > > {
	const stats = await Promise.all(
		items.map( ( i ) => svc.tree.statOf( i ) )
	);
	// Items with a source that is gone from disk (deleted since listed) are gone from Drive too.
	return items
		.map( ( item, i ) => ( { item, stat: stats[ i ] ?? null } ) )
		.filter( ( { item, stat } ) => item.source === null || stat !== null );
}

/**
 * `GET /drive/v3/files` (files.list, contract B3).
 */
export async function listFiles(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams
): Promise< void > {
	const caller = authenticate( svc, req, q, 'appFiles' );
	const selection = parseFields( q.get( 'fields' ), FILE_LIST );
	const pageSize = intParam( q, 'pageSize', {
		min: 1,
		max: 1000,
		fallback: 100,
		coerce: true,
	} );
	const query = DriveQuery.parse( q.get( 'q' ), svc.tree.rootId );
	const order = parseOrderBy( q.get( 'orderBy' ) );
	if ( order.length && query.usesFullText ) {
		throw driveError(
			400,
			'badRequest',
			'Sorting is not supported for queries with fullText terms. Results are always in descending relevance order.',
			{ location: 'orderBy' }
		);
	}
	const corpus = corpusOf( svc, q );
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
	const queryKey = PageTokens.queryKey( [
		q.get( 'q' ),
		q.get( 'orderBy' ),
		corpus,
		spaces,
	] );
	const pageToken = q.get( 'pageToken' );
	const position =
		pageToken === null || pageToken === ''
			? { offset: 0, page: 0 }
			: svc.pageTokens.decode( pageToken, queryKey );
	if ( position === null ) {
		throw invalidValue( 'pageToken' );
	}
	const { offset } = position;
	// Partial and empty pages before the end, as Drive documents for pageSize.
	const size = svc.pages.size(
		`${ queryKey }|${ offset }`,
		position.page,
		pageSize
	);

	const parent = query.parent;
	let candidates: DriveItem[] = [];
	// drive.file tokens see only what the app created, and the sandbox app created nothing.
	if ( caller.access !== 'appFiles' && spaces.includes( 'drive' ) ) {
		candidates = parent
			? await svc.tree.children( parent )
			: await svc.tree.all();
	}
	candidates = candidates.filter( ( item ) =>
		inCorpus( item, corpus, parent !== null )
	);
	const needStats = query.usesTimes || sortNeedsStats( order );
	const rows = needStats
		? await withStats( svc, candidates )
		: candidates.map( ( item ) => ( {
				item,
				stat: null as Stats | null,
			} ) );
	const facts = rows.map( ( { item, stat } ) => ( {
		item,
		stat,
		times: needStats ? timesOf( item, stat ) : null,
	} ) );
	const matching = facts.filter( ( { item, times } ) =>
		query.matches( {
			name: item.name,
			mimeType: item.mimeType,
			trashed: item.trashed,
			parentId: item.parentId,
			mine: item.driveId === null,
			modifiedTime: times?.modifiedTime,
			createdTime: times?.createdTime,
		} )
	);
	const sortFacts = ( f: ( typeof matching )[ number ] ): SortFacts => ( {
		id: f.item.id,
		name: f.item.name,
		isFolder: f.item.kind === 'folder',
		modifiedTime: f.times?.modifiedTime ?? 0,
		createdTime: f.times?.createdTime ?? 0,
		size: f.times?.size ?? 0,
	} );
	const compare = comparator( order );
	matching.sort( ( a, b ) => compare( sortFacts( a ), sortFacts( b ) ) );
	const page = matching.slice( offset, offset + size );
	const fileSelection = selection ? subSelection( selection, 'files' ) : null;
	const files = await Promise.all(
		page.map( async ( { item, stat } ) => {
			if ( ! fileSelection ) {
				return defaultFile( item );
			}
			const current = stat ?? ( await svc.tree.statOf( item ) );
			return fileResource(
				resourceContext( svc, caller.access ),
				item,
				current,
				fileSelection
			);
		} )
	);
	const more = offset + size < matching.length;
	const body: Record< string, unknown > = {
		kind: 'drive#fileList',
		...( more
			? {
					nextPageToken: svc.pageTokens.encode(
						queryKey,
						offset + size,
						position.page + 1
					),
				}
			: {} ),
		incompleteSearch: false,
		files,
	};
	sendGoogleJson( res, 200, selection ? project( body, selection ) : body, {
		pretty: pretty( q ),
	} );
}
