#!/usr/bin/env node
/**
 * Makes a bare machine ready for `npm start` and `npm test` (it runs before
 * both, so it must be quick when everything is in place). No npm
 * dependencies: it runs before node_modules exists.
 *
 * 1. System packages. On Debian/Ubuntu as root: installs what is missing
 *    (apt-get update only then). Elsewhere: checks PHP 8.1+, PHPUnit and a
 *    Chromium and says what to install; only a missing PHP is fatal.
 * 2. npm packages: `npm ci` when node_modules is missing or package-lock.json
 *    changed since the last install (stamp: node_modules/.ccg-lock-stamp).
 *
 * CCG_SKIP_SYSTEM_PACKAGES=1 skips step 1.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	accessSync,
	constants,
	existsSync,
	readFileSync,
	statSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);

/** Needed to run WordPress at all. */
const RUNTIME_PACKAGES = [
	'php-cli',
	'php-sqlite3',
	'php-xml',
	'php-mbstring',
	'php-curl',
	'php-gd',
	'php-intl',
	'php-zip',
	'unzip',
	'ca-certificates',
];
/** Needed by the tests only. */
const TEST_PACKAGES = [ 'phpunit', 'chromium' ];
/**
 * The production-like stack (tools/production-stack): MariaDB, Redis, PHP-FPM
 * behind nginx and Apache. Only for `CCG_STACK=production npm start`, the
 * hosting stage of `npm test` and `npm run bench` (its last scenario runs on
 * the stack; its prebench script sets CCG_STACK), so a plain `npm start`
 * stays small.
 */
const HOSTING_PACKAGES = [
	'mariadb-server',
	'redis-server',
	'php-redis',
	'php-mysql',
	'php-fpm',
	'nginx',
	'apache2',
];

const say = ( message ) => process.stdout.write( `[bootstrap] ${ message }\n` );
const fail = ( message ) => {
	process.stderr.write( `[bootstrap] ${ message }\n` );
	process.exit( 1 );
};

function run( command, args, options = {} ) {
	return spawnSync( command, args, { encoding: 'utf8', ...options } );
}

function isDebianLike() {
	return (
		process.platform === 'linux' &&
		existsSync( '/etc/debian_version' ) &&
		run( 'dpkg-query', [ '--version' ] ).status === 0
	);
}

/**
 * Packages among `names` that dpkg does not report as installed.
 * @param {string[]} names Package names.
 */
function missingDebianPackages( names ) {
	const result = run( 'dpkg-query', [
		'-W',
		'-f=${Package} ${Status}\\n',
		...names,
	] );
	const installed = new Set(
		( result.stdout ?? '' )
			.split( '\n' )
			.filter( ( line ) => line.endsWith( ' install ok installed' ) )
			.map( ( line ) => line.split( ' ' )[ 0 ] )
	);
	return names.filter( ( name ) => ! installed.has( name ) );
}

function aptInstall( names ) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const started = Date.now();
	say( `apt-get install ${ names.join( ' ' ) }…` );
	const result = run(
		'apt-get',
		[ 'install', '-y', '-qq', '--no-install-recommends', ...names ],
		{ env, stdio: 'inherit' }
	);
	if ( result.status === 0 ) {
		say(
			`installed ${ names.join( ' ' ) } in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 0 ) } s`
		);
	}
	return result.status === 0;
}

/**
 * Whether this run needs the production-like stack: `CCG_STACK=production npm
 * start` or `npm run bench` (CCG_STACK set), or an `npm test` whose stages
 * include the hosting stage.
 */
function needsHostingStack() {
	if ( process.env.CCG_STACK === 'production' ) {
		return true;
	}
	if ( process.env.npm_lifecycle_event !== 'pretest' ) {
		return false;
	}
	const stages = ( process.env.CCG_TEST_STAGES ?? '' ).trim();
	return (
		stages === '' ||
		stages
			.split( ',' )
			.map( ( stage ) => stage.trim() )
			.some(
				( stage ) =>
					'hosting'.startsWith( stage ) ||
					stage.startsWith( 'hosting' )
			)
	);
}

/**
 * Debian's maintainer scripts start every daemon they install (MariaDB on
 * 3306, Apache on 80). The stack runs its own copies on high ports, so a
 * policy-rc.d that refuses service starts is in place during the install,
 * unless the machine already has one.
 *
 * @param {() => boolean} install Runs apt-get; true on success.
 */
function withoutServiceStarts( install ) {
	const policy = '/usr/sbin/policy-rc.d';
	if ( existsSync( policy ) ) {
		return install();
	}
	writeFileSync( policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 } );
	try {
		return install();
	} finally {
		unlinkSync( policy );
	}
}

