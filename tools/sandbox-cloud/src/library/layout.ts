import type { ExifFields } from '../shared/exif';
import { exifDate } from '../shared/exif';
import { clientFolders } from './layout-clients';
import { collections } from './layout-collections';
import { DAY, FOLDERS, type Plan, type PlanItem } from './layout-common';
import type { PhotoSources } from './photo-sources';

export { FOLDERS, type PlanItem } from './layout-common';

/**
 * The library's main tree (everything but the /Scale folders).
 */
export function mainPlan( src: PhotoSources ): PlanItem[] {
	const items: PlanItem[] = [];
	const plan: Plan = {
		items,
		src,
		n: ( i ) => src.nature[ i % src.nature.length ]!,
		s: ( i ) => src.scenes[ i % src.scenes.length ]!,
		photo: ( path, source, taken, camera, extra = {}, role ) => {
			const exif: ExifFields = {
				...camera,
				dateTimeOriginal: exifDate( taken ),
				...extra.exif,
			};
			items.push( {
				path,
				recipe: { kind: 'jpeg', source, ...extra, exif },
				taken,
				mtime: taken + 2 * DAY,
				role,
			} );
		},
	};
	for ( const folder of Object.values( FOLDERS ) ) {
		items.push( {
			path: folder,
			recipe: { kind: 'folder' },
			mtime: Date.UTC( 2026, 0, 5 ),
		} );
	}
	clientFolders( plan );
	collections( plan );
	return items;
}
