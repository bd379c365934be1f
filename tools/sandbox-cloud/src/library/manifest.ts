import { join } from 'node:path';

import { readJson, writeJson } from '../shared/json-file';

/** Bumped whenever the generated library changes shape; an older library is rebuilt. */
export const GENERATOR_VERSION = 1;

/** The library root's hidden files (never listed by the API). */
export const MANIFEST_FILE = '.sandbox-manifest.json';
export const GENERATING_MARKER = '.sandbox-generating';
export const LICENCES_DIR = '.sandbox-licences';

/**
 * Library entries no provider's API shows (the manifest, licences, temp files).
 */
export function isHidden( name: string ): boolean {
	return name.startsWith( '.sandbox' ) || name.endsWith( '.tmp' );
}

export type LibraryProfile = 'small' | 'full';

export interface ManifestPhoto {
	path: string;
	kind: 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf' | 'txt';
	bytes: number;
	/** As displayed (EXIF orientation applied). Absent for non-images and HEIC. */
	width?: number;
	height?: number;
	orientation?: number;
	/** ISO timestamp of EXIF DateTimeOriginal, when the file has one. */
	dateTaken?: string;
	gps?: { latitude: number; longitude: number };
}

export interface LibraryManifest {
	generator: number;
	profile: LibraryProfile;
	photoSource: 'debian' | 'synthetic';
	generatedAt: string;
	generationMs: number;
	/** Well-known places, by role (see README "Sample library"). */
	paths: Record< string, string >;
	/** App folders that exist in the sample, by app name. */
	appFolders: Record< string, string >;
	counts: Record< string, number >;
	photos: ManifestPhoto[];
	licences: string[];
}

export function readManifest( libraryDir: string ): LibraryManifest | null {
	return readJson< LibraryManifest | null >(
		join( libraryDir, MANIFEST_FILE ),
		null
	);
}

export function writeManifest(
	libraryDir: string,
	manifest: LibraryManifest
): void {
	writeJson( join( libraryDir, MANIFEST_FILE ), manifest );
}
