/**
 * What `npm start` prints once everything is up.
 */
import path from 'node:path';

import { repoRoot } from '../paths';
import type { Site } from '../types';
import type { DevSandbox } from './sandbox';

export interface BannerInput {
	site: Site;
	wordpressVersion: string;
	sandbox: DevSandbox | { reason: string };
	logs: Record< string, string >;
	seconds: number;
	/** Seconds between requests of wp-cron.php, as a host's crontab; null: off. */
	systemCron?: number | null;
}

/**
 * A path relative to the repository when inside it, else absolute.
 *
 * @param file Absolute path.
 */
function shown( file: string ): string {
	const relative = path.relative( repoRoot, file );
	return relative.startsWith( '..' ) ? file : relative;
}

export function renderBanner( {
	site,
	wordpressVersion,
	sandbox,
	logs,
	seconds,
	systemCron = null,
}: BannerInput ): string {
	const rule = '─'.repeat( 72 );
	const lines = [
		'',
		rule,
		`  Customer Cloud Gallery — local WordPress ${ wordpressVersion } (ready in ${ seconds.toFixed( 1 ) } s)`,
		'',
		`  Site:    ${ site.url }/`,
		`  Admin:   ${ site.url }/wp-admin/`,
		`  Login:   ${ site.adminUser } / ${ site.adminPassword }   (also editor, author, contributor, subscriber; same password)`,
		'',
	];
	if ( 'handle' in sandbox ) {
		lines.push(
			'  Sandbox Dropbox: paste into Customer Cloud Gallery → Settings',
			`    App key:     ${ sandbox.app.key }`,
			`    App secret:  ${ sandbox.app.secret }`,
			`    Redirect URI (registered): ${ sandbox.app.redirectUris[ 0 ] ?? '' }`
		);
		if ( sandbox.googleClient ) {
			lines.push(
				'  Sandbox Google Drive: paste into Customer Cloud Gallery → Settings',
				`    Client ID:     ${ sandbox.googleClient.clientId }`,
				`    Client secret: ${ sandbox.googleClient.clientSecret }`,
				`    Redirect URI (registered): ${ sandbox.googleRedirectUri }`
			);
		}
		lines.push( `  Sandbox control: ${ sandbox.handle.controlBase }` );
	} else {
		lines.push( `  Sandbox Dropbox: not running (${ sandbox.reason }).` );
	}
	lines.push(
		'',
		systemCron
			? `  WP-Cron: page views start it, and wp-cron.php is requested every ${ systemCron } s, as a host's crontab would (CCG_SYSTEM_CRON=0: page views only).`
			: '  WP-Cron: page views only (CCG_SYSTEM_CRON=0).'
	);
	lines.push( '', '  Logs:' );
	for ( const [ name, file ] of Object.entries( logs ) ) {
		lines.push( `    ${ name.padEnd( 10 ) } ${ shown( file ) }` );
	}
	lines.push(
		'',
		'  Assets rebuild on change (wp-scripts start). Ctrl-C stops everything.',
		rule,
		''
	);
	return lines.join( '\n' );
}
