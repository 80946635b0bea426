/**
 * The write stage: puts the rendered site on disk as one atomic replacement
 * of the output folder (SPEC, "Output (the deployable folder)"). Everything is
 * written into a staging folder beside the output, the user's top-level
 * dot-entries (a `.git`) are moved across, and the staging folder is renamed
 * into place only when complete; any failure leaves the previous output as it was.
 * The staging folder is fresh, or the spare: the output before last, kept by
 * the build cache and brought up to date (see `WriteOptions.spare`).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { chmod, constants, copyFile, lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { BuildFailure, type Diagnostic } from "../diagnostics.js";
import { inspectOutputFolder, refuseUnsafePlacement } from "./check.js";
import { attempt, attemptSync, failureOf, outputError } from "./failure.js";
import { madeByMarker, MARKER_NAME, markerText } from "./marker.js";
import { carryJournalOf, claimSibling, cleanStaleSiblings, releaseSibling } from "./siblings.js";
import { planOutputPaths, resolveInside, type PathPlan } from "./validate.js";

/** One file of the site to write: content in memory, or a file to copy. Path is POSIX, relative to the output root, no leading slash, e.g. "tin-tuc/index.html", "images/a.png". */
export type OutputFile = { path: string; data: string | Uint8Array } | { path: string; copyFrom: string /* absolute source path */ };

/** Where to write the site and what it must never overwrite. */
export interface WriteOptions {
  /** Absolute output folder. */
  outDir: string;
  /** Absolute site root; the output may never be it or contain it, but may lie inside it. */
  sourceDir: string;
  /** Absolute folders the output may not be, be inside, or contain (content/, templates/, static/). */
  protectedDirs: string[];
  /** Most files written at once; default 32. */
  concurrency?: number;
  /** Files that another writer (the build's page renderer) puts into the staging folder. */
  external?: ExternalFiles;
  /**
   * What to do with the previous output once the new one is in place: "wait"
   * (default) deletes it before resolving; "background" hands the deletion to
   * a detached process, so a CLI build ends as soon as the new site is in
   * place (a deletion cut short is finished by the next build's clean-up).
   */
  removeOld?: "wait" | "background";
  /**
   * A private folder on the output's filesystem (the build cache's) where the
   * replaced output is kept instead of deleted, and from which the next write
   * takes its staging folder: its folders are reused, its unchanged files
   * (hard links shared with the output) left alone, the rest replaced or
   * removed. On disks where creating thousands of folders right after
   * deleting thousands is slow, this makes a rebuild much cheaper. The result
   * is the same bytes as from a fresh folder; anything found in the spare is
   * the writer's to overwrite or delete.
   */
  spare?: string;
}

/**
 * Output files written by someone else: their paths are checked and their
 * folders created like any others, then `write` is called with the staging
 * folder (alongside the pool) and must create exactly those files there.
 * Its rejection fails the write like any other, leaving the previous output as it was.
 */
export interface ExternalFiles {
  paths: readonly string[];
  /**
   * Writes every file of `paths` under `stagingDir`; resolves to the bytes
   * written. In a recycled spare a path may already hold a file, possibly a
   * hard link into the live output: it must be replaced, never written
   * through (see `./replace.ts`). `fresh`: the folder was made empty for this
   * build, so none of `paths` exists yet.
   */
  write(stagingDir: string, fresh: boolean): Promise<number>;
}

/** What a write put in the output folder: site files and their bytes (the marker file not counted). */
export interface WriteResult {
  files: number;
  bytes: number;
}

const DEFAULT_CONCURRENCY = 32;

/** Folders made between two turns of the event loop (see `stage`). */
const FOLDERS_PER_TURN = 256;

/**
 * Replaces the output folder with exactly `files` (plus the `.gazette` marker
 * and the folder's earlier top-level dot-entries), atomically; throws a
 * BuildFailure (code `output`) for unsafe paths, refused folders and I/O errors.
 */
