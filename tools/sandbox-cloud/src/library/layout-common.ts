import type { ExifFields } from '../shared/exif';
import type { PhotoSources, SourcePhoto } from './photo-sources';
import type { Recipe } from './recipes';

/** One file or folder of the sample library, by its Dropbox path. */
export interface PlanItem {
	path: string;
	recipe: Recipe;
	/** When the photo was taken (EXIF DateTimeOriginal), if it has one. */
	taken?: number;
	/** File modification time = Dropbox client_modified. */
	mtime: number;
	/** Manifest key under which tests find this item. */
	role?: string;
}

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

/** The library's well-known folders, by manifest key. */
export const FOLDERS = {
	clients: '/Clients',
	smithWedding: '/Clients/Smith Wedding 2026',
	ceremony: '/Clients/Smith Wedding 2026/Ceremony',
	reception: '/Clients/Smith Wedding 2026/Reception',
	muellerFamily: '/Clients/Müller Familie',
	muellerSummer: '/Clients/Müller Familie/Sommer am See',
	portfolio: '/Portfolio',
	nature: '/Portfolio/Nature',
	landscapes: '/Portfolio/Landscapes',
	wildlife: '/Portfolio/Wildlife',
	favourites: '/📷 Favourites',
	edgeCases: '/Edge Cases',
	xssFolder: '/Edge Cases/<script>alert(1)<',
	emptyFolder: '/Edge Cases/Empty folder',
	appFolderCustomerGallery: '/Apps/Customer Gallery',
	appFolderSample: '/Apps/Customer Gallery/Sample Gallery',
} as const;

/** Shorthands the layout sections share. */
export interface Plan {
	items: PlanItem[];
	src: PhotoSources;
	/** The i-th nature photo / scene (wrapping around). */
	n: ( i: number ) => SourcePhoto;
	s: ( i: number ) => SourcePhoto;
	/** Adds a JPEG with EXIF (date taken, camera), uploaded two days later. */
	photo: (
		path: string,
		source: SourcePhoto,
		taken: number,
		camera: Pick< ExifFields, 'make' | 'model' >,
		extra?: Partial< Extract< Recipe, { kind: 'jpeg' } > >,
		role?: string
	) => void;
}

export const CANON = { make: 'Canon', model: 'Canon EOS R6' };
export const FUJI = { make: 'FUJIFILM', model: 'X-T4' };
