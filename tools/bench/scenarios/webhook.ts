/**
 * The bench site's Dropbox webhook as the change scenario uses it: the URI
 * Settings shows, the sandbox app it belongs to, and what the deliveries
 * came to.
 */
import type { WebhookDelivery } from '../../sandbox-cloud/src/dropbox/webhooks';
import { phpJson } from '../php';
import { formatCounts, type BenchContext } from './context';

export async function webhookUrl( ctx: BenchContext ): Promise< string > {
	return (
		await phpJson< { url: string } >(
			ctx.env.site,
			{},
			`echo wp_json_encode( array( 'url' => CustomerCloudGallery\\REST\\DropboxWebhookController::url() ) );`
		)
	).url;
}

/** The sandbox app the bench connected with (its redirect URI is the site's). */
export async function benchAppKey( ctx: BenchContext ): Promise< string > {
	const apps = await ctx.env.control.listApps();
	const app = apps.find( ( a ) =>
		( a.redirectUris ?? [] ).some( ( u ) =>
			u.startsWith( ctx.env.site.url )
		)
	);
	if ( ! app ) {
		throw new Error( 'no sandbox Dropbox app for the bench site' );
	}
	return app.key;
}

/**
 * Outcomes by kind, and the refreshes the site said it scheduled (the
 * `scheduled` of each answer).
 */
export function summarize( deliveries: WebhookDelivery[] ): {
	text: string;
	accepted: number;
} {
	const outcomes: Record< string, number > = {};
	let scheduled = 0;
	for ( const d of deliveries ) {
		outcomes[ d.outcome ] = ( outcomes[ d.outcome ] ?? 0 ) + 1;
		try {
			scheduled += Number(
				( JSON.parse( d.body ) as { scheduled?: number } ).scheduled ??
					0
			);
		} catch {
			// Not JSON: an error page, counted in the outcomes.
		}
	}
	return {
		text: `${ formatCounts( outcomes ) }; refreshes scheduled ${ scheduled }`,
		accepted: deliveries.filter(
			( d ) => d.outcome === 'delivered' && d.status === 200
		).length,
	};
}
