export const REST_NAMESPACE = 'customer-cloud-gallery/v1';
