export * from './client';
export * from './connections';
export { REST_NAMESPACE } from './constants';
export type * from './types';
