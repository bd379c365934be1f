/**
 * The `curl -I` of issue #16, in code: a warm thumbnail URL on a stack site
 * is answered by the web server itself (no X-Powered-By, which the stack's
 * PHP-FPM sends on every PHP response), with `Cache-Control: public,
 * max-age=31536000, immutable`, and a revalidation gets a 304, also
 * without PHP. The plugin's own self-check must pass first.
 */
import { runPhp } from '../local-wordpress/php-cli';
import type { StackSite } from './site';

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Prepared {
	check: { ok: boolean; detail?: string };
	url: string | null;
}

/** Runs the self-check, then writes one thumbnail as the plugin does and returns its static URL. */
const PREPARE = `
use CustomerCloudGallery\\Images\\ImageRef;
use CustomerCloudGallery\\Plugin;
$services = Plugin::services();
$check    = $services->fallback_probe()->run();
$image    = imagecreatetruecolor( 64, 48 );
imagefilledrectangle( $image, 0, 0, 63, 47, imagecolorallocate( $image, 40, 120, 200 ) );
ob_start();
imagejpeg( $image );
$jpeg = ob_get_clean();
$ref  = new ImageRef( 'dropbox', 'id:hostingStaticCheck', '0123456789abcdef', 'w640h480' );
$services->thumbnail_cache()->write( $ref, $jpeg );
echo wp_json_encode( array( 'check' => $check, 'url' => $services->image_urls()->url( $ref ) ) );
`;

function describe( response: Response ): string {
	return [ ...response.headers.entries() ]
		.map( ( [ k, v ] ) => `${ k }: ${ v }` )
		.join( '; ' );
}

/**
 * @param site    The site (a subsite's URL includes its path).
 * @param uploads The site's uploads under its URL: a subsite's are under sites/<id>.
 */
export async function staticThumbnailsServedWithoutPhp(
	site: StackSite,
	uploads = 'wp-content/uploads'
): Promise< boolean > {
	const failures: string[] = [];
	const expect = ( ok: boolean, message: string ) => {
		if ( ! ok ) {
			failures.push( message );
		}
	};
	const control = await fetch( `${ site.url }/`, { redirect: 'manual' } );
	await control.arrayBuffer();
	expect(
		control.headers.has( 'x-powered-by' ),
		'a page rendered by PHP carries X-Powered-By (else its absence below proves nothing)'
	);

	const prepared = JSON.parse(
		( await runPhp( site, PREPARE ) ).trim()
	) as Prepared;
	expect(
		prepared.check.ok === true,
		`the plugin's static-URL self-check passes (${ JSON.stringify( prepared.check ) })`
	);
	const url = prepared.url ?? '';
	expect(
		url.startsWith(
			`${ site.url }/${ uploads }/customer-cloud-gallery/i/`
		),
		`the image URL is static: ${ url }`
	);
	if ( failures.length === 0 ) {
		const first = await fetch( url );
		const bytes = Buffer.from( await first.arrayBuffer() );
		console.log(
			`GET ${ url } → ${ first.status }: ${ describe( first ) }`
		);
		expect(
			first.status === 200,
			`200 for the warm thumbnail, got ${ first.status }`
		);
		expect(
			bytes[ 0 ] === 0xff && bytes[ 1 ] === 0xd8,
			'the body is the JPEG on disk'
		);
		expect(
			first.headers.get( 'content-type' ) === 'image/jpeg',
			'Content-Type: image/jpeg'
		);
		expect(
			first.headers.get( 'cache-control' ) === IMMUTABLE,
			`Cache-Control: ${ IMMUTABLE }`
		);
		expect(
			! first.headers.has( 'x-powered-by' ),
			'no PHP involved (no X-Powered-By)'
		);
		const etag = first.headers.get( 'etag' );
		const modified = first.headers.get( 'last-modified' );
		expect(
			!! etag && !! modified,
			'ETag and Last-Modified for revalidation'
		);
		for ( const [ name, value ] of [
			[ 'If-None-Match', etag ],
			[ 'If-Modified-Since', modified ],
		] as const ) {
			const again = await fetch( url, {
				headers: { [ name ]: value ?? '' },
			} );
			await again.arrayBuffer();
			console.log(
				`GET with ${ name } → ${ again.status }: ${ describe( again ) }`
			);
			expect(
				again.status === 304,
				`304 on revalidation with ${ name }, got ${ again.status }`
			);
			expect(
				! again.headers.has( 'x-powered-by' ),
				`no PHP on the ${ name } revalidation`
			);
		}
	}
	for ( const failure of failures ) {
		console.error( `FAILED: ${ failure }` );
	}
	return failures.length === 0;
}
