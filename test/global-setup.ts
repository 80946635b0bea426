/**
 * Builds the CLI once before the suite as `npm run build` does (src/ compiled
 * into dist/, then the esbuild bundles that `bin/gazette.js` and the build's
 * worker threads run, by the same scripts/bundle.mjs), so end-to-end tests run
 * the real command against current sources, never a stale bundle. The
 * compile step strips the types with esbuild (under a second) where
 * `npm run build` runs tsc (about ten): the JavaScript is the same code, and
 * the types are checked by `npm run typecheck` (.ci/run runs it before the
 * tests). The build is skipped when its inputs (src/, tsconfig.json, the
 * package and lock files, the bundle script) and dist/ are byte for byte
 * those the last build here left: the same inputs give the same dist/.
 *
 * Every temp folder of the run (the tests', the CLI's they start, Chromium's)
 * goes under one folder made here (TMPDIR for the test processes), on a RAM
 * file system when there is one, removed when the run ends, whatever a test
 * left behind.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { build } from "esbuild";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** A hash of the files the build reads from this checkout and of the dist/ it wrote (a hand-made build in between is seen). */
function buildHash(root: string): string {
  const hash = createHash("sha256");
  const add = (path: string) => hash.update(`${relative(root, path)}\0`).update(readFileSync(path)).update("\0");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else add(join(dir, entry.name));
    }
  };
  walk(join(root, "src"));
  for (const file of ["tsconfig.json", "package.json", "package-lock.json", join("scripts", "bundle.mjs")]) {
    if (existsSync(join(root, file))) add(join(root, file));
  }
  walk(join(root, "dist"));
  return hash.digest("hex");
}

/** Free space a RAM file system needs to hold the run's temp files (the package test installs the CLI's dependencies). */
const RAM_SPACE_NEEDED = 2 * 1024 ** 3;

/**
 * Where the run's temp folder goes: a RAM file system when the machine has one
 * with room to spare (the tests make and delete tens of thousands of small
 * files and folders: on a disk, that is most of their system time), else the
 * usual temp folder.
 */
function tempBase(): string {
  const ram = "/dev/shm";
  try {
    const fs = statfsSync(ram);
    accessSync(ram, constants.W_OK);
    if (fs.type === TMPFS && fs.bavail * fs.bsize >= RAM_SPACE_NEEDED) return ram;
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}
/** The magic number of tmpfs in statfs(2). */
const TMPFS = 0x01021994;

/** The run's temp folder: made once however many projects run this setup. */
function runTempFolder(): (() => void) | undefined {
  if (process.env.GAZETTE_TEST_TMP) return undefined;
  const dir = mkdtempSync(join(tempBase(), "gazette-tests-"));
  // Vitest starts its test processes with this process's environment, read after the global setups.
  process.env.GAZETTE_TEST_TMP = dir;
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

export default async function setup(): Promise<(() => void) | undefined> {
  const teardown = runTempFolder();
  await buildCli();
  return teardown;
}

/** Every TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Builds dist/ as `npm run build` does, unless its inputs and outputs are those the last build here left. */
async function buildCli(): Promise<void> {
  const root = join(import.meta.dirname, "..");
  const stampDir = join(root, "node_modules", ".cache", "gazette-tests");
  const stamp = join(stampDir, "dist-build");
  const outputs = ["cli.js", "gazette.js", "worker.js"].map((f) => join(root, "dist", f));
  if (outputs.every((f) => existsSync(f)) && existsSync(stamp) && readFileSync(stamp, "utf8") === buildHash(root)) return;
  // tsc's emit for this tsconfig.json (ES2022 modules, one .js and .js.map per module), without the type check.
  await build({ entryPoints: sources(join(root, "src")), outdir: join(root, "dist"), outbase: join(root, "src"), format: "esm", platform: "node", target: "es2022", sourcemap: true, logLevel: "warning" });
  execFileSync(process.execPath, [join(root, "scripts", "bundle.mjs")], { cwd: root, stdio: "inherit" });
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stamp, buildHash(root));
}
