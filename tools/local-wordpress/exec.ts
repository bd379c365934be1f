/**
 * Runs a command to completion and captures its output.
 */
import { spawn } from 'node:child_process';

export interface ExecOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Text written to the command's standard input. */
	input?: string;
}

export interface ExecResult {
	code: number;
	stdout: string;
	stderr: string;
}

export class CommandError extends Error {
	constructor(
		readonly command: string,
		readonly result: ExecResult
	) {
		const output = ( result.stderr.trim() || result.stdout.trim() )
			.split( '\n' )
			.slice( -15 )
			.join( '\n' );
		super(
			`\`${ command }\` exited with ${ result.code }${ output ? `:\n${ output }` : '' }`
		);
		this.name = 'CommandError';
	}
}

/**
 * Resolves with the exit code and output; never throws for a non-zero exit.
 * @param command Program to run.
 * @param args    Its arguments.
 * @param options Working folder, environment, standard input.
 */
export function execCapture(
	command: string,
	args: string[],
	options: ExecOptions = {}
): Promise< ExecResult > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: [
				options.input === undefined ? 'ignore' : 'pipe',
				'pipe',
				'pipe',
			],
		} );
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout?.on( 'data', ( chunk: Buffer ) => stdout.push( chunk ) );
		child.stderr?.on( 'data', ( chunk: Buffer ) => stderr.push( chunk ) );
		child.on( 'error', ( error: NodeJS.ErrnoException ) => {
			reject(
				error.code === 'ENOENT'
					? new Error(
							`\`${ command }\` is not installed (not found on PATH).`
						)
					: error
			);
		} );
		child.on( 'close', ( code, signal ) =>
			resolve( {
				code: code ?? ( signal ? 128 : 1 ),
				stdout: Buffer.concat( stdout ).toString( 'utf8' ),
				stderr: Buffer.concat( stderr ).toString( 'utf8' ),
			} )
		);
		if ( options.input !== undefined ) {
			child.stdin?.end( options.input );
		}
	} );
}

/**
 * Like execCapture, but throws a CommandError for a non-zero exit.
 * @param command Program to run.
 * @param args    Its arguments.
 * @param options Working folder, environment, standard input.
 */
export async function exec(
	command: string,
	args: string[],
	options: ExecOptions = {}
): Promise< ExecResult > {
	const result = await execCapture( command, args, options );
	if ( result.code !== 0 ) {
		throw new CommandError( [ command, ...args ].join( ' ' ), result );
	}
	return result;
}
