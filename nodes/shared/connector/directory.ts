/**
 * Old import path, kept while files that other changes are moving still import from it:
 * the class is in notionDirectory.ts, its options in directoryOptions.ts, listing types in
 * model.ts. Remove once nothing imports './directory'.
 */
export type { DirectoryTuning } from './directoryOptions';
export type { ListingCursor, ListOptions, ResumableListing } from './model';
export type { NotionDirectory } from './notionDirectory';
