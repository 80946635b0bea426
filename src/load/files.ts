/**
 * Listing the files of a site folder: Markdown articles and the other files
 * (images, attachments) beside them. Names are NFC-normalised for URLs;
 * the real path on disk is kept for reading and copying.
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";

/** A file found under a folder: its POSIX path relative to that folder (NFC) and its absolute path. */
export interface FoundFile {
  path: string;
  absPath: string;
}

/** Every regular file under `root`, dot-entries skipped, sorted by path; an absent folder gives []. */
export function listFiles(root: string): FoundFile[] {
  const out: FoundFile[] = [];
  walk(root, "", out);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(dir: string, prefix: string, out: FoundFile[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT" || (cause as NodeJS.ErrnoException).code === "ENOTDIR") return;
    throw cause;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const absPath = join(dir, entry.name);
    const path = prefix + entry.name.normalize("NFC");
    if (entry.isDirectory()) walk(absPath, `${path}/`, out);
    else if (entry.isFile()) out.push({ path, absPath });
    else if (entry.isSymbolicLink()) {
      // Follow links to files only: a linked folder could loop.
      try {
        if (statSync(absPath).isFile()) out.push({ path, absPath });
      } catch {
        // dangling link: nothing to publish
      }
    }
  }
}

/** True for Markdown article files. */
export function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
