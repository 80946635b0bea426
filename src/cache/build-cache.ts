/**
 * The persistent build cache (`<site>/.gazette-cache/`): per article file,
 * its parsed front-matter keyed by the hash of its text, and its rendered
 * body keyed by that hash, the settings rendering read, and the state of
 * every article and file its links and images resolved against. Entries
 * live in a few shard files, so that a rebuild with few changes rewrites few.
 * A missing, stale or corrupt shard is simply a miss, and so is one whose
 * bytes do not match the digest stored with them (changed on disk: nothing
 * in it is trusted or published); deleting the folder is always safe.
 */
import { dependencyState, type LinkTargets } from "../markdown/dependencies.js";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { walkFolder } from "../load/walk.js";
import { deserialize, serialize } from "node:v8";
import type { MarkdownOutput } from "../markdown/render.js";
import type { ArticleTerms } from "../search/terms.js";
import type { LoadedArticle } from "../types.js";
import { htmlText, type CachedBody, type PageRecord } from "../write/pages.js";
import type { CompiledText } from "../render/templates.js";
import { sameStamp, type FileStamp } from "../load/batch.js";
import { removeInBackground } from "../write/output.js";
import { cacheSalt } from "./salt.js";
import { loadedDigest } from "../model/fingerprint.js";

/** Names of spare output folders in the cache folder (see `spareFor`), and of those being deleted. */
const SPARE_PREFIX = "output-";
const DOOMED_PREFIX = "deleting-";

/** The cache folder of a site, unless the user chose otherwise. */
export const CACHE_DIR_NAME = ".gazette-cache";

const SHARDS = 16;

/** Front-matter as cached: the article without what the file's place gives (paths) or its text holds (body). */
type CachedArticle = Omit<LoadedArticle, "contentPath" | "displayPath" | "sitePath" | "body">;

interface BodyEntry {
  /** The settings and file name rendering read (see `bodySettings`). */
  settings: string;
  /** The articles (`a:2023/x.md`) and files (`f:images/a.png`) whose presence shaped the HTML. */
  dependencies: string[];
  /** Their state when it was rendered (see `targetState`), as JSON. */
  state: string;
  /**
   * The HTML as UTF-8: a rebuild opens every entry, yet needs the HTML of
   * few (pages it renders again, the feed), and bytes are read without
   * making thousands of strings for the collector to move.
   */
  html: Uint8Array;
  /** Digest of `html` (see `htmlDigest`), for page keys. */
  digest: string;
  firstParagraph: string;
}

interface Entry {
  hash: string;
  /** The site timezone the dates were read in (dates without an offset depend on it). */
  timezone: string;
  bodyStart: number;
  /** The file's stamp when its text was last read, if old enough to trust (see `LoadOptions.stampsBefore`). */
  stamp?: FileStamp;
  article: CachedArticle;
  body?: BodyEntry;
  /** The article's search terms (they depend on the file's text alone). */
  search?: ArticleTerms;
}

interface ShardFile {
  salt: string;
  entries: Record<string, Entry>;
}

/** Hits and misses of one build, for `--json` and tests. */
export interface CacheStats {
  /** Front-matter taken from the cache / parsed. */
  articles: { hits: number; misses: number };
  /** Of the hits, the files not even read: their stamp was as the cache recorded. */
  unread: number;
  /** Bodies taken from the cache / rendered. */
  bodies: { hits: number; misses: number };
  /** Pages linked unchanged from the previous output / rendered. */
  pages: { hits: number; misses: number };
}

interface PagesFile {
  salt: string;
  outDir: string;
  records: Record<string, PageRecord>;
}

const PAGES_FILE = "pages.bin";

/** The theme's templates as compiled by the last build (see `CompiledText`). */
const TEMPLATES_FILE = "templates.bin";

interface TemplatesFile {
  salt: string;
  texts: Map<string, CompiledText>;
}


/** One build's view of the cache: what the last build left, and what this one will leave. */
export class BuildCache {
  readonly stats: CacheStats = { articles: { hits: 0, misses: 0 }, bodies: { hits: 0, misses: 0 }, pages: { hits: 0, misses: 0 }, unread: 0 };
  private pagesToSave: PagesFile | undefined;
  private templatesToSave: TemplatesFile | undefined;
  private templatesRead: ReadonlyMap<string, CompiledText> | undefined;
  private readonly old: Map<string, Entry>[] = [];
  private readonly next: Map<string, Entry>[] = [];
  private readonly dirty: boolean[] = [];

