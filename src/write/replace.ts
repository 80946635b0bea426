/**
 * Writing into a staging folder that may be a recycled spare (see
 * `WriteOptions.spare`): a path may already hold a file, often a hard link
 * shared with the live output. Such a file is unlinked and a new one made,
 * never written through, so the live output cannot change under a build.
 * Existence is checked with `lstat` rather than by catching EEXIST: a failed
 * system call costs an exception, and a spare has thousands of files.
 */
import { lstatSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";

/** Creates `path` with `data`, replacing (unlinking) a file already there. */
export function replaceFileSync(path: string, data: string | Uint8Array): void {
  if (lstatSync(path, { throwIfNoEntry: false })) unlinkSync(path);
  writeFileSync(path, data, { flag: "wx" });
}

/**
 * Like `replaceFileSync`, but a file already at `path` holding exactly
 * `data` is left as it is (a rebuild after a small edit changes few of the
 * search index's files: creating a file costs far more than reading one).
 * Returns whether the file was written.
 */
export function writeIfChangedSync(path: string, data: string | Uint8Array): boolean {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  const existing = lstatSync(path, { throwIfNoEntry: false });
  if (existing?.isFile() && existing.size === bytes.byteLength && readFileSync(path).equals(bytes)) return false;
  if (existing) unlinkSync(path);
  writeFileSync(path, bytes, { flag: "wx" });
  return true;
}
