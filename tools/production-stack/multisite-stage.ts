/**
 * `npm test`'s multisite stages, on the hosting stack: a subdirectory
 * network with the plugin network-activated and two subsites
 * (multisite.ts), served by nginx, then by Apache on the same port (the
 * network's address includes it). PHPUnit proves each site's own
 * connections, caches and thumbnails, what another site's administrator and
 * a super admin may do, and uninstall across the network; the static check
 * curls each subsite's warm thumbnail.
 *
 * Port: CCG_TEST_HOSTING_PORT + 20.
 */
import type { Stack } from './stack';
import type { StageRunner } from './hosting-stage';
import { runPhp } from '../local-wordpress/php-cli';
import { ensureNetwork, writeNetworkHtaccess, type Network } from './multisite';
import { resetStackSite } from './site';
import { staticThumbnailsServedWithoutPhp } from './static-check';

type Run = (
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv }
) => Promise< number >;

export function multisitePort( base: number ): number {
	return base + 20;
}

/** A fresh network has the main site as blog 1 and the subsites in order after it. */
function uploadsOf( index: number ): string {
	return `wp-content/uploads/sites/${ index + 2 }`;
}

async function subsitesServeStaticThumbnails(
	network: Network
): Promise< boolean > {
	let ok = true;
	for ( const [ index, subsite ] of network.subsites.entries() ) {
		console.log( `${ subsite.url }:` );
		ok =
			( await staticThumbnailsServedWithoutPhp(
				subsite,
				uploadsOf( index )
			) ) && ok;
	}
	return ok;
}

/**
 * The self-check, run on a subsite, and what the plugin does with its result.
 */
const CHECK_AND_WRITE = `
use CustomerCloudGallery\\Images\\ImageRef;
use CustomerCloudGallery\\Plugin;
$services = Plugin::services();
$check    = $services->fallback_probe()->run();
$image    = imagecreatetruecolor( 32, 24 );
ob_start();
imagejpeg( $image );
$ref = new ImageRef( 'dropbox', 'id:multisiteFallback', '0123456789abcdef', 'w640h480' );
$services->thumbnail_cache()->write( $ref, (string) ob_get_clean() );
echo wp_json_encode( array( 'check' => $check, 'url' => $services->image_urls()->url( $ref ) ) );
`;

/**
 * Apache with only WordPress's network rules: a missing file under
 * wp-content is Apache's 404, never WordPress's, so the self-check must
 * fail and the plugin keep query URLs, which PHP serves.
 */
async function subsitesFallBackToQueryUrls(
	network: Network
): Promise< boolean > {
	const failures: string[] = [];
	for ( const subsite of network.subsites ) {
		const { check, url } = JSON.parse(
			( await runPhp( subsite, CHECK_AND_WRITE ) ).trim()
		) as { check: { ok: boolean; detail: string }; url: string };
		const response = await fetch( url );
		const type = response.headers.get( 'content-type' );
		await response.arrayBuffer();
		console.log(
			`${ subsite.url }: self-check ${ JSON.stringify( check ) }; GET ${ url } → ${ response.status } ${ type }`
		);
		// Seen as a 404, and as a 500 ("exceeded the limit of 10 internal redirects"): never WordPress.
		if ( check.ok || ! check.detail.includes( 'for a missing file' ) ) {
			failures.push( `${ subsite.url }: the self-check did not fail` );
		}
		if ( ! url.startsWith( `${ subsite.url }/?ccg_image=` ) ) {
			failures.push( `${ subsite.url }: not a query URL: ${ url }` );
		}
		if (
			response.status !== 200 ||
			type !== 'image/jpeg' ||
			! response.headers.has( 'x-powered-by' )
		) {
			failures.push( `${ url }: not served by PHP as a JPEG` );
		}
	}
	failures.forEach( ( failure ) => console.error( `FAILED: ${ failure }` ) );
	return failures.length === 0;
}

export async function multisiteStages(
	root: string,
	stage: StageRunner,
	run: Run,
	{
		stack,
		port,
		redisDatabase,
		constants,
		sandboxControl,
	}: {
		stack: Stack;
		port: number;
		redisDatabase: number;
		constants: Record< string, string >;
		sandboxControl: string;
	}
): Promise< void > {
	let network: Network | undefined;
	const up = await stage(
		'hosting (multisite): network with two subsites, plugin network-activated',
		async () => {
			network = await ensureNetwork(
				{ name: 'hosting-multisite', port, redisDatabase, constants },
				stack.db,
				stack.redis
			);
			return true;
		}
	);
	if ( ! up || ! network ) {
		return;
	}
	const site = network;
	const env = {
		CCG_WP_PATH: site.dir,
		CCG_WP_VERSION: site.version,
		CCG_SANDBOX_CONTROL: sandboxControl,
		WP_BASE_URL: site.url,
		WP_USERNAME: site.adminUser,
		WP_PASSWORD: site.adminPassword,
	};
	for ( const kind of [ 'nginx', 'apache' ] as const ) {
		await resetStackSite( site, stack.db, stack.redis );
		const server = await stack.serve( site, kind, { multisite: true } );
		try {
			if ( kind === 'apache' ) {
				await writeNetworkHtaccess( site.dir, false );
				try {
					await stage(
						"hosting (multisite, apache): WordPress's rules alone, the self-check fails, query URLs",
						() => subsitesFallBackToQueryUrls( site )
					);
				} finally {
					await writeNetworkHtaccess( site.dir, true );
				}
				await resetStackSite( site, stack.db, stack.redis );
			}
			await stage(
				`hosting (multisite, ${ kind }): static thumbnails on subsites without PHP`,
				() => subsitesServeStaticThumbnails( site )
			);
			if ( kind === 'nginx' ) {
				await resetStackSite( site, stack.db, stack.redis );
				await stage(
					'hosting (multisite, nginx): phpunit per-site data, access, uninstall',
					() =>
						run(
							'phpunit',
							[
								'-c',
								'tests/hosting/phpunit-multisite.xml.dist',
							],
							{ cwd: root, env }
						)
				);
			}
		} finally {
			await server.stop();
		}
	}
}