  private constructor(
    readonly dir: string,
    private readonly salt: string,
  ) {
    for (let i = 0; i < SHARDS; i++) {
      this.old.push(this.readShard(i));
      this.next.push(new Map());
      this.dirty.push(false);
    }
  }

  /** Opens the cache in `dir` (typically `<site>/.gazette-cache`), reading what the last build left. */
  static open(dir: string): BuildCache {
    return new BuildCache(dir, cacheSalt());
  }

  /** How many rendered bodies the last build left: a build with most of them has little to render. */
  get cachedBodies(): number {
    let count = 0;
    for (const shard of this.old) for (const entry of shard.values()) if (entry.body) count++;
    return count;
  }

  /** What the cache knows of an article file read in `timezone`: the hash of its text and where its body starts. */
  known(contentPath: string, timezone: string): { hash: string; bodyStart: number; stamp?: FileStamp } | undefined {
    const entry = this.entry(contentPath);
    if (entry?.timezone !== timezone) return undefined;
    return { hash: entry.hash, bodyStart: entry.bodyStart, ...(entry.stamp ? { stamp: entry.stamp } : {}) };
  }

  /**
   * The cached front-matter of a file whose text hashes to `hash`, completed
   * with its paths and body; counts a hit and keeps the file's latest stamp.
   */
  article(contentPath: string, hash: string, paths: Pick<LoadedArticle, "displayPath" | "sitePath">, body: string, stamp?: FileStamp, unread = false): LoadedArticle | undefined {
    let entry = this.entry(contentPath);
    if (!entry || entry.hash !== hash) return undefined;
    this.stats.articles.hits++;
    if (unread) this.stats.unread++;
    if (!sameStamp(entry.stamp, stamp)) {
      const { stamp: _old, ...rest } = entry;
      entry = stamp ? { ...rest, stamp } : rest;
    }
    this.keep(contentPath, entry);
    return { ...entry.article, contentPath, displayPath: paths.displayPath, sitePath: paths.sitePath, body } as LoadedArticle;
  }

  /** Records a freshly parsed article (counts a miss); `bodyStart` undefined means it cannot be cached. */
  rememberArticle(article: LoadedArticle, hash: string, timezone: string, bodyStart: number | undefined, stamp?: FileStamp): void {
    this.stats.articles.misses++;
    if (bodyStart === undefined) return;
    article.digest = loadedDigest(article); // kept with the fields: the next build keys pages with it
    const { contentPath, displayPath: _d, sitePath: _s, body: _b, ...cached } = article;
    this.keep(contentPath, { hash, timezone, bodyStart, ...(stamp ? { stamp } : {}), article: cached });
  }

  /** The cached render of an article's body (its HTML as UTF-8), if its settings match and every link target is as it was; counts a hit. */
  body(contentPath: string, settings: string, targets: LinkTargets): CachedBody | undefined {
    const body = this.next[shardOf(contentPath)]!.get(contentPath)?.body;
    if (!usable(body, settings, targets)) return undefined;
    this.stats.bodies.hits++;
    return { html: body.html, firstParagraph: body.firstParagraph, digest: body.digest };
  }

  /**
   * The body the last build rendered from a text hashing to `hash`, if its
   * settings match and every link target is as it was; for `gazette serve`,
   * which reads the cache but never writes it. `dependencies` as recorded.
   */
  storedBody(contentPath: string, hash: string, settings: string, targets: LinkTargets): { html: string; firstParagraph: string; dependencies: string[] } | undefined {
    const entry = this.old[shardOf(contentPath)]!.get(contentPath);
    const body = entry?.body;
    if (entry?.hash !== hash || !usable(body, settings, targets)) return undefined;
    return { html: htmlText(body.html), firstParagraph: body.firstParagraph, dependencies: body.dependencies };
  }

