/**
 * The cache's salt: what must be equal for cached entries to be trusted —
 * the cache format, Node's serialiser, and the code version: a hash of all
 * of gazette's code, derived automatically. The bundle (`npm run build`)
 * carries the hash of its own text (dependencies included), stamped in by
 * `scripts/bundle.mjs`; code run unbundled (tests, `dist/` as tsc wrote it)
 * hashes every module of its folder tree and package.json. Any change to any
 * module invalidates every entry: no list of modules to keep up to date.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FROM_SOURCES, PACKAGE_ROOT } from "../package-root.js";

/** Bump when the shape of cached entries changes. */
const FORMAT = 3;

/** Replaced by the bundler with the hash of the bundles' text; absent when running unbundled. */
declare const GAZETTE_CODE_VERSION: string | undefined;

let salt: string | undefined;

/** The salt of this gazette, computed once per process. */
export function cacheSalt(): string {
  salt ??= createHash("sha1").update(`format ${FORMAT}\nnode ${process.versions.v8}\ncode ${codeVersion()}\n`).digest("base64url");
  return salt;
}

/** The hash of gazette's code: stamped into the bundle, else computed from the modules on disk. */
export function codeVersion(): string {
  if (typeof GAZETTE_CODE_VERSION === "string") return GAZETTE_CODE_VERSION;
  const hash = createHash("sha1").update(readOr(join(PACKAGE_ROOT, "package.json")));
  const [dir, ext] = FROM_SOURCES ? ["src", ".ts"] : ["dist", ".js"];
  for (const file of modules(join(PACKAGE_ROOT, dir), ext)) hash.update(`${file}\n`).update(readOr(join(PACKAGE_ROOT, dir, file)));
  return hash.digest("base64url");
}

/** Every module under `root` (POSIX paths, sorted), the bundles aside. */
function modules(root: string, ext: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(ext) && path !== "gazette.js" && path !== "worker.js") found.push(path);
    }
  };
  walk("");
  return found.sort();
}

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
