export { DEFAULT_MAX_BYTES, readBytes, readDocument, type ReadOptions } from './read-document.js';
export type * from './types.js';
