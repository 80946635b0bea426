/**
 * The derivative store: content-addressed folders under the build cache
 * (`.gazette-cache/images/<key>/`), one per photo version and settings, keyed
 * by the hash of the photo's bytes, the settings and the derivative code's
 * version. A folder is complete once its `meta.json` is written; it is shared
 * by every output folder and never made again while it exists. An index of
 * file stamps lets a warm build find the key of an unchanged photo without
 * reading it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

/** Where derivatives are kept between builds (or, without the cache, for one build only). */
export class ImageStore {
  private readonly index: IndexFile;
  private readonly nextIndex: IndexFile = { version: DERIVATIVE_CODE_VERSION, files: {} };

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
   * index too; "derivatives" (serve) only adds derivatives it makes; "read"
   * (check) writes nothing.
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


/** True when every named file of an entry is there. */
export function entryHas(entryDir: string, names: readonly string[]): boolean {
  return names.every((name) => existsSync(join(entryDir, name)));
}
