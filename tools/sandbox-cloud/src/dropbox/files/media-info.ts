import sharp from 'sharp';

import { dropboxTimestamp } from '../../shared/clock';
import { parseExif, parseExifDate } from '../../shared/exif';
import type { Node } from './library';

const PHOTO_EXTENSIONS = new Set( [
	'jpg',
	'jpeg',
	'png',
	'webp',
	'gif',
	'tif',
	'tiff',
	'heic',
	'heif',
	'avif',
	'bmp',
] );

export function extensionOf( name: string ): string {
	const dot = name.lastIndexOf( '.' );
	return dot > 0 ? name.slice( dot + 1 ).toLowerCase() : '';
}

export interface PhotoFacts {
	/** As displayed: EXIF orientation applied. */
	width: number;
	height: number;
	orientation: number;
	timeTaken?: number;
	location?: { latitude: number; longitude: number };
}

/** Reads dimensions and EXIF facts of photos (header only), cached per file version. */
export class MediaInfo {
	private cache = new Map< string, Promise< PhotoFacts | null > >();

	facts( node: Node ): Promise< PhotoFacts | null > {
		if (
			node.isDir ||
			! PHOTO_EXTENSIONS.has( extensionOf( node.name ) )
		) {
			return Promise.resolve( null );
		}
		const key = `${ node.abs }|${ node.stat.ino }|${ node.stat.size }|${ node.stat.mtimeMs }`;
		let facts = this.cache.get( key );
		if ( ! facts ) {
			facts = sharp( node.abs )
				.metadata()
				.then( ( meta ) => {
					const exif = parseExif( meta.exif );
					const orientation =
						meta.orientation ?? exif.orientation ?? 1;
					const turned = orientation >= 5 && orientation <= 8;
					const width =
						meta.autoOrient?.width ??
						( turned ? meta.height : meta.width );
					const height =
						meta.autoOrient?.height ??
						( turned ? meta.width : meta.height );
					if ( ! width || ! height ) {
						return null;
					}
					const taken = parseExifDate( exif.dateTimeOriginal );
					return {
						width,
						height,
						orientation,
						...( taken !== null ? { timeTaken: taken } : {} ),
						...( exif.gps ? { location: exif.gps } : {} ),
					};
				} )
				.catch( () => null );
			this.cache.set( key, facts );
		}
		return facts;
	}

	/**
	 * The `media_info` union of FileMetadata, or undefined for non-photos.
	 */
	async mediaInfo(
		node: Node
	): Promise< Record< string, unknown > | undefined > {
		const facts = await this.facts( node );
		if ( ! facts ) {
			return undefined;
		}
		const photo: Record< string, unknown > = {
			'.tag': 'photo',
			dimensions: { height: facts.height, width: facts.width },
		};
		if ( facts.location ) {
			photo.location = {
				latitude: Math.round( facts.location.latitude * 1e6 ) / 1e6,
				longitude: Math.round( facts.location.longitude * 1e6 ) / 1e6,
			};
		}
		if ( facts.timeTaken !== undefined ) {
			photo.time_taken = dropboxTimestamp( facts.timeTaken );
		}
		return { '.tag': 'metadata', metadata: photo };
	}
}
