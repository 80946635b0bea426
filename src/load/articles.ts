/**
 * The one loader of article files, used by build (on the worker pool), check
 * and serve: read the text, hash it (the cache's key), parse front-matter and
 * body, and say where the body starts so it can be read again later.
 */
import { readFileSync } from "node:fs";
import { textHash } from "../digest.js";
import { error, type Diagnostic } from "../diagnostics.js";
import type { LoadedArticle } from "../types.js";
import { parseArticle, type ArticleFile } from "./frontmatter.js";

/** One article file to read: its names (see `ArticleFile`) and where it is on disk. */
export interface ArticleFileOnDisk extends ArticleFile {
  absPath: string;
}

/** What reading one article file gave. */
export interface ReadArticle {
  /** The file is gone (deleted since it was listed). */
  gone?: true;
  /** The file's text, BOM removed; undefined when it could not be read. */
  text?: string;
  /** Hash of the text as read (see `textHash`); "" when it could not be read. */
  hash: string;
  /** The article, when its front-matter is valid. */
  article?: LoadedArticle;
  /** Where the body starts in `text`; undefined when it is not a plain suffix of it. */
  bodyStart?: number;
  diagnostics: Diagnostic[];
}

/**
 * Reads the text of an article file; an unreadable file is a diagnostic, a
 * missing one `gone`. `hash: false` (a build without the cache, bodies kept
 * in memory) skips hashing it: the hash is then "".
 */
export function readArticleText(file: ArticleFileOnDisk, hash = true): { text: string; hash: string } | { gone: true } | { diagnostic: Diagnostic } {
  let raw: string;
  try {
    raw = readFileSync(file.absPath, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { gone: true };
    return { diagnostic: error("read", { detail: (cause as Error).message }, { file: file.displayPath }) };
  }
  return { text: raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, hash: hash ? textHash(raw) : "" };
}

/** Parses an article's text (BOM removed) read from `file`, with the hash of the text as read. */
export function parseArticleText(file: ArticleFile, text: string, hash: string, timezone: string): ReadArticle {
  const parsed = parseArticle(text, { contentPath: file.contentPath, displayPath: file.displayPath, sitePath: file.sitePath }, { timezone });
  const read: ReadArticle = { text, hash, diagnostics: parsed.diagnostics };
  if (parsed.article) {
    read.article = parsed.article;
    if (text.endsWith(parsed.article.body)) read.bodyStart = text.length - parsed.article.body.length;
  }
  return read;
}

/** Reads and parses one article file. */
export function readArticle(file: ArticleFileOnDisk, timezone: string): ReadArticle {
  const read = readArticleText(file);
  if ("gone" in read) return { gone: true, hash: "", diagnostics: [] };
  if ("diagnostic" in read) return { hash: "", diagnostics: [read.diagnostic] };
  return parseArticleText(file, read.text, read.hash, timezone);
}
