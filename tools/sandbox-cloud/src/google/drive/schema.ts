/**
 * Field names of the Drive v3 resources (discovery document), for
 * validating `fields`: `true` is a scalar (or a list of scalars), a nested
 * schema an object (or a list of objects), `'any'` an object the sandbox does
 * not model, which accepts any sub-selection.
 */
export type Schema = { [ field: string ]: true | 'any' | Schema };

const of = ( names: string ): Record< string, true > =>
	Object.fromEntries( names.split( /\s+/ ).map( ( n ) => [ n, true ] ) );

export const USER: Schema = of(
	'kind displayName photoLink me permissionId emailAddress'
);

const LOCATION: Schema = of( 'latitude longitude altitude' );

const IMAGE_MEDIA_METADATA: Schema = {
	...of(
		'flashUsed meteringMode sensor exposureMode colorSpace whiteBalance width height rotation time cameraMake cameraModel exposureTime aperture focalLength isoSpeed exposureBias maxApertureValue subjectDistance lens'
	),
	location: LOCATION,
};

export const FILE: Schema = {
	...of(
		'kind driveId fileExtension copyRequiresWriterPermission md5Checksum writersCanShare viewedByMe mimeType parents thumbnailLink iconLink shared headRevisionId webViewLink webContentLink size viewersCanCopyContent hasThumbnail spaces folderColorRgb id name description starred trashed explicitlyTrashed createdTime modifiedTime modifiedByMeTime viewedByMeTime sharedWithMeTime quotaBytesUsed version originalFilename ownedByMe fullFileExtension isAppAuthorized teamDriveId hasAugmentedPermissions thumbnailVersion trashedTime modifiedByMe permissionIds resourceKey sha1Checksum sha256Checksum inheritedPermissionsDisabled'
	),
	lastModifyingUser: USER,
	owners: USER,
	sharingUser: USER,
	trashingUser: USER,
	imageMediaMetadata: IMAGE_MEDIA_METADATA,
	shortcutDetails: of( 'targetId targetMimeType targetResourceKey' ),
	contentHints: 'any',
	exportLinks: 'any',
	permissions: 'any',
	properties: 'any',
	appProperties: 'any',
	capabilities: 'any',
	videoMediaMetadata: 'any',
	contentRestrictions: 'any',
	linkShareMetadata: 'any',
	labelInfo: 'any',
	downloadRestrictions: 'any',
};

export const FILE_LIST: Schema = {
	...of( 'kind nextPageToken incompleteSearch' ),
	files: FILE,
};

export const DRIVE: Schema = {
	...of(
		'kind id name themeId colorRgb backgroundImageLink createdTime hidden orgUnitId'
	),
	backgroundImageFile: 'any',
	capabilities: 'any',
	restrictions: 'any',
};

export const DRIVE_LIST: Schema = {
	...of( 'kind nextPageToken' ),
	drives: DRIVE,
};

export const ABOUT: Schema = {
	...of(
		'kind canCreateDrives appInstalled folderColorPalette maxUploadSize canCreateTeamDrives'
	),
	user: USER,
	storageQuota: 'any',
	driveThemes: 'any',
	importFormats: 'any',
	exportFormats: 'any',
	maxImportSizes: 'any',
	teamDriveThemes: 'any',
};

export const CHANGE: Schema = {
	...of( 'kind changeType time removed fileId driveId teamDriveId type' ),
	file: FILE,
	drive: DRIVE,
	teamDrive: 'any',
};

export const CHANGE_LIST: Schema = {
	...of( 'kind nextPageToken newStartPageToken' ),
	changes: CHANGE,
};

export const START_PAGE_TOKEN: Schema = of( 'kind startPageToken' );
