/**
 * Writing into a staging folder that may be a recycled spare (see
 * `WriteOptions.spare`): a path may already hold a file, often a hard link
 * shared with the live output. Such a file is unlinked and a new one made,
 * never written through, so the live output cannot change under a build.
 */
import { linkSync, statSync, unlinkSync, writeFileSync } from "node:fs";

/** Creates `path` with `data`, replacing (unlinking) a file already there. */
export function replaceFileSync(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data, { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    unlinkSync(path);
    writeFileSync(path, data, { flag: "wx" });
  }
}

/** Hard-links `from` (whose inode is `ino`) at `to`; a file already at `to` is kept when it is that inode, else replaced. */
export function linkReplacingSync(from: string, to: string, ino: number): void {
  try {
    linkSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    if (statSync(to).ino === ino) return;
    unlinkSync(to);
    linkSync(from, to);
  }
}
