/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function site(): string {
	const dir = process.env.CCG_WP_PATH;
	if ( ! dir ) {
		throw new Error(
			'CCG_WP_PATH is not set: run the tests through npm test.'
		);
	}
	return dir;
}

const MEMORY_FILE = 'ccg-e2e-download-memory.json';

/**
 * A must-use plugin that records, at the end of every download request, the
 * peak memory PHP used for it (memory_get_peak_usage( true ): what the
 * process took from the system), so a test can read what the web server needed.
 */
const MEMORY_PLUGIN = `<?php
if ( isset( $_GET['ccg_download'] ) ) {
	register_shutdown_function(
		static function (): void {
			file_put_contents(
				WP_CONTENT_DIR . '/${ MEMORY_FILE }',
				wp_json_encode( array( 'real' => memory_get_peak_usage( true ), 'used' => memory_get_peak_usage(), 'query' => $_SERVER['QUERY_STRING'] ?? '' ) ) . "\\n",
				FILE_APPEND
			);
		}
	);
}
`;

function memoryPlugin(): string {
	return path.join(
		site(),
		'wp-content/mu-plugins/ccg-e2e-download-memory.php'
	);
}

function memoryFile(): string {
	return path.join( site(), 'wp-content', MEMORY_FILE );
}

export function recordDownloadMemory(): void {
	fs.writeFileSync( memoryPlugin(), MEMORY_PLUGIN );
	fs.rmSync( memoryFile(), { force: true } );
}

export function stopRecordingDownloadMemory(): void {
	fs.rmSync( memoryPlugin(), { force: true } );
	fs.rmSync( memoryFile(), { force: true } );
}

/**
 * The peaks recorded since recordDownloadMemory(), one per download request.
 */
export function downloadMemory(): Array< {
	real: number;
	used: number;
	query: string;
} > {
	if ( ! fs.existsSync( memoryFile() ) ) {
		return [];
	}
	return fs
		.readFileSync( memoryFile(), 'utf8' )
		.split( '\n' )
		.filter( Boolean )
		.map( ( line ) => JSON.parse( line ) );
}

/**
 * The same download URL with an expiry in the past, sealed by the site
 * itself: what a page cached for longer than the links' lifetime holds.
 *
 * @param url A download URL from a gallery page.
 */
export function expiredCopyOf( url: string ): string {
	const token = new URL( url ).searchParams.get( 'ccg_download' ) ?? '';
	const code = `
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
define( 'DISABLE_WP_CRON', true );
require getenv( 'CCG_WP_PATH' ) . '/wp-load.php';
use CustomerCloudGallery\\Downloads\\DownloadRef;
use CustomerCloudGallery\\Downloads\\DownloadToken;
use CustomerCloudGallery\\Storage\\EncryptionKey;
$tokens = new DownloadToken( new EncryptionKey() );
$ref = $tokens->verify( (string) getenv( 'CCG_DOWNLOAD_TOKEN' ) );
if ( null === $ref ) { fwrite( STDERR, 'not a download token' ); exit( 1 ); }
$old = new DownloadRef( $ref->kind, $ref->provider, $ref->folder, $ref->file_id, $ref->rev, $ref->size, time() - 60, $ref->post );
echo $tokens->sign( $old );
`;
	const expired = execFileSync( 'php', [ '-r', code ], {
		env: { ...process.env, CCG_DOWNLOAD_TOKEN: token },
		encoding: 'utf8',
	} );
	const copy = new URL( url );
	copy.searchParams.set( 'ccg_download', expired.trim() );
	return copy.toString();
}

/**
 * The entries of a ZIP file, after `unzip -t` found every CRC right.
 *
 * @param file The ZIP's path.
 */
export function testedZipEntries( file: string ): string[] {
	execFileSync( 'unzip', [ '-t', '-qq', file ] );
	return execFileSync( 'unzip', [ '-Z1', file ], { encoding: 'utf8' } )
		.split( '\n' )
		.filter( Boolean );
}
