export { folderQueryOptions, useFolderQuery } from './use-folder-query';
export { usePreviewQuery } from './use-preview-query';
export {
	useGallerySettingsQuery,
	useSaveGallerySettings,
} from './use-gallery-settings';
