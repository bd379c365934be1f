/**
 * Finding the machine's Debian archive in deb822 and one-line apt sources,
 * and reading Debian's dependency fields. The mirror names below are
 * made-up examples (.example), never a real package source.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { bundledLibraries, renderSources } from '../apt-download';
import {
	findDebianArchive,
	parseDeb822,
	parseOneLine,
	pickDebianArchive,
} from '../apt-sources';
import { matchesMajor, upstreamVersion } from '../versions';

const DEB822 = `Types: deb
# http://snapshot.example/archive/debian/20250520T000000Z
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

const ONE_LINE = `# comment
deb http://security.example/debian-security bookworm-security main
deb [arch=amd64 signed-by=/etc/apt/keyrings/debian.gpg] https://mirror.example/debian/ bookworm main contrib # trailing
deb-src http://mirror.example/debian bookworm main
`;

describe( 'parseDeb822', () => {
	it( 'reads stanzas, skipping comments', () => {
		const sources = parseDeb822( DEB822 );
		assert.equal( sources.length, 2 );
		assert.deepEqual( sources[ 0 ], {
			types: [ 'deb' ],
			uris: [ 'http://mirror.example/debian' ],
			suites: [ 'bookworm', 'bookworm-updates' ],
			components: [ 'main' ],
			signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg',
			enabled: true,
		} );
	} );

	it( 'honours Enabled: no and multi-line inline keys', () => {
		const [ disabled, inline ] = parseDeb822(
			'Types: deb\nURIs: http://a.example/debian\nSuites: sid\nEnabled: no\n\n' +
				'Types: deb\nURIs: http://b.example/debian\nSuites: trixie\nComponents: main\nSigned-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n abc\n -----END PGP PUBLIC KEY BLOCK-----\n'
		);
		assert.equal( disabled?.enabled, false );
		assert.equal(
			inline?.signedBy,
			'-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nabc\n-----END PGP PUBLIC KEY BLOCK-----'
		);
		assert.match(
			renderSources(
				{
					uri: 'http://b.example/debian',
					signedBy: inline?.signedBy ?? '',
				},
				'sid'
			),
			/Signed-By: -----BEGIN PGP PUBLIC KEY BLOCK-----\n \.\n abc\n -----END/
		);
	} );
} );

describe( 'parseOneLine', () => {
	it( 'reads options, URIs, suites and components', () => {
		const sources = parseOneLine( ONE_LINE );
		assert.equal( sources.length, 3 );
		assert.deepEqual( sources[ 1 ], {
			types: [ 'deb' ],
			uris: [ 'https://mirror.example/debian/' ],
			suites: [ 'bookworm' ],
			components: [ 'main', 'contrib' ],
			signedBy: '/etc/apt/keyrings/debian.gpg',
			enabled: true,
		} );
	} );
} );

describe( 'pickDebianArchive', () => {
	it( 'takes the main Debian entry, not the security archive', () => {
		assert.deepEqual( pickDebianArchive( parseDeb822( DEB822 ) ), {
			uri: 'http://mirror.example/debian',
			signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg',
		} );
		assert.deepEqual( pickDebianArchive( parseOneLine( ONE_LINE ) ), {
			uri: 'https://mirror.example/debian',
			signedBy: '/etc/apt/keyrings/debian.gpg',
		} );
	} );

	it( 'finds nothing on an Ubuntu machine', () => {
		const ubuntu = parseDeb822(
			'Types: deb\nURIs: http://archive.example/ubuntu/\nSuites: noble noble-updates\nComponents: main universe\n'
		);
		assert.equal( pickDebianArchive( ubuntu ), undefined );
	} );

	it( 'reads /etc/apt-shaped folders: debian.sources first, then sources.list', async () => {
		const etc = await mkdtemp( path.join( os.tmpdir(), 'ccg-apt-' ) );
		try {
			await mkdir( path.join( etc, 'sources.list.d' ) );
			await writeFile(
				path.join( etc, 'sources.list' ),
				'deb http://old.example/debian bullseye main\n'
			);
			assert.equal(
				( await findDebianArchive( etc ) )?.uri,
				'http://old.example/debian'
			);
			await writeFile(
				path.join( etc, 'sources.list.d', 'debian.sources' ),
				DEB822
			);
			assert.equal(
				( await findDebianArchive( etc ) )?.uri,
				'http://mirror.example/debian'
			);
		} finally {
			await rm( etc, { recursive: true, force: true } );
		}
	} );
} );

describe( 'Debian package fields', () => {
	it( 'picks the unbundled libraries from wordpress Depends', () => {
		const depends =
			'apache2 | httpd, libapache2-mod-php | php, ca-certificates, default-mysql-client | virtual-mysql-client, php-gd, php-mysql | php-mysqlnd, libjs-cropper (>= 1.2.2), libjs-jquery-ui (<< 1.14.2+dfsg.0~), libjs-jquery-ui (>= 1.14.2+dfsg), libjs-lodash (>= 4.18.1+dfsg1), libjs-underscore (>= 1.13.8~dfsg+~1.13.0), libphp-phpmailer (>= 7.1.1), php-getid3 (>= 1.9.27+dfsg)';
		assert.deepEqual( bundledLibraries( depends ), [
			'libjs-cropper',
			'libjs-jquery-ui',
			'libjs-lodash',
			'libjs-underscore',
			'libphp-phpmailer',
			'php-getid3',
		] );
	} );

	it( 'maps Debian versions to WordPress majors', () => {
		assert.equal( upstreamVersion( '7.1.4+dfsg1-1' ), '7.1.4' );
		assert.equal( upstreamVersion( '6.8.12+dfsg1-0+deb13u1' ), '6.8.12' );
		assert.equal( upstreamVersion( '1:6.1.9+dfsg1-0+deb12u1' ), '6.1.9' );
		assert.ok( matchesMajor( '7.1.4', '7.1' ) );
		assert.ok( matchesMajor( '7.1', '7.1' ) );
		assert.ok( ! matchesMajor( '7.10.1', '7.1' ) );
		assert.ok( ! matchesMajor( '6.9', '6.8' ) );
	} );
} );
