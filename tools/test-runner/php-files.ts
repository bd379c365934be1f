import { execFileSync } from 'node:child_process';

/**
 * The repository's own PHP files, tracked or new, read from git so that
 * node_modules, build output and the local WordPress under .local never count.
 */
export function repositoryPhpFiles( root: string ): string[] {
	const output = execFileSync(
		'git',
		[
			'ls-files',
			'--cached',
			'--others',
			'--exclude-standard',
			'-z',
			'--',
			'*.php',
		],
		{ cwd: root, encoding: 'utf8' }
	);
	return output.split( '\0' ).filter( Boolean );
}
