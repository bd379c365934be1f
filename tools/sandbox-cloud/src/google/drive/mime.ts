export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';

const BY_EXTENSION: Record< string, string > = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	bmp: 'image/bmp',
	heic: 'image/heic',
	heif: 'image/heif',
	avif: 'image/avif',
	pdf: 'application/pdf',
	txt: 'text/plain',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
};

export function extensionOf( name: string ): string {
	const dot = name.lastIndexOf( '.' );
	return dot > 0 ? name.slice( dot + 1 ).toLowerCase() : '';
}

/**
 * The MIME type Drive detects for an uploaded file (by extension, as Drive mostly does).
 */
export function mimeTypeOf( name: string ): string {
	return BY_EXTENSION[ extensionOf( name ) ] ?? 'application/octet-stream';
}

/** Images Drive makes thumbnails of (and the sandbox can decode with sharp). */
const THUMBNAILABLE = new Set( [
	'image/jpeg',
	'image/png',
	'image/webp',
	'image/gif',
	'image/tiff',
	'image/heic',
	'image/heif',
	'image/avif',
] );

export function hasThumbnail( mimeType: string ): boolean {
	return THUMBNAILABLE.has( mimeType );
}

export function isGoogleNative( mimeType: string ): boolean {
	return mimeType.startsWith( 'application/vnd.google-apps.' );
}
