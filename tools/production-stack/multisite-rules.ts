/**
 * What a subdirectory network needs from the web server, as
 * docs/installation.md gives it to site owners.
 *
 * Apache: the block WordPress itself prints under Network Setup
 * (wp-admin/includes/network.php, network_step2(), WordPress 7.1, for a
 * subdirectory install at "/", without ms-files rewriting).
 *
 * nginx: the subdirectory rules of developer.wordpress.org's "Nginx" page
 * (a site's path is stripped from wp-* and *.php requests that are not a
 * file), with `$http_host` in the wp-admin redirect so a port survives it,
 * plus the thumbnail location for subsites: a subsite's uploads are
 * `wp-content/uploads/sites/<id>/`, its URLs `/<site>/wp-content/…`, which
 * the rewrite above turns into `/wp-content/uploads/sites/<id>/…` before
 * any location is chosen; the main site keeps the `^~` location of
 * docs/public-gallery.md.
 */

/**
 * Before WordPress's block: its network rules send a missing file under
 * wp-content back to itself, so Apache answers 404 and a thumbnail that is
 * not on disk (yet) never reaches WordPress; the plugin's self-check then
 * keeps query URLs. This hands such a request to WordPress once the
 * network rule has removed the site's path (the second pass over
 * .htaccess); a file that exists is still served by Apache alone.
 */
export const MULTISITE_THUMBNAIL_HTACCESS = [
	'# BEGIN Customer Cloud Gallery',
	'<IfModule mod_rewrite.c>',
	'RewriteEngine On',
	'RewriteCond %{REQUEST_FILENAME} !-f',
	'RewriteRule ^wp-content/uploads/(sites/[0-9]+/)?customer-cloud-gallery/i/ index.php [L]',
	'</IfModule>',
	'# END Customer Cloud Gallery',
	'',
].join( '\n' );

/** WordPress's subdirectory-network .htaccess (network_step2()). */
export const MULTISITE_HTACCESS = [
	'# BEGIN WordPress Multisite',
	'RewriteEngine On',
	'RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]',
	'RewriteBase /',
	'RewriteRule ^index\\.php$ - [L]',
	'',
	'# add a trailing slash to /wp-admin',
	'RewriteRule ^([_0-9a-zA-Z-]+/)?wp-admin$ $1wp-admin/ [R=301,L]',
	'',
	'RewriteCond %{REQUEST_FILENAME} -f [OR]',
	'RewriteCond %{REQUEST_FILENAME} -d',
	'RewriteRule ^ - [L]',
	'RewriteRule ^([_0-9a-zA-Z-]+/)?(wp-(content|admin|includes).*) $2 [L]',
	'RewriteRule ^([_0-9a-zA-Z-]+/)?(.*\\.php)$ $2 [L]',
	'RewriteRule . index.php [L]',
	'# END WordPress Multisite',
	'',
].join( '\n' );

/**
 * Subsites' thumbnails: a regex location, so it must come before any other
 * regex location that matches ".jpg" (nginx takes the first regex match).
 */
export const SUBSITE_THUMBNAIL_LOCATION = `location ~ ^/wp-content/uploads/sites/[0-9]+/customer-cloud-gallery/i/ {
	try_files $uri /index.php?$args;
	add_header Cache-Control "public, max-age=31536000, immutable";
}`;

/** In the network's `server` block, before its other locations. */
export const MULTISITE_RULES = `# WordPress subdirectory network: /<site>/wp-… and /<site>/….php are core's files.
if (!-e $request_filename) {
	rewrite /wp-admin$ $scheme://$http_host$uri/ permanent;
	rewrite ^(/[^/]+)?(/wp-.*) $2 last;
	rewrite ^(/[^/]+)?(/.*\\.php) $2 last;
}
${ SUBSITE_THUMBNAIL_LOCATION }`;
