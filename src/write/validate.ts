/**
 * Safety of the paths a build asks to write: plain relative POSIX paths that
 * cannot leave the output folder, claimed by one file each.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { outputError } from "./failure.js";
import { MARKER_NAME } from "./marker.js";

/** Top-level names no site file may take: the marker, and `.git`, which belongs to the user. */
const RESERVED_TOP_LEVEL = new Set([MARKER_NAME, ".git"]);

/** The folders and top-level names a valid set of output paths needs, or what is wrong with it. */
export interface PathPlan {
  /** Every folder to create, parents before children (sorted). */
  dirs: string[];
  /** First segments of all paths: the top-level entries the build makes. */
  topLevel: Set<string>;
  diagnostics: Diagnostic[];
}

/** Why an output path is unsafe, or undefined when it is a plain relative POSIX path. */
export function outputPathProblem(path: string): string | undefined {
  if (path === "") return "it is empty";
  if (path.includes("\0")) return "it contains a NUL character";
  if (path.includes("\\")) return "it contains a backslash (separate folders with /)";
  if (path.startsWith("/") || isAbsolute(path)) return "it is absolute";
  const segments = path.split("/");
  if (segments.includes("")) return "it has an empty segment";
  if (segments.includes("..")) return "it has a `..` segment";
  if (segments.includes(".")) return "it has a `.` segment";
  const first = segments[0]!;
  if (RESERVED_TOP_LEVEL.has(first.toLowerCase())) return `\`${first}\` at the output root is reserved`;
  return undefined;
}

/** Absolute location of `path` under `root`, or undefined when it would land outside `root`. */
export function resolveInside(root: string, path: string): string | undefined {
  const target = resolve(root, path);
  const rel = relative(root, target);
  if (rel === "" || isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) return undefined;
  return target;
}

/**
 * Checks every output path (safety, duplicates, a path that is both a file
 * and a folder) and lists the folders to create; `shown` names the output
 * folder in diagnostics and `root` is where the paths will be resolved.
 */
export function planOutputPaths(paths: readonly string[], root: string, shown: string): PathPlan {
  const diagnostics: Diagnostic[] = [];
  const files = new Set<string>();
  const duplicates = new Set<string>();
  const dirs = new Map<string, string>(); // folder → one file inside it, for messages
  const topLevel = new Set<string>();
  for (const path of paths) {
    const problem = outputPathProblem(path) ?? (resolveInside(root, path) ? undefined : "it resolves outside the output folder");
    if (problem) {
      diagnostics.push(outputError(shown, `unsafe output path ${JSON.stringify(path)}: ${problem}`));
      continue;
    }
    if (files.has(path)) {
      duplicates.add(path);
      continue;
    }
    files.add(path);
    const segments = path.split("/");
    topLevel.add(segments[0]!);
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join("/");
      if (!dirs.has(dir)) dirs.set(dir, path);
    }
  }
  for (const path of [...duplicates].sort()) {
    diagnostics.push(outputError(shown, `two files claim output path ${path}`));
  }
  for (const [dir, example] of [...dirs].sort(([a], [b]) => compare(a, b))) {
    if (files.has(dir)) diagnostics.push(outputError(shown, `output path ${dir} is both a file and a folder (of ${example})`));
  }
  return { dirs: [...dirs.keys()].sort(compare), topLevel, diagnostics };
}

/** Code-unit order, independent of locale, so a parent folder always sorts before its children. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
