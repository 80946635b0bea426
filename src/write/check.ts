/**
 * Refusals of the write stage, checked before anything is written: the output
 * may not overwrite the site's sources or a folder gazette did not make.
 */
import { lstat, readdir, readlink, realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { attempt, describeSystemError, isSystemError, outputFailure, refusal } from "./failure.js";
import { MARKER_NAME } from "./marker.js";

/** True when the absolute path `child` is `parent` itself or lies inside it. */
export function isSameOrInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}

/**
 * Refuses an output folder that is the source folder, holds it, or is, holds
 * or lies inside a protected folder; compared both as written and with
 * symbolic links followed, so a link cannot smuggle the output into the sources.
 */
export async function refuseUnsafePlacement(outDir: string, sourceDir: string, protectedDirs: readonly string[], shown: string): Promise<void> {
  const source = resolve(sourceDir);
  const guarded = protectedDirs.map((dir) => resolve(dir));
  const problem =
    placementProblem(outDir, source, guarded) ??
    placementProblem(await realish(outDir), await realish(source), await Promise.all(guarded.map(realish)));
  if (problem) throw outputFailure(shown, problem);
}

function placementProblem(out: string, source: string, guarded: readonly string[]): string | undefined {
  if (out === source) return `refusing to write the site into its own source folder ${source}`;
  if (isSameOrInside(source, out)) return `refusing to write the site into ${out}: it contains the source folder ${source}`;
  for (const dir of guarded) {
    if (out === dir) return `refusing to write the site into ${dir}: it holds the site's sources`;
    if (isSameOrInside(out, dir)) return `refusing to write the site into ${out}: it is inside ${dir}, which holds the site's sources`;
    if (isSameOrInside(dir, out)) return `refusing to write the site into ${out}: it contains ${dir}, which holds the site's sources`;
  }
  return undefined;
}

/** The path with symbolic links resolved as far as it exists; the missing tail is appended as written. */
async function realish(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (err) {
    const parent = dirname(path);
    if (parent === path || !isSystemError(err) || (err.code !== "ENOENT" && err.code !== "ENOTDIR")) return path;
    return join(await realish(parent), basename(path));
  }
}

/**
 * Checks that an existing output folder may be replaced: a real folder (not
 * a file or a link) that is empty, holds nothing but a `.git` (a deploy
 * clone), or has the marker of an earlier build. A folder of anything else,
 * dot-entries included (a home folder's `.ssh`), is refused. Returns false
 * when there is no folder yet.
 */
export async function inspectOutputFolder(outDir: string, shown: string): Promise<boolean> {
  let info;
  try {
    info = await lstat(outDir);
  } catch (err) {
    if (isSystemError(err) && err.code === "ENOENT") return false;
    if (isSystemError(err)) throw outputFailure(shown, `could not inspect ${outDir}: ${describeSystemError(err)}`, err);
    throw err;
  }
  if (info.isSymbolicLink()) {
    const target = await readlink(outDir).catch(() => "?");
    throw refusal(shown, "output.refuse-symlink", { dir: outDir, target });
  }
  if (!info.isDirectory()) throw refusal(shown, "output.refuse-file", { dir: outDir });
  const names = await attempt(shown, `could not read ${outDir}`, () => readdir(outDir));
  if (names.length === 0 || (names.length === 1 && names[0] === ".git")) return true;
  const marker = await lstat(join(outDir, MARKER_NAME)).catch(() => undefined);
  if (!marker?.isFile()) {
    const sample = names.sort().slice(0, 3).join(", ") + (names.length > 3 ? ", …" : "");
    throw refusal(shown, "output.refuse-foreign", { dir: outDir, sample });
  }
  return true;
}
