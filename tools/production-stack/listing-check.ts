/**
 * Issue #14: the thumbnail cache folder denies listings where Apache reads
 * its .htaccess, without breaking what the folder is for. On an Apache
 * that lists folders (Debian's default `Options Indexes`), with
 * AllowOverride All and with only FileInfo (the least WordPress's own
 * .htaccess needs; a directive it does not allow would be a 500):
 * - a cache folder without its index.php is not listed (403), and the
 *   folders with one show no token either;
 * - a folder elsewhere under uploads is listed (else the above proves
 *   nothing);
 * - a cached .jpg is sent by Apache alone, `immutable`;
 * - a missing .jpg still reaches WordPress (X-Powered-By) and the plugin
 *   answers it (404: no listing holds the made-up photo), and the
 *   plugin's own self-check of that path (a missing file under the cache
 *   folder answered by the plugin, written, then served as a static file)
 *   passes.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { runPhp } from '../local-wordpress/php-cli';
import type { StackSite } from './site';

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Prepared {
	check: { ok: boolean; static?: boolean; detail?: string };
	cached: { url: string | null; file: string };
	missing: { url: string | null; file: string };
	uploads: { dir: string; url: string };
}

/** Two thumbnails written as the plugin does; the second one's file deleted again. */
const PREPARE = `
use CustomerCloudGallery\\Images\\ImageRef;
use CustomerCloudGallery\\Plugin;
$services = Plugin::services();
$check    = $services->fallback_probe()->run();
$image    = imagecreatetruecolor( 64, 48 );
imagefilledrectangle( $image, 0, 0, 63, 47, imagecolorallocate( $image, 200, 120, 40 ) );
ob_start();
imagejpeg( $image );
$jpeg  = ob_get_clean();
$cache = $services->thumbnail_cache();
$out   = array( 'check' => $check );
foreach ( array( 'cached' => 'id:hostingListingCheckA', 'missing' => 'id:hostingListingCheckB' ) as $kind => $id ) {
	$ref = new ImageRef( 'dropbox', $id, '0123456789abcdef', 'w640h480' );
	$out[ $kind ] = array( 'url' => $services->image_urls()->url( $ref ), 'file' => $cache->write( $ref, $jpeg ) );
}
unlink( $out['missing']['file'] );
$uploads        = wp_upload_dir( null, false );
$out['uploads'] = array( 'dir' => $uploads['basedir'], 'url' => $uploads['baseurl'] );
echo wp_json_encode( $out );
`;

async function get( url: string ) {
	const response = await fetch( url, { redirect: 'manual' } );
	return { response, body: await response.text() };
}

export async function cacheFolderNotListed(
	site: StackSite,
	label: string
): Promise< boolean > {
	const failures: string[] = [];
	const expect = ( ok: boolean, message: string ) => {
		if ( ! ok ) {
			failures.push( message );
		}
	};
	const prepared = JSON.parse(
		( await runPhp( site, PREPARE ) ).trim()
	) as Prepared;
	const { cached, missing, uploads } = prepared;
	if (
		! prepared.check.ok ||
		! cached.url?.startsWith( `${ uploads.url }/customer-cloud-gallery/i/` )
	) {
		console.error(
			`FAILED [${ label }]: the static-URL self-check failed, so nothing below can be checked (${ JSON.stringify(
				prepared.check
			) })`
		);
		return false;
	}
	const token = path.basename( cached.file, '.jpg' );
	const shardDir = path.dirname( cached.file );
	const shardUrl = cached.url.slice( 0, cached.url.lastIndexOf( '/' ) + 1 );

	const control = path.join( uploads.dir, 'ccg-listing-control' );
	await mkdir( control, { recursive: true } );
	await writeFile( path.join( control, 'listed.txt' ), 'listed' );
	try {
		const listed = await get( `${ uploads.url }/ccg-listing-control/` );
		console.log(
			`[${ label }] control folder → ${ listed.response.status }`
		);
		expect(
			listed.response.status === 200 &&
				listed.body.includes( 'listed.txt' ),
			`a folder elsewhere under uploads is listed (Indexes on), got ${ listed.response.status }`
		);
	} finally {
		await rm( control, { recursive: true, force: true } );
	}

	// A folder without its index.php: only the .htaccess stands in the way.
	await rm( path.join( shardDir, 'index.php' ), { force: true } );
	for ( const url of [
		shardUrl,
		shardUrl.slice( 0, -1 ),
		shardUrl.replace( /[^/]+\/$/, '' ),
		shardUrl.replace( /i\/[^/]+\/$/, '' ),
	] ) {
		const { response, body } = await get( url );
		console.log( `[${ label }] GET ${ url } → ${ response.status }` );
		expect(
			! body.includes( token ) && ! body.includes( 'Index of' ),
			`no listing at ${ url } (status ${ response.status })`
		);
		expect(
			response.status !== 500,
			`no 500 at ${ url }: the .htaccess holds nothing the host forbids`
		);
	}
	const bare = await get( shardUrl );
	expect(
		bare.response.status === 403,
		`403 for the folder without index.php, got ${ bare.response.status }`
	);

	const file = await fetch( cached.url );
	const bytes = Buffer.from( await file.arrayBuffer() );
	console.log( `[${ label }] cached .jpg → ${ file.status }` );
	expect(
		file.status === 200 && bytes[ 0 ] === 0xff && bytes[ 1 ] === 0xd8,
		`the cached .jpg is served, got ${ file.status }`
	);
	expect(
		file.headers.get( 'cache-control' ) === IMMUTABLE,
		`Cache-Control: ${ IMMUTABLE }, got ${ file.headers.get(
			'cache-control'
		) }`
	);
	expect(
		! file.headers.has( 'x-powered-by' ),
		'the cached .jpg comes from Apache alone'
	);

	const gone = await get( missing.url ?? '' );
	console.log(
		`[${ label }] missing .jpg → ${ gone.response.status }, ${ gone.response.headers.get(
			'content-type'
		) }, X-Powered-By: ${ gone.response.headers.get( 'x-powered-by' ) }`
	);
	// The plugin answers it (through WordPress): a 404 of its own, plain
	// text, since no listing holds that made-up photo; a theme's 404 page
	// would be HTML, and Apache's own would come without PHP.
	expect(
		gone.response.headers.has( 'x-powered-by' ) &&
			gone.response.status === 404 &&
			( gone.response.headers.get( 'content-type' ) ?? '' ).startsWith(
				'text/plain'
			),
		`a missing .jpg reaches WordPress, got ${ gone.response.status }`
	);
	expect(
		prepared.check.ok === true && prepared.check.static === true,
		`the plugin's self-check: a missing file is rebuilt, then served statically (${ JSON.stringify(
			prepared.check
		) })`
	);

	for ( const failure of failures ) {
		console.error( `FAILED [${ label }]: ${ failure }` );
	}
	return failures.length === 0;
}
