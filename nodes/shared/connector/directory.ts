/**
 * Kept only for http/requester.ts, which imports its tuning type from here; the tuning lives in
 * directoryOptions.ts. Remove once the requester imports it from there.
 */
export type { DirectoryTuning } from './directoryOptions';
