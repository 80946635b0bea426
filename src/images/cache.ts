/**
 * The derivative store: content-addressed folders under the build cache
 * (`.gazette-cache/images/<key>/`), one per photo version and settings, keyed
 * by the hash of the photo's bytes, the settings and the derivative code's
 * version. A folder is complete once its `meta.json` is written; it is shared
 * by every output folder and never made again while it exists. An index of
 * file stamps lets a warm build find the key of an unchanged photo without
 * reading it. Each build marks the entries it uses (their `meta.json` is
 * touched) and, once it has succeeded, removes those no build has used for
 * `STORE_MAX_AGE_MS` (see `prune`).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sameStamp, stampOf, type FileStamp } from "../load/batch.js";
import type { ImageHeader } from "./derive.js";
import type { OutFormat } from "./plan.js";
import { DERIVATIVE_CODE_VERSION, type ImageSettings } from "./settings.js";

/** A photo file's identity without reading it: the article loader's file stamp. */
type Stamp = FileStamp;

interface IndexFile {
  version: number;
  files: Record<string, { stamp: Stamp; hash: string }>;
}

/** What a command may write to the store. */
export type StoreAccess = "write" | "derivatives" | "read";

/** The folder of the derivative store inside the build cache folder. */
export const IMAGE_CACHE_DIR = "images";

/**
 * How long an entry no build has used is kept: 30 days. Far longer than the
 * gap between two builds of a live site (and than the week after which CI
 * caches left unused are evicted), so an output folder built only now and then
 * (a monthly archive, a preview with other settings) or a photo put back after
 * a few weeks still finds its derivatives; short enough that replaced photos
 * and abandoned settings stop taking space within a month.
 */
export const STORE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Where derivatives are kept between builds (or, without the cache, for one build only). */
export class ImageStore {
  private readonly index: IndexFile;
  private readonly nextIndex: IndexFile = { version: DERIVATIVE_CODE_VERSION, files: {} };
  /** Entry folders this store was used for: never pruned by it. */
  private readonly used = new Set<string>();

  private constructor(
    /** The store's folder. */
    readonly dir: string,
    /** False for a temporary store (a build without the cache). */
    readonly persistent: boolean,
    private readonly access: StoreAccess = "write",
  ) {
    this.index = persistent ? readIndex(join(dir, "index.json")) : { version: DERIVATIVE_CODE_VERSION, files: {} };
  }

  /**
   * The store in the build cache folder `cacheDir`, or a temporary one (deleted
   * by `dispose`) when undefined. `access`: "write" (build) keeps the stamp
   * index too and prunes; "derivatives" (serve) only adds derivatives it
   * makes and marks those it uses; "read" (check) writes nothing.
   */
  static open(cacheDir: string | undefined, access: StoreAccess = "write"): ImageStore {
    if (cacheDir === undefined) return new ImageStore(mkdtempSync(join(tmpdir(), "gazette-images-")), false);
    const dir = join(cacheDir, IMAGE_CACHE_DIR);
    // Folders are made when a derivative or the index is first written: a build refused before that leaves no trace.
    return new ImageStore(dir, true, access);
  }

  /** The hash of a photo's bytes recorded for `path` when its stamp is unchanged and older than `before` (ms since the epoch). */
  knownHash(path: string, absPath: string, before: number): { hash?: string; stamp?: Stamp } {
    const stamp = stampOf(absPath, before);
    const known = this.index.files[path];
    if (stamp && known && sameStamp(known.stamp, stamp)) return { hash: known.hash, stamp };
    return stamp ? { stamp } : {};
  }

  /** Records the hash of `path`'s bytes for the next build. */
  rememberHash(path: string, hash: string, stamp: Stamp | undefined): void {
    if (stamp) this.nextIndex.files[path] = { stamp, hash };
  }

  /** The folder of the derivatives of a photo whose bytes hash to `hash`, made with `settings`. */
  entryDir(hash: string, settings: ImageSettings): string {
    const key = createHash("sha256").update(`${DERIVATIVE_CODE_VERSION}\n${JSON.stringify(settings)}\n${hash}`).digest("hex").slice(0, 40);
    return join(this.dir, key.slice(0, 2), key);
  }

