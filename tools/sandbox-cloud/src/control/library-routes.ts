import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { LibraryChange, LibraryChanges } from '../library/changes';
import { BadInput, type Body, type Route } from './route';

function pathOf( body: Body, field: string ): string {
	const value = body[ field ];
	if ( typeof value !== 'string' || ! value.startsWith( '/' ) ) {
		throw new BadInput(
			`${ field } must be a library path like /Folder/name.jpg`
		);
	}
	return value;
}

/**
 * The new bytes: `base64`, or a copy of another library file (`copyOf`),
 * which is how tests swap one photo for another that looks different.
 */
async function bytesOf(
	changes: LibraryChanges,
	body: Body
): Promise< Buffer > {
	if ( typeof body.base64 === 'string' ) {
		return Buffer.from( body.base64, 'base64' );
	}
	if ( body.copyOf !== undefined ) {
		const source = pathOf( body, 'copyOf' );
		if ( source.split( '/' ).includes( '..' ) ) {
			throw new BadInput( 'copyOf must stay inside the library' );
		}
		return readFile( join( changes.libraryDir, source ) ).catch( () => {
			throw new BadInput( `no file at ${ source }` );
		} );
	}
	throw new BadInput( 'give the new content as base64 or copyOf' );
}

const shown = ( change: LibraryChange ) => ( {
	body: { change: { kind: change.kind, path: change.path } },
} );

/** Control routes that change the library both providers serve. */
export function libraryRoutes( changes: LibraryChanges ): Route[] {
	return [
		[
			'PUT',
			/^\/library\/files$/,
			async ( _m, body ) =>
				shown(
					await changes.write(
						pathOf( body, 'path' ),
						await bytesOf( changes, body )
					)
				),
		],
		[
			'DELETE',
			/^\/library\/files$/,
			async ( _m, body ) =>
				shown( await changes.remove( pathOf( body, 'path' ) ) ),
		],
	];
}
