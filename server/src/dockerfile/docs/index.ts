/** Dockerfile docs as data, in English and Simplified Chinese: one import for features and rules. */
export * from './buildArgs';
export * from './checks';
export * from './directives';
export * from './flags';
export * from './instructions';
export * from './mounts';
export * from './render';
export * from './types';
export * from './values';
export * from './signatures';