  /** Records a freshly rendered body (counts a miss); bodies with problems, warnings included, are not kept, so the next build reports them again. */
  rememberBody(contentPath: string, settings: string, output: MarkdownOutput, digest: string, targets: LinkTargets): void {
    this.stats.bodies.misses++;
    const entry = this.next[shardOf(contentPath)]!.get(contentPath);
    if (!entry || output.diagnostics.length > 0 || !output.dependencies) return;
    const { dependencies } = output;
    entry.body = { settings, dependencies, state: dependencyState(dependencies, targets), html: utf8.encode(output.html), digest, firstParagraph: output.firstParagraph };
    this.dirty[shardOf(contentPath)] = true;
  }

  /** The search terms cached for an article file loaded by this build, if any. */
  searchTerms(contentPath: string): ArticleTerms | undefined {
    return this.next[shardOf(contentPath)]!.get(contentPath)?.search;
  }

  /** Records an article's search terms, with the entry of its file loaded by this build. */
  rememberSearchTerms(contentPath: string, terms: ArticleTerms): void {
    const entry = this.next[shardOf(contentPath)]!.get(contentPath);
    if (!entry) return;
    entry.search = terms;
    this.dirty[shardOf(contentPath)] = true;
  }

  /**
   * Where the output written to `outDir` before the current one is kept, for
   * the next build to recycle as its staging folder (see `WriteOptions.spare`).
   */
  spareFor(outDir: string): string {
    return join(this.dir, `${SPARE_PREFIX}${createHash("sha1").update(outDir).digest("hex").slice(0, 12)}`);
  }

  /**
   * Deletes the spares kept for other output folders than `outDir` (each a
   * whole copy of a site), so that builds into changing folders (`--out
   * preview-3`…) do not fill the disk; the page records are kept for one
   * folder only anyway. Each is first renamed out of the way (a build taking
   * it as its staging folder at that moment finds none and starts afresh),
   * then deleted in the background, as are such leftovers of earlier builds.
   */
  dropOtherSpares(outDir: string): void {
    const keep = basename(this.spareFor(outDir));
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(DOOMED_PREFIX)) removeInBackground(join(this.dir, name));
      else if (name.startsWith(SPARE_PREFIX) && name !== keep) {
        const doomed = join(this.dir, `${DOOMED_PREFIX}${name}-${randomBytes(4).toString("hex")}`);
        try {
          renameSync(join(this.dir, name), doomed);
        } catch {
          continue;
        }
        if (!removeInBackground(doomed)) rmSync(doomed, { recursive: true, force: true });
      }
    }
  }

  /** The page records the last build left in `outDir`, by output path (empty when it wrote elsewhere or left none). */
  pages(outDir: string): Map<string, PageRecord> {
    try {
      const data = unseal(readFileSync(join(this.dir, PAGES_FILE))) as PagesFile;
      if (data?.salt !== this.salt || data.outDir !== outDir || typeof data.records !== "object" || data.records === null) return new Map();
      return new Map(Object.entries(data.records).filter(([, r]) => typeof r?.key === "string" && typeof r.ino === "number"));
    } catch {
      return new Map();
    }
  }

  /** Records the pages this build wrote into `outDir` (saved with `save`), counting the reused ones as hits. */
  rememberPages(outDir: string, records: ReadonlyMap<string, PageRecord>, reused: number): void {
    this.stats.pages.hits += reused;
    this.stats.pages.misses += records.size - reused;
    this.pagesToSave = { salt: this.salt, outDir, records: Object.fromEntries(records) };
  }

  /** The theme's template texts the last build compiled, with their trees and code (empty when none). */
  templates(): ReadonlyMap<string, CompiledText> {
    if (!this.templatesRead) {
      try {
        const data = unseal(readFileSync(join(this.dir, TEMPLATES_FILE))) as TemplatesFile;
        this.templatesRead = data?.salt === this.salt && data.texts instanceof Map ? data.texts : new Map();
      } catch {
        this.templatesRead = new Map();
      }
    }
    return this.templatesRead;
  }

  /** Records the template texts this build compiled (saved with `save` when they differ from those read). */
  rememberTemplates(texts: ReadonlyMap<string, CompiledText>): void {
    const read = this.templates();
    if (texts.size !== read.size || [...texts.keys()].some((source) => !read.has(source))) this.templatesToSave = { salt: this.salt, texts: new Map(texts) };
  }

  /** Writes the shards that changed (entries of files gone since are dropped) and the page records; failures are ignored. */
  save(): void {
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch {
      return;
    }
    if (this.pagesToSave) this.writeAtomically(PAGES_FILE, this.pagesToSave);
    if (this.templatesToSave) this.writeAtomically(TEMPLATES_FILE, this.templatesToSave);
    for (let i = 0; i < SHARDS; i++) {
      const next = this.next[i]!;
      const changed = this.dirty[i] || next.size !== this.old[i]!.size || [...next.keys()].some((key) => !this.old[i]!.has(key));
      if (changed) this.writeAtomically(shardName(i), { salt: this.salt, entries: Object.fromEntries(next) } satisfies ShardFile);
    }
  }

  private writeAtomically(name: string, data: unknown): void {
    const file = join(this.dir, name);
    const tmp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      writeFileSync(tmp, seal(data));
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  private entry(contentPath: string): Entry | undefined {
    return this.next[shardOf(contentPath)]!.get(contentPath) ?? this.old[shardOf(contentPath)]!.get(contentPath);
  }

  /** Carries an entry into what this build leaves; a changed entry marks its shard for writing. */
  private keep(contentPath: string, entry: Entry): void {
    const shard = shardOf(contentPath);
    if (this.old[shard]!.get(contentPath) !== entry) this.dirty[shard] = true;
    this.next[shard]!.set(contentPath, entry);
  }

  private readShard(index: number): Map<string, Entry> {
    try {
      const data = unseal(readFileSync(join(this.dir, shardName(index)))) as ShardFile;
      if (data?.salt !== this.salt || typeof data.entries !== "object" || data.entries === null) return new Map();
      return new Map(Object.entries(data.entries).filter(([, entry]) => isEntry(entry)));
    } catch {
      return new Map(); // absent, unreadable or corrupt: a cold start for this shard
    }
  }
}

