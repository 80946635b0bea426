/**
 * The reference the other paths are compared with: the shipped build (what
 * `gazette build` runs), on the main thread alone and without the cache,
 * into a temp folder that is read back and removed. A test file often asks
 * for the reference of the same sources more than once (a rebuild with
 * nothing changed, the same generated corpus in several tests): each
 * distinct state of the sources is built once per test file.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { build, type BuildOptions } from "../../src/build.js";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";
import { listTree } from "./site.js";

/** What a plain build gave: its files by output path (none when it failed) and every diagnostic. */
export interface Reference {
  files: Map<string, Buffer>;
  diagnostics: Diagnostic[];
  failed: boolean;
}

/** Plain builds already made in this test file, by `referenceKey`. */
const made = new Map<string, Reference>();
/** How many references are kept (the oldest goes first). */
const KEPT = 24;

/** Builds `options.source` as `gazette build --no-cache` would, with no worker thread, and reads the output back. */
export async function plainBuild(options: BuildOptions): Promise<Reference> {
  const key = referenceKey(options);
  const known = key === undefined ? undefined : made.get(key);
  if (known) return copy(known);
  const reference = await buildReference(options);
  if (key !== undefined) {
    made.set(key, reference);
    if (made.size > KEPT) made.delete(made.keys().next().value!);
  }
  return copy(reference);
}

/** A caller's own copy: it may change the map and the diagnostics without changing what later callers get. */
function copy(reference: Reference): Reference {
  return { files: new Map(reference.files), diagnostics: structuredClone(reference.diagnostics), failed: reference.failed };
}

async function buildReference(options: BuildOptions): Promise<Reference> {
  const out = join(mkdtempSync(join(tmpdir(), "gazette-reference-")), "out");
  try {
    const result = await build({ ...options, out, cache: false, workers: 0 });
    const files = new Map(listTree(out).filter((f) => f !== ".gazette").map((f) => [f, readFileSync(join(out, f))]));
    return { files, diagnostics: result.diagnostics, failed: false };
  } catch (cause) {
    if (!(cause instanceof BuildFailure)) throw cause;
    return { files: new Map(), diagnostics: cause.diagnostics, failed: true };
  } finally {
    rmSync(join(out, ".."), { recursive: true, force: true });
  }
}

/**
 * What a plain build's result depends on: the options that reach it, the
 * source folder's name (the default site title), where it is seen from
 * (messages name files relative to `cwd`), and every path and byte under the
 * source folder, except the cache folder and output folders (top-level
 * folders holding the writer's `.gazette` marker), which the build does not
 * read. Undefined (build every time) when the tree holds a symbolic link or
 * anything but files and folders, whose target could change unseen, when the
 * build reads the clock (no `now`), or when an option is a callback.
 */
function referenceKey(options: BuildOptions): string | undefined {
  const { source, out: _out, cacheDir: _cacheDir, cache: _cache, workers: _workers, cwd, ...rest } = options;
  if (rest.now === undefined || Object.values(rest).some((value) => typeof value === "function")) return undefined; // the clock or a callback: not a pure input
  const root = resolve(cwd ?? process.cwd(), source);
  const hash = createHash("sha256");
  hash.update(JSON.stringify([basename(root), relative(cwd ?? process.cwd(), root), Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))]));
  const walk = (dir: string, top: boolean): boolean => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (top && name === ".gazette-cache") continue;
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        if (top && readdirSync(path).includes(".gazette")) continue;
        hash.update(`d\0${relative(root, path)}\0`);
        if (!walk(path, false)) return false;
      } else if (stat.isFile()) {
        const bytes = readFileSync(path);
        hash.update(`f\0${relative(root, path)}\0${bytes.length}\0`).update(bytes);
      } else return false;
    }
    return true;
  };
  try {
    return walk(root, true) ? hash.digest("hex") : undefined;
  } catch {
    return undefined; // no readable source folder: the build reports it
  }
}
