/**
 * The working folders a write keeps beside the output (same filesystem, so
 * renames are atomic): `.<name>.gazette-tmp-<pid>-<random>` for the staged
 * build and `.<name>.gazette-old-<pid>-<random>` for the output being
 * replaced, and the clean-up of those left behind by a killed build.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { MARKER_NAME } from "./marker.js";

/** Which working folder: the staged new build, or the previous output on its way out. */
export type SiblingKind = "tmp" | "old";

/** Working folders of this process that are in use; never taken for stale ones. */
const inUse = new Set<string>();

/** Picks a fresh working-folder path beside `outDir` and marks it in use by this process. */
export function claimSibling(outDir: string, kind: SiblingKind): string {
  const path = join(dirname(outDir), `${prefixOf(outDir)}${kind}-${process.pid}-${randomBytes(4).toString("hex")}`);
  inUse.add(path);
  return path;
}

/** Marks a working folder as no longer in use by this process. */
export function releaseSibling(path: string): void {
  inUse.delete(path);
}

function prefixOf(outDir: string): string {
  return `.${basename(outDir)}.gazette-`;
}

/** Path of the journal listing the dot-entries carried into a staging folder (kept beside it, not in it). */
export function carryJournalOf(staging: string): string {
  return `${staging}.carry`;
}

interface Stale {
  kind: SiblingKind | "journal";
  path: string;
}

/** Lists working folders and journals beside `outDir` whose process is gone (or is this one, not using them). */
async function staleSiblings(outDir: string): Promise<Stale[]> {
  const parent = dirname(outDir);
  const prefix = prefixOf(outDir);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const stale: Stale[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(tmp|old)-(\d+)-[0-9a-f]+(\.carry)?$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const path = join(parent, name);
    const folder = match[3] ? path.slice(0, -".carry".length) : path;
    const pid = Number(match[2]);
    const alive = pid === process.pid ? inUse.has(folder) : isRunning(pid);
    if (!alive) stale.push({ kind: match[3] ? "journal" : (match[1] as SiblingKind), path });
  }
  return stale;
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Cleans up after builds that were killed: if the output folder is missing
 * because a build died between its two swap renames, the previous output is
 * renamed back; dot-entries (a `.git`) a dead build had carried into its
 * staging folder, as listed in its journal, are moved back into the output;
 * then the dead working folders and journals are removed (`remove`: now,
 * or by a detached process). Those of live processes are left alone.
 */
export async function cleanStaleSiblings(outDir: string, remove: (path: string) => Promise<void> = removeNow): Promise<void> {
  const stale = await staleSiblings(outDir);
  if (stale.length === 0) return;
  const olds = stale.filter((s) => s.kind === "old");
  if (olds.length > 0 && !(await exists(outDir))) {
    const newest = await newestOf(olds.map((s) => s.path));
    await rename(newest, outDir);
    stale.splice(stale.findIndex((s) => s.path === newest), 1);
  }
  for (const { kind, path } of stale) {
    if (kind === "tmp") await returnCarried(path, outDir);
  }
  for (const { path } of stale) await remove(path);
}

async function removeNow(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true, maxRetries: 2 });
}

async function newestOf(paths: string[]): Promise<string> {
  const times = await Promise.all(paths.map(async (p) => ({ p, t: (await lstat(p)).mtimeMs })));
  return times.reduce((a, b) => (b.t > a.t ? b : a)).p;
}

/** Moves the entries a dead build carried into its staging folder back into the output, where they are missing. */
async function returnCarried(staging: string, outDir: string): Promise<void> {
  let names: unknown;
  try {
    names = JSON.parse(await readFile(carryJournalOf(staging), "utf8"));
  } catch {
    return; // no journal: nothing was carried
  }
  if (!Array.isArray(names)) return;
  for (const name of names) {
    if (typeof name !== "string" || !name.startsWith(".") || name.includes("/") || name === MARKER_NAME) continue;
    const from = join(staging, name);
    const to = join(outDir, name);
    if (!(await exists(from)) || (await exists(to))) continue;
    await mkdir(outDir, { recursive: true }); // the output may have been deleted since: keep the user's entries anyway
    await rename(from, to);
  }
}
