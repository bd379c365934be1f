import { spawn } from 'node:child_process';

export interface RunOptions {
	env?: NodeJS.ProcessEnv;
	cwd?: string;
}

/**
 * Runs a command with inherited output and resolves with its exit code, so
 * the runner can report every stage instead of stopping at the first failure.
 */
export function run(
	command: string,
	args: string[],
	options: RunOptions = {}
): Promise< number > {
	return new Promise( ( resolve ) => {
		const child = spawn( command, args, {
			stdio: 'inherit',
			cwd: options.cwd,
			env: { ...process.env, ...options.env },
		} );
		child.on( 'error', ( error ) => {
			console.error( `Could not run ${ command }: ${ error.message }` );
			resolve( 127 );
		} );
		child.on( 'close', ( code, signal ) =>
			resolve( code ?? ( signal ? 128 : 1 ) )
		);
	} );
}