function ensureDebianPackages() {
	const missingRuntime = missingDebianPackages( RUNTIME_PACKAGES );
	const missingTest = missingDebianPackages( TEST_PACKAGES );
	const missingHosting = needsHostingStack()
		? missingDebianPackages( HOSTING_PACKAGES )
		: [];
	if (
		missingRuntime.length + missingTest.length + missingHosting.length ===
		0
	) {
		return;
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	say(
		`installing system packages: ${ [ ...missingRuntime, ...missingTest, ...missingHosting ].join( ' ' ) }`
	);
	say( 'apt-get update…' );
	if (
		run( 'apt-get', [ 'update', '-qq' ], { env, stdio: 'inherit' } )
			.status !== 0
	) {
		say( 'apt-get update reported errors; trying the install anyway' );
	}
	// Runtime and test tools separately, so a test tool that cannot be
	// installed (e.g. chromium as a snap on Ubuntu) does not block `npm start`.
	if ( missingRuntime.length > 0 && ! aptInstall( missingRuntime ) ) {
		fail(
			`could not install ${ missingRuntime.join( ' ' ) } with apt-get; install them and run again.`
		);
	}
	if ( missingTest.length > 0 && ! aptInstall( missingTest ) ) {
		say(
			`WARNING: could not install ${ missingTest.join( ' ' ) }: \`npm start\` works, the tests need them.`
		);
	}
	if (
		missingHosting.length > 0 &&
		! withoutServiceStarts( () => aptInstall( missingHosting ) )
	) {
		fail(
			`could not install ${ missingHosting.join( ' ' ) } (the production-like stack) with apt-get.`
		);
	}
}

/**
 * The first of `commands` found on PATH (not run: starting a browser is slow).
 *
 * @param {string[]} commands Program names.
 */
function firstOnPath( commands ) {
	const dirs = ( process.env.PATH ?? '' )
		.split( path.delimiter )
		.filter( Boolean );
	return commands.find( ( command ) =>
		dirs.some( ( dir ) => {
			try {
				accessSync( path.join( dir, command ), constants.X_OK );
				return true;
			} catch {
				return false;
			}
		} )
	);
}

/** Not root / not Debian: check, and say what to install. */
function checkTools() {
	const phpVersion = run( 'php', [ '-r', 'echo PHP_VERSION;' ] );
	if ( phpVersion.status !== 0 ) {
		fail(
			'PHP 8.1 or newer is required (with the sqlite3/pdo_sqlite, xml, mbstring, curl, gd, intl and zip extensions).\n' +
				'  Debian/Ubuntu: sudo apt-get install php-cli php-sqlite3 php-xml php-mbstring php-curl php-gd php-intl php-zip unzip\n' +
				'  macOS (Homebrew): brew install php'
		);
	}
	const [ major, minor ] = phpVersion.stdout
		.trim()
		.split( '.' )
		.map( Number );
	if ( major < 8 || ( major === 8 && minor < 1 ) ) {
		fail(
			`PHP ${ phpVersion.stdout.trim() } is too old: PHP 8.1 or newer is required.`
		);
	}
	const modules = run( 'php', [ '-m' ] )
		.stdout.toLowerCase()
		.split( '\n' )
		.map( ( line ) => line.trim() );
	const missingModules = [
		'pdo_sqlite',
		'sqlite3',
		'xml',
		'mbstring',
		'curl',
		'gd',
		'intl',
		'zip',
	].filter( ( name ) => ! modules.includes( name ) );
	if ( missingModules.includes( 'pdo_sqlite' ) ) {
		fail(
			'PHP lacks the pdo_sqlite extension (Debian/Ubuntu: php-sqlite3), which the local WordPress needs.'
		);
	}
	if ( missingModules.length > 0 ) {
		say(
			`WARNING: PHP lacks the extensions ${ missingModules.join( ', ' ) }; some WordPress features will not work.`
		);
	}
	const warnings = [];
	if ( ! firstOnPath( [ 'phpunit' ] ) ) {
		warnings.push(
			'PHPUnit 9+ (Debian/Ubuntu: phpunit; elsewhere: https://phpunit.de)'
		);
	}
	const chromium =
		process.env.CHROMIUM_PATH && existsSync( process.env.CHROMIUM_PATH )
			? process.env.CHROMIUM_PATH
			: ( firstOnPath( [
					'chromium',
					'chromium-browser',
					'google-chrome',
					'google-chrome-stable',
				] ) ??
				[
					'/Applications/Chromium.app/Contents/MacOS/Chromium',
					'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
				].find( existsSync ) );
	if ( ! chromium ) {
		warnings.push(
			'Chromium or Chrome (set CHROMIUM_PATH if it is not on PATH)'
		);
	}
	if ( warnings.length > 0 ) {
		say(
			`for the tests, install: ${ warnings.join( '; ' ) }. \`npm start\` works without them.`
		);
	}
}

function ensureNodeModules() {
	const lockFile = path.join( root, 'package-lock.json' );
	const modules = path.join( root, 'node_modules' );
	const stampFile = path.join( modules, '.ccg-lock-stamp' );
	const hash = createHash( 'sha256' )
		.update( readFileSync( lockFile ) )
		.update( process.versions.modules )
		.digest( 'hex' );
	const stamp = existsSync( stampFile )
		? readFileSync( stampFile, 'utf8' ).trim()
		: '';
	if ( existsSync( modules ) && stamp === hash ) {
		return;
	}
	// npm writes node_modules/.package-lock.json after every install: when it
	// is newer than the lock, the tree was installed from this lock already
	// (e.g. by an `npm install` of its own), and a reinstall would waste minutes.
	const hidden = path.join( modules, '.package-lock.json' );
	if (
		existsSync( hidden ) &&
		statSync( hidden ).mtimeMs >= statSync( lockFile ).mtimeMs
	) {
		writeFileSync( stampFile, `${ hash }\n` );
		return;
	}
	const started = Date.now();
	say(
		existsSync( modules ) ? 'package-lock.json changed: npm ci…' : 'npm ci…'
	);
	const result = run( 'npm', [ 'ci', '--no-audit', '--no-fund' ], {
		cwd: root,
		stdio: 'inherit',
	} );
	if ( result.status !== 0 ) {
		fail( 'npm ci failed.' );
	}
	writeFileSync( stampFile, `${ hash }\n` );
	say(
		`npm packages installed in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 0 ) } s`
	);
}

const started = Date.now();
if ( process.env.CCG_SKIP_SYSTEM_PACKAGES !== '1' ) {
	if ( isDebianLike() && process.getuid?.() === 0 ) {
		ensureDebianPackages();
	} else {
		checkTools();
	}
}
ensureNodeModules();
say( `system packages and node_modules ready (${ Date.now() - started } ms)` );