export async function writeOutput(files: readonly OutputFile[], options: WriteOptions): Promise<WriteResult> {
  const shown = options.outDir;
  const outDir = resolve(options.outDir);
  const plan = planOutputPaths(
    [...files.map((f) => f.path), ...(options.external?.paths ?? [])],
    outDir,
    shown,
  );
  const problems: Diagnostic[] = [...plan.diagnostics];
  for (const file of files) {
    if ("copyFrom" in file && !isAbsolute(file.copyFrom)) {
      problems.push(outputError(shown, `the source of ${file.path} is not an absolute path: ${file.copyFrom}`));
    }
  }
  if (problems.length > 0) throw new BuildFailure(problems);
  await refuseUnsafePlacement(outDir, options.sourceDir, options.protectedDirs, shown);
  const wanted = options.concurrency ?? DEFAULT_CONCURRENCY;
  const concurrency = Number.isFinite(wanted) ? Math.max(1, Math.floor(wanted)) : DEFAULT_CONCURRENCY;
  return oneAtATime(outDir, () => replaceOutput(files, plan, outDir, shown, concurrency, options.external, options.removeOld ?? "wait", options.spare));
}

/**
 * Repairs what a killed build left beside the output folder `outDir`: the
 * previous output renamed aside with no new one in its place is put back, a
 * `.git` carried into an unfinished new site returns, and the dead working
 * folders are deleted (by a detached process when `background`). Every
 * command runs this before anything else; failures are ignored here (a
 * build's write stage tries again and reports them).
 */
export async function repairOutput(outDir: string, background = false): Promise<void> {
  const remove = async (path: string): Promise<void> => {
    if (background && removeInBackground(path)) return;
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
  };
  await cleanStaleSiblings(resolve(outDir), remove).catch(() => undefined);
}

/** Writes into one output folder in turn within this process (a rebuild during `serve` waits for the last one). */
const writing = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const result = (writing.get(key) ?? Promise.resolve()).then(task);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  writing.set(key, settled);
  void settled.then(() => {
    if (writing.get(key) === settled) writing.delete(key);
  });
  return result;
}

async function replaceOutput(
  files: readonly OutputFile[],
  plan: PathPlan,
  outDir: string,
  shown: string,
  concurrency: number,
  external: ExternalFiles | undefined,
  removeOld: "wait" | "background",
  spare: string | undefined,
): Promise<WriteResult> {
  await attempt(shown, `could not clean up after an earlier build of ${outDir}`, () => cleanStaleSiblings(outDir));
  const existed = await inspectOutputFolder(outDir, shown);
  await attempt(shown, `could not create ${dirname(outDir)}`, () => mkdir(dirname(outDir), { recursive: true }));
  const staging = claimSibling(outDir, "tmp");
  let recycled: Map<string, boolean> | undefined;
  try {
    recycled = spare === undefined ? undefined : await takeSpare(spare, staging);
    if (!recycled) await attempt(shown, `could not create the staging folder ${staging}`, () => mkdir(staging));
  } catch (err) {
    releaseSibling(staging);
    throw err;
  }
  const carried: string[] = [];
  try {
    const result = await stage(files, plan, staging, shown, concurrency, external, recycled);
    await swap(outDir, staging, existed, plan.topLevel, carried, shown, removeOld, spare);
    await rm(carryJournalOf(staging), { force: true }).catch(() => undefined);
    return result;
  } catch (err) {
    throw await rollBack(err, outDir, staging, carried, shown, spare);
  } finally {
    releaseSibling(staging);
  }
}

/**
 * Moves the spare (a previous output, with its marker) to `staging` and lists
 * what it holds: relative POSIX path to true for folders, false for files.
 * Undefined when there is no usable spare (the caller makes a fresh folder).
 */
