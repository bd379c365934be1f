import type { GoogleServices } from '../services';
import { driveError, invalidValue } from '../wire/errors';
import { boolParam } from '../wire/params';
import type { DriveItem } from './item';

const CORPORA = [ 'user', 'domain', 'drive', 'allDrives' ];

/** Which drives a files.list call searches (contract B3 and "Shared drives" in the README). */
export interface Corpus {
	corpora: string;
	driveId: string | null;
	/** supportsAllDrives and includeItemsFromAllDrives are both true. */
	sharedDrives: boolean;
}

export function corpusOf( svc: GoogleServices, q: URLSearchParams ): Corpus {
	const supports =
		boolParam( q, 'supportsAllDrives' ) ||
		boolParam( q, 'supportsTeamDrives' );
	const include =
		boolParam( q, 'includeItemsFromAllDrives' ) ||
		boolParam( q, 'includeTeamDriveItems' );
	const corpora = q.get( 'corpora' ) ?? q.get( 'corpus' ) ?? 'user';
	if ( ! CORPORA.includes( corpora ) ) {
		throw invalidValue( 'corpora', `Invalid Value` );
	}
	const driveId = q.get( 'driveId' ) ?? q.get( 'teamDriveId' );
	if ( ( corpora === 'drive' ) !== ( driveId !== null ) ) {
		throw driveError(
			400,
			'teamDriveIdRequiresTeamDriveCorpora',
			'The driveId parameter must be specified if and only if corpora is set to drive.'
		);
	}
	if ( ( corpora === 'drive' || corpora === 'allDrives' ) && ! include ) {
		throw driveError(
			403,
			'teamDriveIncludeItemsRequired',
			'The includeItemsFromAllDrives parameter must be set to true when driveId is specified or corpora contains drive or allDrives.',
			{ location: 'includeItemsFromAllDrives' }
		);
	}
	if (
		driveId !== null &&
		! svc.tree.drives.some( ( d ) => d.id === driveId )
	) {
		throw driveError(
			404,
			'notFound',
			`Shared drive not found: ${ driveId }`,
			{
				location: 'driveId',
			}
		);
	}
	return { corpora, driveId, sharedDrives: supports && include };
}

/**
 * Whether an item is in the searched corpus. Shared-drive items need both
 * shared-drive flags, and then `corpora=drive`/`allDrives`, or a parent
 * filter (Drive's corpus follows `'<id>' in parents`).
 */
export function inCorpus(
	item: DriveItem,
	corpus: Corpus,
	byParent: boolean
): boolean {
	if ( item.driveId === null ) {
		return corpus.corpora !== 'drive';
	}
	if ( ! corpus.sharedDrives ) {
		return false;
	}
	if ( corpus.corpora === 'drive' ) {
		return item.driveId === corpus.driveId;
	}
	return corpus.corpora === 'allDrives' || byParent;
}
