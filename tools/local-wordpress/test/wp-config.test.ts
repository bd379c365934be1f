/**
 * wp-config.php generation.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { latestOfMajor } from '../source-zip';
import {
	generateSalts,
	phpLiteral,
	renderWpConfig,
	SALT_NAMES,
} from '../wp-config';

const input = {
	url: 'http://localhost:8888',
	dbDir: '/sites/dev/wp-content/database',
	dbFile: '.ht.sqlite',
	debugLog: '/sites/dev/wp-content/debug.log',
	salts: generateSalts(),
};

const hasPhp = spawnSync( 'php', [ '-v' ] ).status === 0;

describe( 'renderWpConfig', () => {
	it( 'writes the local defaults', () => {
		const config = renderWpConfig( input );
		for ( const line of [
			"defined( 'WP_HOME' ) || define( 'WP_HOME', 'http://localhost:8888' );",
			"defined( 'WP_SITEURL' ) || define( 'WP_SITEURL', 'http://localhost:8888' );",
			"defined( 'WP_DEBUG' ) || define( 'WP_DEBUG', true );",
			"defined( 'WP_DEBUG_LOG' ) || define( 'WP_DEBUG_LOG', '/sites/dev/wp-content/debug.log' );",
			"defined( 'WP_DEBUG_DISPLAY' ) || define( 'WP_DEBUG_DISPLAY', false );",
			"defined( 'WP_ENVIRONMENT_TYPE' ) || define( 'WP_ENVIRONMENT_TYPE', 'local' );",
			"defined( 'WP_HTTP_BLOCK_EXTERNAL' ) || define( 'WP_HTTP_BLOCK_EXTERNAL', true );",
			"defined( 'WP_ACCESSIBLE_HOSTS' ) || define( 'WP_ACCESSIBLE_HOSTS', 'localhost,127.0.0.1' );",
			"defined( 'DISABLE_WP_CRON' ) || define( 'DISABLE_WP_CRON', false );",
			"defined( 'AUTOMATIC_UPDATER_DISABLED' ) || define( 'AUTOMATIC_UPDATER_DISABLED', true );",
			"defined( 'WP_AUTO_UPDATE_CORE' ) || define( 'WP_AUTO_UPDATE_CORE', false );",
			"defined( 'DB_DIR' ) || define( 'DB_DIR', '/sites/dev/wp-content/database' );",
		] ) {
			assert.ok( config.includes( line ), `missing: ${ line }` );
		}
		for ( const name of SALT_NAMES ) {
			assert.ok(
				config.includes(
					`define( '${ name }', '${ input.salts[ name ].replaceAll( "'", "\\'" ) }' )`
				),
				name
			);
		}
		assert.ok(
			config
				.trimEnd()
				.endsWith( "require_once ABSPATH . 'wp-settings.php';" )
		);
	} );

	it( "lets the caller's constants win and escapes them", () => {
		const config = renderWpConfig( {
			...input,
			constants: {
				CCG_DROPBOX_AUTH_BASE: 'http://localhost:8890',
				WP_DEBUG: false,
				CCG_LIMIT: 12,
				CCG_QUOTE: "it's a \\ test",
			},
		} );
		assert.ok(
			config.includes(
				"define( 'CCG_DROPBOX_AUTH_BASE', 'http://localhost:8890' );"
			)
		);
		assert.ok( config.includes( "define( 'WP_DEBUG', false );" ) );
		assert.ok( ! config.includes( "define( 'WP_DEBUG', true );" ) );
		assert.ok( config.includes( "define( 'CCG_LIMIT', 12 );" ) );
		assert.ok(
			config.includes( "define( 'CCG_QUOTE', 'it\\'s a \\\\ test' );" )
		);
	} );

	it( 'rejects invalid constant names and values', () => {
		assert.throws(
			() => renderWpConfig( { ...input, constants: { 'BAD NAME': 1 } } ),
			/Invalid PHP constant name/
		);
		assert.throws( () => phpLiteral( Number.NaN ) );
	} );

	it( 'generates distinct salts without quotes or backslashes', () => {
		const a = generateSalts();
		const b = generateSalts();
		for ( const name of SALT_NAMES ) {
			assert.equal( a[ name ].length, 64 );
			assert.notEqual( a[ name ], b[ name ] );
			assert.doesNotMatch( a[ name ], /['"\\$]/ );
		}
	} );

	it(
		'is valid PHP that defines what it says',
		{ skip: ! hasPhp && 'php is not installed' },
		async () => {
			const dir = await mkdtemp(
				path.join( os.tmpdir(), 'ccg-wp-config-' )
			);
			try {
				// ABSPATH points at a folder whose wp-settings.php just prints the constants.
				await writeFile(
					path.join( dir, 'wp-settings.php' ),
					'<?php echo json_encode( [ WP_HOME, WP_DEBUG, CCG_QUOTE, CCG_LIMIT, $table_prefix ] );'
				);
				const config = renderWpConfig( {
					...input,
					constants: { CCG_QUOTE: "it's", CCG_LIMIT: 3 },
				} );
				await writeFile( path.join( dir, 'wp-config.php' ), config );
				const result = spawnSync(
					'php',
					[ path.join( dir, 'wp-config.php' ) ],
					{ encoding: 'utf8' }
				);
				assert.equal( result.status, 0, result.stderr );
				assert.deepEqual( JSON.parse( result.stdout ), [
					'http://localhost:8888',
					true,
					"it's",
					3,
					'wp_',
				] );
			} finally {
				await rm( dir, { recursive: true, force: true } );
			}
		}
	);
} );

describe( 'latestOfMajor (release zip fallback)', () => {
	it( 'picks the newest point release of the major', () => {
		const versions = [
			'6.7.2',
			'6.8',
			'6.8.1',
			'6.8.10',
			'6.8.9',
			'6.9',
			'7.1.4',
			'7.10.0',
			'trunk',
		];
		assert.equal( latestOfMajor( versions, '6.8' ), '6.8.10' );
		assert.equal( latestOfMajor( versions, '7.1' ), '7.1.4' );
		assert.equal( latestOfMajor( versions, '5.0' ), undefined );
	} );
} );