async function takeSpare(spare: string, staging: string): Promise<Map<string, boolean> | undefined> {
  const found = await lstat(spare).catch(() => undefined);
  if (!found) return undefined; // no spare (yet)
  try {
    if (!found.isDirectory() || !(await lstat(join(spare, MARKER_NAME))).isFile()) throw new Error("not a spare output");
    await rename(spare, staging);
  } catch {
    // Not usable (a write that failed early, or not a folder): it is ours, so it goes.
    await rm(spare, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
    return undefined;
  }
  try {
    // Synchronously: thousands of small folders are listed several times faster than through the thread pool.
    const entries = new Map<string, boolean>();
    const walk = (rel: string): void => {
      for (const entry of readdirSync(rel ? join(staging, rel) : staging, { withFileTypes: true })) {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        const isDir = entry.isDirectory();
        entries.set(path, isDir);
        if (isDir) walk(path);
      }
    };
    walk("");
    return entries;
  } catch {
    await rm(staging, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
    return undefined;
  }
}

/**
 * Writes the folders (parents first), the marker and every file into the
 * staging folder. A recycled one (`recycled`: what it held) keeps its folders;
 * its files are replaced, and whatever the new site does not have is removed.
 */
async function stage(
  files: readonly OutputFile[],
  plan: PathPlan,
  staging: string,
  shown: string,
  concurrency: number,
  external: ExternalFiles | undefined,
  recycled: ReadonlyMap<string, boolean> | undefined,
): Promise<WriteResult> {
  if (recycled) await attempt(shown, `could not clear the staging folder ${staging}`, async () => prune(staging, plan, external, recycled));
  // Synchronously: thousands of empty folders are made several times faster than through the thread pool.
  // Every few hundred, the event loop turns, so that build workers' answers come in meanwhile (making a
  // folder takes ~0.1 ms on a disk: 0.5 s for a site of 4,000 articles, when the workers would wait).
  let made = 0;
  for (const dir of plan.dirs) {
    if (recycled?.get(dir) === true) continue;
    await attempt(shown, `could not create folder ${dir}`, async () => mkdirSync(inside(staging, dir)));
    if (++made % FOLDERS_PER_TURN === 0) await nextTurn();
  }
  await attempt(shown, `could not write ${MARKER_NAME}`, () => writeFile(join(staging, MARKER_NAME), markerText(plan.topLevel), { flag: "wx" }));
  let bytes = 0;
  const others = external ? attempt(shown, "could not write the pages", () => external.write(staging, recycled === undefined)) : Promise.resolve(0);
  // Both writers finish before a failure is acted on: none may still be writing into a folder being removed.
  const [pooled, externalBytes] = await Promise.allSettled([
    inPool(files, concurrency, async (file) => {
      const written = await writeOne(file, staging, shown); // not `bytes += await …`: that reads `bytes` before the wait
      bytes += written;
    }),
    others,
  ]);
  if (pooled.status === "rejected") throw pooled.reason;
  if (externalBytes.status === "rejected") throw externalBytes.reason;
  return { files: files.length + (external?.paths.length ?? 0), bytes: bytes + externalBytes.value };
}

/**
 * Readies a recycled staging folder: removes every entry the new site has no
 * place for (and a file where a folder goes, or the reverse), the marker and
 * the files the write stage copies or writes itself. The external writer's
 * files are left for it to replace (most are unchanged hard links).
 */
function prune(staging: string, plan: PathPlan, external: ExternalFiles | undefined, recycled: ReadonlyMap<string, boolean>): void {
  const dirs = new Set(plan.dirs);
  const externalPaths = new Set(external?.paths ?? []);
  const gone = new Set<string>();
  // `recycled` lists a folder before its entries: those of a removed folder went with it.
  for (const [path, isDir] of recycled) {
    const slash = path.lastIndexOf("/");
    if (slash > 0 && gone.has(path.slice(0, slash))) {
      gone.add(path);
      continue;
    }
    if (isDir ? dirs.has(path) : externalPaths.has(path)) continue;
    rmSync(join(staging, path), { recursive: true, force: true });
    gone.add(path);
  }
}

async function writeOne(file: OutputFile, staging: string, shown: string): Promise<number> {
  const target = inside(staging, file.path);
  if ("copyFrom" in file) {
    return attempt(shown, `could not copy ${file.copyFrom} to ${file.path}`, async () => {
      await copyFile(file.copyFrom, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      return (await stat(target)).size;
    });
  }
  await attempt(shown, `could not write ${file.path}`, () => writeFile(target, file.data, { flag: "wx" }));
  return typeof file.data === "string" ? Buffer.byteLength(file.data) : file.data.byteLength;
}

/** The absolute target of an already validated path; escaping the staging folder here would be a bug. */
function inside(staging: string, path: string): string {
  const target = resolveInside(staging, path);
  if (target === undefined) throw new Error(`output path ${JSON.stringify(path)} escapes the staging folder`);
  return target;
}

/** Runs `work` on every item, at most `limit` at once; after a failure no new item starts, and all failures are reported. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const errors: unknown[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (errors.length === 0 && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length === 0) return;
  const bug = errors.find((e) => !(e instanceof BuildFailure));
  if (bug !== undefined) throw bug;
  throw failureOf(
    errors.flatMap((e) => (e as BuildFailure).diagnostics),
    errors[0],
  );
}

/**
 * The output's top-level dot-entries that no build made (`.git`, a user's
 * `.nojekyll`), to be carried into the new site; those the new build makes
 * itself, or the previous marker lists as made, are not kept.
 */
async function dotEntriesToCarry(outDir: string, made: ReadonlySet<string>, shown: string): Promise<string[]> {
  const previousMarker = await readFile(join(outDir, MARKER_NAME), "utf8").catch(() => "");
  const madeBefore = madeByMarker(previousMarker);
  return (await attempt(shown, `could not read ${outDir}`, () => readdir(outDir)))
    .filter((name) => name.startsWith(".") && name !== MARKER_NAME && !made.has(name) && !madeBefore.has(name))
    .sort();
}

/**
 * Puts the staging folder in place of the output. With a previous output:
 * its own dot-entries (see `dotEntriesToCarry`) are moved into the new site
 * (journalled, for recovery), the previous output is renamed aside and the
 * new one into place, all synchronously, back to back: nothing else runs in
 * between, so a kill can leave the output without its `.git`, or missing,
 * only for the few microseconds the renames take (and the next command of
 * any kind repairs that: see `cleanStaleSiblings`). The new folder gets the
 * previous one's permissions. Then the previous output is kept as the spare or deleted.
 */
async function swap(
  outDir: string,
  staging: string,
  existed: boolean,
  made: ReadonlySet<string>,
  carried: string[],
  shown: string,
  removeOld: "wait" | "background",
  spare: string | undefined,
): Promise<void> {
  const moveIn = (): void => attemptSync(shown, `could not move the new site into ${outDir}`, () => renameSync(staging, outDir));
  if (!existed) return moveIn();
  const names = await dotEntriesToCarry(outDir, made, shown);
  const mode = (await stat(outDir).catch(() => undefined))?.mode;
  if (mode !== undefined) await chmod(staging, mode & 0o7777).catch(() => undefined);
  const old = claimSibling(outDir, "old");
  try {
    // From the journal to the second rename, nothing yields to the event loop.
    if (names.length > 0) attemptSync(shown, `could not write ${carryJournalOf(staging)}`, () => writeFileSync(carryJournalOf(staging), `${JSON.stringify(names)}\n`));
    for (const name of names) {
      attemptSync(shown, `could not move ${name} from ${outDir} into the new site`, () => renameSync(join(outDir, name), join(staging, name)));
      carried.push(name);
    }
    attemptSync(shown, `could not move the previous output ${outDir} aside`, () => renameSync(outDir, old));
    try {
      moveIn();
    } catch (err) {
      try {
        renameSync(old, outDir);
      } catch (restoreError) {
        const first = err instanceof BuildFailure ? err.diagnostics : [];
        throw failureOf([...first, outputError(shown, `the previous output is now at ${old}; rename it back to ${outDir}`)], restoreError);
      }
      throw err;
    }
    // The new site is in place; a leftover of the old one is removed by the next build.
    if (spare !== undefined && (await keepAsSpare(old, spare))) return;
    if (removeOld === "background" && removeInBackground(old)) return;
    await rm(old, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
  } finally {
    releaseSibling(old);
  }
}

/** Renames a folder to be the spare, unless there is one already or it cannot be (another filesystem). */
async function keepAsSpare(dir: string, spare: string): Promise<boolean> {
  try {
    await mkdir(dirname(spare), { recursive: true });
    await rename(dir, spare);
    return true;
  } catch {
    return false;
  }
}

/** Starts a detached process deleting `dir` (thousands of files take a while); false when it cannot be started. */
export function removeInBackground(dir: string): boolean {
  try {
    const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })";
    const child = spawn(process.execPath, ["-e", script, dir], { detached: true, stdio: "ignore" });
    child.on("error", () => undefined);
    child.unref();
    return child.pid !== undefined;
  } catch {
    return false;
  }
}

/** Undoes a failed write: carried dot-entries go back into the output, then the staging folder is removed. */
async function rollBack(err: unknown, outDir: string, staging: string, carried: readonly string[], shown: string, spare: string | undefined): Promise<unknown> {
  const notes: Diagnostic[] = [];
  for (const name of [...carried].reverse()) {
    await rename(join(staging, name), join(outDir, name)).catch(() => {
      notes.push(outputError(shown, `could not move ${name} back into ${outDir}; it is in ${staging}`));
    });
  }
  if (notes.length === 0) {
    if (spare === undefined || !(await keepAsSpare(staging, spare))) await rm(staging, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
    await rm(carryJournalOf(staging), { force: true }).catch(() => undefined);
    return err;
  }
  const first = err instanceof BuildFailure ? err.diagnostics : [outputError(shown, String(err))];
  return failureOf([...first, ...notes], err);
}
