import { CANON, DAY, FOLDERS, FUJI, HOUR, type Plan } from './layout-common';

/**
 * Client shoots (a wedding, a family) and the app folder of "Customer Gallery".
 */
export function clientFolders( plan: Plan ): void {
	const { items, photo, n, s } = plan;
	const wedding = Date.UTC( 2026, 4, 16, 14, 0, 0 );
	photo( `${ FOLDERS.ceremony }/IMG_4101.jpg`, s( 0 ), wedding, CANON );
	photo(
		`${ FOLDERS.ceremony }/IMG_4102.jpg`,
		s( 1 ),
		wedding + 7 * 60e3,
		CANON
	);
	photo(
		`${ FOLDERS.ceremony }/IMG_4103.jpg`,
		s( 2 ),
		wedding + 12 * 60e3,
		CANON
	);
	photo(
		`${ FOLDERS.ceremony }/IMG_4104 portrait.jpg`,
		n( 6 ),
		wedding + 15 * 60e3,
		CANON,
		{ transform: 'portrait' },
		'portraitCrop'
	);
	photo(
		`${ FOLDERS.ceremony }/IMG_4105.jpg`,
		s( 3 ),
		wedding + 21 * 60e3,
		CANON,
		{ transform: 'orientation-6' },
		'rotatedOrientation6'
	);
	photo(
		`${ FOLDERS.ceremony }/IMG_4106.jpg`,
		s( 4 ),
		wedding + 30 * 60e3,
		CANON
	);
	const party = wedding + 4.5 * HOUR;
	photo( `${ FOLDERS.reception }/IMG_4201.jpg`, s( 5 ), party, CANON );
	photo(
		`${ FOLDERS.reception }/IMG_4202.jpg`,
		s( 6 ),
		party + 25 * 60e3,
		CANON
	);
	photo(
		`${ FOLDERS.reception }/IMG_4203.jpg`,
		s( 7 ),
		party + 50 * 60e3,
		CANON
	);
	items.push( {
		path: `${ FOLDERS.reception }/First dance.webp`,
		recipe: { kind: 'webp', source: s( 8 ), width: 1600 },
		mtime: party + DAY,
		role: 'webp',
	} );
	items.push( {
		path: `${ FOLDERS.smithWedding }/Running order.txt`,
		recipe: {
			kind: 'txt',
			text: 'Smith wedding, 16 May 2026\n14:00 Ceremony\n18:30 Reception\n',
		},
		mtime: wedding - 30 * DAY,
		role: 'txt',
	} );

	const summer = Date.UTC( 2025, 6, 20, 10, 15, 0 );
	const lake = { gps: { latitude: 47.6603, longitude: 9.1758 } };
	photo(
		`${ FOLDERS.muellerSummer }/Großeltern am Ufer.jpg`,
		n( 2 ),
		summer,
		FUJI,
		{ exif: lake },
		'gps'
	);
	photo(
		`${ FOLDERS.muellerSummer }/Kinder im Garten.jpg`,
		n( 4 ),
		summer + 2 * HOUR,
		FUJI
	);
	photo(
		`${ FOLDERS.muellerSummer }/Frühstück.jpg`,
		n( 9 ),
		summer - 2 * HOUR,
		FUJI
	);
	items.push( {
		path: `${ FOLDERS.muellerFamily }/Übersicht der Galerie.png`,
		recipe: { kind: 'png', source: s( 9 ), width: 1200 },
		mtime: summer + 3 * DAY,
		role: 'png',
	} );
	items.push( {
		path: `${ FOLDERS.muellerFamily }/Vertrag.pdf`,
		recipe: {
			kind: 'pdf',
			title: 'Fotovertrag Familie Mueller',
			lines: [
				'Shooting: Sommer am See, 20.07.2025',
				'Lieferung: Online-Galerie',
			],
		},
		mtime: summer - 20 * DAY,
		role: 'pdf',
	} );

	const welcome = Date.UTC( 2026, 0, 10, 9, 0 );
	photo(
		`${ FOLDERS.appFolderCustomerGallery }/Welcome.jpg`,
		s( 0 ),
		welcome,
		FUJI,
		{},
		'appFolderPhoto'
	);
	photo(
		`${ FOLDERS.appFolderSample }/Sample 1.jpg`,
		n( 0 ),
		welcome + HOUR,
		FUJI
	);
	photo(
		`${ FOLDERS.appFolderSample }/Sample 2.jpg`,
		n( 6 ),
		welcome + 2 * HOUR,
		FUJI
	);
}
