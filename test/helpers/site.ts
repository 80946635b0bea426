/**
 * Small real sites for tests: write a few files into a temp folder, build,
 * read the output.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

/** Temp folders made for the current test file, removed after it (see test/setup.ts). */
const made: string[] = [];

/** Notes a temp folder to remove once the current test file is done. */
export function removeAfterFile(dir: string): void {
  made.push(dir);
}

/** Removes the temp folders made for the test file that just ended. */
export function removeFileFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A tiny valid PNG (1×1), for image files in fixtures. */
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
  "hex",
);

/** Writes `files` (path → text or bytes) into a fresh temp folder and returns its path. */
export function makeSite(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "gazette-test-"));
  made.push(root);
  writeFiles(root, files);
  return root;
}

/** Writes (or overwrites) files under `root`. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Front-matter + body of an article, from fields (values are YAML as written). */
export function article(fields: Record<string, string>, body = "Nội dung bài viết.\n"): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n${body}`;
}

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Reads a text file of the output. */
export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}
