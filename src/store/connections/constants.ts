export const STORE_NAME = 'customer-cloud-gallery/connections';
