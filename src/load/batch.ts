/**
 * Loading article files in batches for the build (on the worker pool): each
 * read and parsed by `readArticleText`/`parseArticleText`, with what the
 * build cache knows — a file whose hash the cache knows is only read and
 * hashed, one whose stamp is unchanged is not even read.
 */
import { statSync } from "node:fs";
import { error, type Diagnostic } from "../diagnostics.js";
import { articleTerms, type ArticleTerms } from "../search/terms.js";
import type { LoadedArticle } from "../types.js";
import { parseArticleText, readArticleText } from "./articles.js";
import type { ArticleFile } from "./frontmatter.js";

/**
 * What identifies a file's version without reading it: size, modification
 * and change times, inode. The change time cannot be set back by tools that
 * preserve modification times, and a stamp is only trusted when taken well
 * after the file's last change (see `LoadOptions.stampsBefore`).
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** One article file to read: where it is, and what the cache knows of it. */
export interface FileToLoad extends ArticleFile {
  absPath: string;
  /** Hash of the file's text when the build cache holds its parsed front-matter. */
  knownHash?: string;
  /** Where the body starts in that text (cached with the hash). */
  bodyStart?: number;
  /** The file's stamp when that text was read: while it is unchanged the file is not read again. */
  knownStamp?: FileStamp;
}

/** A read article file: its hash, and a fresh parse (unless the cache knew the text). */
export interface LoadedFile {
  /** Hash of the text ("" when it could not be read). */
  hash: string;
  /** The parsed article; its body is left empty when not kept (it is read again when rendered). */
  article?: LoadedArticle;
  diagnostics: Diagnostic[];
  /** True when the text matched `knownHash`: the cache's front-matter holds; `body` is set when bodies are kept. */
  hit?: boolean;
  body?: string;
  /** Where the body starts in the text (BOM removed); undefined when it is not a plain suffix of it. */
  bodyStart?: number;
  /** A hit on the stamp alone: the file was not read (its body is read again if it has to be rendered). */
  unread?: boolean;
  /** The file's stamp, when hashing and old enough to be trusted next time. */
  stamp?: FileStamp;
  /** The article's search terms, with `LoadOptions.terms` and a fresh parse (they depend only on the file's text). */
  terms?: ArticleTerms;
}

/** How to load: the site timezone, whether to hash texts (for the cache), whether to keep bodies in memory. */
export interface LoadOptions {
  timezone: string;
  hash: boolean;
  keepBodies: boolean;
  /**
   * With `hash`: stamp files last changed before this time (ms since the
   * epoch, a few seconds before the build started). A file changed later may
   * change again within the file system's clock tick without its stamp
   * showing it, so it is read and hashed every time until it is older.
   */
  stampsBefore?: number;
  /** Also compute each freshly parsed article's search terms here, on the pool, while its body is at hand. */
  terms?: boolean;
}

/**
 * Reads and parses article files; a file whose hash the cache knows is only
 * read and hashed. Without `keepBodies` a body is dropped once parsed: tens
 * of thousands would sit in memory until rendered, so the renderer reads each
 * file again (see `BodySource`), which needs `hash`.
 */
export function loadFiles(files: readonly FileToLoad[], options: LoadOptions): LoadedFile[] {
  return files.map((file) => {
    // Stamped before reading: a change after this shows in the next build's stamp.
    const stamp = options.hash && options.stampsBefore !== undefined ? stampOf(file.absPath, options.stampsBefore) : undefined;
    if (stamp && file.knownStamp && file.knownHash !== undefined && file.bodyStart !== undefined && sameStamp(stamp, file.knownStamp)) {
      return { hash: file.knownHash, hit: true, unread: true, bodyStart: file.bodyStart, diagnostics: [], stamp };
    }
    const read = readArticleText(file, options.hash);
    if ("gone" in read) return { hash: "", diagnostics: [error("read", { detail: "the file was deleted while the site was being built" }, { file: file.displayPath })] };
    if ("diagnostic" in read) return { hash: "", diagnostics: [read.diagnostic] };
    const { text, hash } = read;
    if (options.hash && file.knownHash === hash && file.bodyStart !== undefined) {
      const hit: LoadedFile = { hash, hit: true, bodyStart: file.bodyStart, diagnostics: [] };
      if (stamp) hit.stamp = stamp;
      if (options.keepBodies) hit.body = text.slice(file.bodyStart);
      return hit;
    }
    const parsed = parseArticleText(file, text, hash, options.timezone);
    const loaded: LoadedFile = { hash, diagnostics: parsed.diagnostics };
    if (stamp) loaded.stamp = stamp;
    if (parsed.article) {
      loaded.article = parsed.article;
      if (options.terms && parsed.diagnostics.length === 0) loaded.terms = articleTerms(parsed.article, parsed.article.body);
      if (parsed.bodyStart !== undefined) {
        loaded.bodyStart = parsed.bodyStart;
        if (!options.keepBodies && options.hash) parsed.article.body = "";
      }
    }
    return loaded;
  });
}

/** The stamp of a file last changed before `before`; undefined when it changed since, or cannot be read. */
export function stampOf(path: string, before: number): FileStamp | undefined {
  try {
    const stat = statSync(path);
    if (stat.ctimeMs >= before || stat.mtimeMs >= before) return undefined;
    return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
  } catch {
    return undefined;
  }
}

/** Whether two stamps (either possibly missing) are the same; two missing ones are. */
export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
