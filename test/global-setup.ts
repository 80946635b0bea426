/**
 * Builds the CLI once before the suite exactly as `npm run build` does (tsc,
 * then the esbuild bundle that `bin/gazette.js` runs), so end-to-end tests run
 * the real command against current sources, never a stale bundle. The build
 * is skipped when its inputs (src/, tsconfig.json, the package and lock
 * files, the bundle script) and dist/ are byte for byte those the last build
 * here left: the same inputs give the same dist/.
 *
 * Every temp folder of the run (the tests', the CLI's they start, Chromium's)
 * goes under one folder made here (TMPDIR for the test processes), on a RAM
 * file system when there is one, removed when the run ends, whatever a test
 * left behind.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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

export default function setup(): (() => void) | undefined {
  const teardown = runTempFolder();
  buildCli();
  return teardown;
}

/** Runs `npm run build` unless its inputs and outputs are those the last build here left. */
function buildCli(): void {
  const root = join(import.meta.dirname, "..");
  const stampDir = join(root, "node_modules", ".cache", "gazette-tests");
  const stamp = join(stampDir, "dist-build");
  const outputs = ["cli.js", "gazette.js", "worker.js"].map((f) => join(root, "dist", f));
  if (outputs.every((f) => existsSync(f)) && existsSync(stamp) && readFileSync(stamp, "utf8") === buildHash(root)) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [join(root, "scripts", "bundle.mjs")], { cwd: root, stdio: "inherit" });
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stamp, buildHash(root));
}
