export const REST_NAMESPACE = 'customer-cloud-gallery/v1';

/**
 * GET /folders for someone who cannot manage connections, on a provider
 * whose gallery folder the administrator has not chosen; the server's
 * message says whom to ask and where.
 */
export const NO_GALLERY_FOLDER = 'ccg_no_gallery_folder';
