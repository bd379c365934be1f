export { folderQueryOptions, useFolderQuery } from './use-folder-query';
export { PREVIEW_DEBOUNCE_MS, usePreviewQuery } from './use-preview-query';
export {
	useGallerySettingsQuery,
	useSaveGallerySettings,
} from './use-gallery-settings';
