export * from './client';
export * from './connections';
export * from './folders';
export * from './preview';
export * from './settings';
export { REST_NAMESPACE } from './constants';
export { queryKeys } from './query-keys';
export type * from './types';
