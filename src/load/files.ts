/**
 * The files of a site folder: Markdown articles and the other files (images,
 * attachments) beside them, listed by the site's file-system policy
 * (`./walk.ts`). Names are NFC-normalised for URLs; the path on disk is kept
 * for reading and copying.
 */
export { walkFolder, type FoundFile, type WalkPolicy, type WalkResult } from "./walk.js";

/** True for Markdown article files. */
export function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