/** A digest of every template (`.hbs`) under the given theme folders, for page keys (listed as the theme lists them: `walkFolder`). */
export function themeDigest(dirs: readonly string[]): string {
  const hash = createHash("sha1");
  dirs.forEach((dir, i) => {
    hash.update(`theme ${i}\0`);
    for (const file of walkFolder(dir, { boundary: dirname(resolve(dir)) }).files) {
      if (!file.path.endsWith(".hbs")) continue;
      try {
        hash.update(`${file.path}\0`).update(readFileSync(file.absPath)).update("\0");
      } catch {
        // gone since it was listed: the theme fails to load anyway
      }
    }
  });
  return hash.digest("base64url");
}

/** Whether a cached body was rendered with `settings` and every link target is as it was then. */
function usable(body: BodyEntry | undefined, settings: string, targets: LinkTargets): body is BodyEntry {
  return body !== undefined && body.settings === settings && typeof body.digest === "string" && body.html instanceof Uint8Array && body.state === dependencyState(body.dependencies, targets);
}

/** Encodes each HTML into a buffer of its own (a pooled Buffer's slice would store the whole pool). */
const utf8 = new TextEncoder();

/** A cache file as stored: its data serialised, and the digest of those bytes. */
interface Sealed {
  digest: string;
  data: Uint8Array;
}

/** The bytes of a cache file holding `data`, with their digest. */
function seal(data: unknown): Buffer {
  const bytes = serialize(data);
  return serialize({ digest: createHash("sha1").update(bytes).digest("base64url"), data: bytes } satisfies Sealed);
}

/** The data of a cache file; throws when its bytes do not match their digest (changed or damaged on disk: a miss). */
function unseal(file: Buffer): unknown {
  const sealed = deserialize(file) as Sealed;
  if (typeof sealed?.digest !== "string" || !(sealed.data instanceof Uint8Array)) throw new Error("not a sealed cache file");
  if (createHash("sha1").update(sealed.data).digest("base64url") !== sealed.digest) throw new Error("the cache file does not match its digest");
  return deserialize(sealed.data);
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Entry;
  return typeof entry === "object" && entry !== null && typeof entry.hash === "string" && typeof entry.timezone === "string" && typeof entry.bodyStart === "number" && typeof entry.article === "object";
}

function shardName(index: number): string {
  return `articles-${index.toString(16).padStart(2, "0")}.bin`;
}

function shardOf(contentPath: string): number {
  let h = 2166136261;
  for (let i = 0; i < contentPath.length; i++) h = Math.imul(h ^ contentPath.charCodeAt(i), 16777619);
  return (h >>> 0) % SHARDS;
}