  /** The header a complete entry recorded, or undefined when the entry is missing or incomplete. */
  header(entryDir: string): ImageHeader | undefined {
    try {
      const meta = JSON.parse(readFileSync(join(entryDir, "meta.json"), "utf8")) as ImageHeader;
      return typeof meta.width === "number" && typeof meta.height === "number" ? meta : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes a complete entry at once: its files (by store name) and then its header. */
  commit(entryDir: string, files: { name: string; data: Uint8Array }[], header: ImageHeader): void {
    if (this.access === "read") throw new Error("the image store is read only here");
    const temp = `${entryDir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    mkdirSync(temp, { recursive: true });
    for (const file of files) writeFileSync(join(temp, file.name), file.data);
    writeFileSync(join(temp, "meta.json"), JSON.stringify(header));
    rmSync(entryDir, { recursive: true, force: true });
    renameSync(temp, entryDir);
  }

  /**
   * Records that this run uses the entry: its `meta.json` is touched (the
   * entry's last use, which `prune` reads), unless the store is read only.
   */
  markUsed(entryDir: string): void {
    this.used.add(entryDir);
    if (!this.persistent || this.access === "read") return;
    const now = new Date();
    try {
      utimesSync(join(entryDir, "meta.json"), now, now);
    } catch {
      // removed meanwhile: it is made again when next needed
    }
  }

  /**
   * Removes the entries no run has used for `maxAgeMs` (by the time their
   * `meta.json` was last touched; an incomplete entry by its folder's time),
   * never one this store was used for. Only a persistent store opened for
   * "write" prunes; call it once a build has succeeded. Returns how many
   * entries were removed.
   */
  prune(maxAgeMs = STORE_MAX_AGE_MS, now = Date.now()): number {
    if (!this.persistent || this.access !== "write") return 0;
    const cutoff = now - maxAgeMs;
    let removed = 0;
    for (const shard of listDir(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const shardDir = join(this.dir, shard);
      let left = 0;
      for (const name of listDir(shardDir)) {
        const entryDir = join(shardDir, name);
        const lastUsed = this.used.has(entryDir) ? now : (mtimeOf(join(entryDir, "meta.json")) ?? mtimeOf(entryDir));
        if (lastUsed === undefined || lastUsed >= cutoff) {
          left++;
          continue;
        }
        rmSync(entryDir, { recursive: true, force: true });
        removed++;
      }
      if (left === 0 && listDir(shardDir).length === 0) {
        try {
          rmdirSync(shardDir);
        } catch {
          // an entry was added meanwhile
        }
      }
    }
    return removed;
  }

  /** Saves the stamp index for the next build (persistent stores only). */
  save(): void {
    if (!this.persistent || this.access !== "write") return;
    const files = Object.fromEntries(Object.entries(this.nextIndex.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const text = JSON.stringify({ version: DERIVATIVE_CODE_VERSION, files });
    if (text === JSON.stringify(this.index)) return; // unchanged: not written again
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, "index.json");
    const temp = `${path}.tmp-${process.pid}`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  }

  /** Deletes a temporary store; a persistent one is kept. */
  dispose(): void {
    if (!this.persistent) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A derivative's file name inside its entry folder: `960.webp`, `original.jpeg`. */
export function storeName(width: number | "original", format: OutFormat): string {
  return `${width}.${format}`;
}

/** Hash of a photo's bytes. */
export function bytesHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

function readIndex(path: string): IndexFile {
  try {
    const index = JSON.parse(readFileSync(path, "utf8")) as IndexFile;
    if (index.version === DERIVATIVE_CODE_VERSION && typeof index.files === "object" && index.files !== null) return index;
  } catch {
    // missing or corrupt: every photo is read and hashed again
  }
  return { version: DERIVATIVE_CODE_VERSION, files: {} };
}


function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when every named file of an entry is there. */
export function entryHas(entryDir: string, names: readonly string[]): boolean {
  return names.every((name) => existsSync(join(entryDir, name)));
}
