/**
 * What the Drive view adds to the shared library: items only Drive has
 * (trash, Google Docs, a shortcut) and the shared drives. None of them is
 * on disk: files borrow the bytes of a library file, so the Dropbox view
 * and the generated library stay exactly as they are. With a developer's
 * own library, items whose folder or source file is missing are left out.
 */
import { FOLDERS } from '../../library/layout-common';

const T = ( y: number, m: number, d: number, h = 9 ) =>
	Date.UTC( y, m - 1, d, h, 0, 0 );

/** Google Docs Editors types (no bytes: alt=media answers fileNotDownloadable). */
export const NATIVE = {
	document: 'application/vnd.google-apps.document',
	spreadsheet: 'application/vnd.google-apps.spreadsheet',
	presentation: 'application/vnd.google-apps.presentation',
} as const;

export type ExtraSpec =
	/** A file with the bytes (and times) of a library file. */
	| { kind: 'file'; name: string; source: string; trashed?: boolean }
	/** A folder that exists only in Drive; its items (and borrowed photos) are inside it. */
	| {
			kind: 'folder';
			name: string;
			time: number;
			trashed?: boolean;
			items: ExtraSpec[];
			photos?: BorrowedPhotos;
	  }
	| { kind: 'native'; name: string; mimeType: string; time: number }
	/** A Drive shortcut to a library folder or file. */
	| { kind: 'shortcut'; name: string; target: string; time: number };

/** Drive-only items of My Drive, by the library folder they appear in. */
export const MY_DRIVE_EXTRAS: Record< string, ExtraSpec[] > = {
	[ FOLDERS.ceremony ]: [
		{
			kind: 'file',
			name: 'IMG_4100 (blurry).jpg',
			source: `${ FOLDERS.ceremony }/IMG_4102.jpg`,
			trashed: true,
		},
	],
	[ FOLDERS.reception ]: [
		{
			kind: 'file',
			name: 'IMG_4199 (duplicate).jpg',
			source: `${ FOLDERS.reception }/IMG_4201.jpg`,
			trashed: true,
		},
	],
	[ FOLDERS.smithWedding ]: [
		{
			kind: 'folder',
			name: 'Rejects',
			time: T( 2026, 5, 18 ),
			trashed: true,
			items: [
				{
					kind: 'file',
					name: 'Reject 1.jpg',
					source: `${ FOLDERS.ceremony }/IMG_4103.jpg`,
				},
				{
					kind: 'file',
					name: 'Reject 2.jpg',
					source: `${ FOLDERS.ceremony }/IMG_4106.jpg`,
				},
			],
		},
		{
			kind: 'native',
			name: 'Shot list',
			mimeType: NATIVE.document,
			time: T( 2026, 4, 2 ),
		},
	],
	[ FOLDERS.muellerFamily ]: [
		{
			kind: 'native',
			name: 'Bestellungen',
			mimeType: NATIVE.spreadsheet,
			time: T( 2025, 7, 28 ),
		},
	],
	[ FOLDERS.portfolio ]: [
		{
			kind: 'shortcut',
			name: 'Best of Nature',
			target: FOLDERS.nature,
			time: T( 2024, 12, 1 ),
		},
	],
};

/**
 * `count` photos of a library folder (its JPEGs by name), renamed: how the
 * shared drives get their photos.
 */
export interface BorrowedPhotos {
	from: string;
	count: number;
	name: ( i: number ) => string;
}

export interface SharedDriveSpec {
	name: string;
	createdTime: number;
	items: ExtraSpec[];
}

const pad = ( n: number ) => String( n ).padStart( 2, '0' );

export const SHARED_DRIVES: SharedDriveSpec[] = [
	{
		name: 'Studio Shared',
		createdTime: T( 2025, 1, 15 ),
		items: [
			{
				kind: 'folder',
				name: 'Clients',
				time: T( 2025, 1, 15 ),
				items: [
					{
						kind: 'folder',
						name: 'Anderson Engagement 2026',
						time: T( 2026, 2, 20 ),
						photos: {
							from: FOLDERS.nature,
							count: 10,
							name: ( i ) => `Anderson ${ pad( i + 1 ) }.jpg`,
						},
						items: [
							{
								kind: 'file',
								name: 'Anderson 00 (outtake).jpg',
								source: `${ FOLDERS.ceremony }/IMG_4101.jpg`,
								trashed: true,
							},
						],
					},
				],
			},
			{
				kind: 'native',
				name: 'Studio handbook',
				mimeType: NATIVE.document,
				time: T( 2025, 1, 16 ),
			},
		],
	},
	{
		name: 'Archive 2024',
		createdTime: T( 2024, 12, 31 ),
		items: [
			{
				kind: 'folder',
				name: 'Weddings 2024',
				time: T( 2024, 12, 31 ),
				photos: {
					from: FOLDERS.ceremony,
					count: 3,
					name: ( i ) => `Wedding 2024 – ${ pad( i + 1 ) }.jpg`,
				},
				items: [],
			},
		],
	},
];
