import { exifDate } from '../shared/exif';
import { CANON, DAY, FOLDERS, FUJI, type Plan } from './layout-common';

/**
 * The portfolio, favourites with emoji/CJK names, and the edge cases.
 */
export function collections( plan: Plan ): void {
	const { items, photo, n, s, src } = plan;
	src.nature.forEach( ( p, i ) =>
		photo(
			`${ FOLDERS.nature }/${ p.title }.jpg`,
			p,
			Date.UTC( 2024, i, 3 + i, 7 + ( i % 5 ), 30 ),
			FUJI
		)
	);
	src.scenes
		.slice( 10 )
		.forEach( ( p, i ) =>
			photo(
				`${ FOLDERS.landscapes }/${ p.title }.jpg`,
				p,
				Date.UTC( 2023, 2 + i, 11, 17, 45 ),
				FUJI
			)
		);

	const safari = Date.UTC( 2023, 8, 2, 6, 40 );
	photo(
		`${ FOLDERS.wildlife }/Elephants.jpg`,
		src.elephants,
		safari,
		CANON
	);
	photo(
		`${ FOLDERS.wildlife }/Elephants 5640×3172.jpg`,
		src.elephantsLarge,
		safari + 60e3,
		CANON,
		{},
		'large16MB'
	);
	items.push( {
		path: `${ FOLDERS.wildlife }/Elephants master (over 20 MB).jpg`,
		recipe: {
			kind: 'huge-jpeg',
			source: src.elephantsLarge,
			exif: { ...CANON, dateTimeOriginal: exifDate( safari + 60e3 ) },
		},
		taken: safari + 60e3,
		mtime: safari + DAY,
		role: 'over20MB',
	} );

	const fav = Date.UTC( 2025, 10, 2, 6, 5 );
	photo(
		`${ FOLDERS.favourites }/🌅 Sunrise at the lake.jpg`,
		s( 1 ),
		fav,
		FUJI,
		{},
		'emoji'
	);
	photo(
		`${ FOLDERS.favourites }/Café – crème brûlée.jpg`,
		n( 3 ),
		fav + DAY,
		FUJI,
		{},
		'accents'
	);
	photo(
		`${ FOLDERS.favourites }/日本の庭.jpg`,
		n( 5 ),
		fav + 2 * DAY,
		FUJI,
		{},
		'cjk'
	);

	const edge = Date.UTC( 2026, 2, 14, 12, 0 );
	photo(
		`${ FOLDERS.edgeCases }/<img src=x onerror=alert(1)>.jpg`,
		n( 7 ),
		edge,
		FUJI,
		{},
		'xssImg'
	);
	// A name cannot hold "/", so the script payload spans a folder and a file: the path reads as the payload.
	photo(
		`${ FOLDERS.xssFolder }/script>.jpg`,
		n( 8 ),
		edge + 60e3,
		FUJI,
		{},
		'xssScript'
	);
	photo(
		`${ FOLDERS.edgeCases }/Tom & Jerry's "best" shot.jpg`,
		n( 10 ),
		edge + 2 * 60e3,
		FUJI,
		{},
		'ampersandQuotes'
	);
	photo(
		`${ FOLDERS.edgeCases }/photo with  two  spaces.jpg`,
		n( 11 ),
		edge + 3 * 60e3,
		FUJI,
		{},
		'spaces'
	);
	photo(
		`${ FOLDERS.edgeCases }/UPPERCASE.JPG`,
		n( 0 ),
		edge + 4 * 60e3,
		FUJI,
		{},
		'uppercaseExt'
	);
	photo(
		`${ FOLDERS.edgeCases }/No EXIF.jpg`,
		n( 1 ),
		edge,
		FUJI,
		{ transform: 'strip-exif' },
		'noExif'
	);
	photo(
		`${ FOLDERS.edgeCases }/Upside down (orientation 3).jpg`,
		n( 2 ),
		edge + 5 * 60e3,
		FUJI,
		{ transform: 'orientation-3' },
		'orientation3'
	);
	photo(
		`${ FOLDERS.edgeCases }/Sideways (orientation 8).jpg`,
		n( 3 ),
		edge + 6 * 60e3,
		FUJI,
		{ transform: 'orientation-8' },
		'orientation8'
	);
	items.push( {
		path: `${ FOLDERS.edgeCases }/IMG_2040.heic`,
		recipe: { kind: 'heic', source: n( 5 ), width: 1024 },
		mtime: edge + DAY,
		role: 'heic',
	} );
	items.push( {
		path: `${ FOLDERS.edgeCases }/readme.txt`,
		recipe: { kind: 'txt', text: 'Not a photo. Galleries skip it.\n' },
		mtime: edge,
		role: 'txt2',
	} );
	items.push( {
		path: `${ FOLDERS.edgeCases }/Brochure.pdf`,
		recipe: {
			kind: 'pdf',
			title: 'Price list 2026',
			lines: [ 'Weddings', 'Families' ],
		},
		mtime: edge,
		role: 'pdf2',
	} );
}
