/**
 * The work a build hands out in chunks: reading and parsing article files,
 * rendering Markdown bodies, rendering and writing pages. Each task is plain
 * data in and plain data out, so the same functions run in worker threads
 * and, for small sites, in the main thread; the output is the same either way.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { parseArticle, type ArticleFile } from "../load/frontmatter.js";
import { renderMarkdown, type MarkdownInput, type MarkdownOutput } from "../markdown/render.js";
import type { SiteModel } from "../model/site.js";
import { planPages, type PagePlan } from "../render/pages.js";
import { loadTheme, TemplateError, type Theme } from "../render/templates.js";
import type { LoadedArticle } from "../types.js";

/** One article file to read: where it is, and what the cache knows of it. */
export interface FileToLoad extends ArticleFile {
  absPath: string;
  /** Hash of the file's text when the build cache holds its parsed front-matter. */
  knownHash?: string;
  /** Where the body starts in that text (cached with the hash). */
  bodyStart?: number;
}

/** A read article file: its hash, and either a fresh parse or (on a cache hit) the body alone. */
export interface LoadedFile {
  hash: string;
  article?: LoadedArticle;
  diagnostics: Diagnostic[];
  /** Set instead of `article` when the text matched `knownHash`. */
  body?: string;
  /** Where the body starts in the text (BOM removed); undefined when it is not a plain suffix of it. */
  bodyStart?: number;
}

/** Hash of an article file's text: the build cache's key for its front-matter. */
export function textHash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/** Reads and parses article files; a file whose hash the cache knows is only read and hashed. */
export function loadFiles(files: readonly FileToLoad[], timezone: string): LoadedFile[] {
  return files.map((file) => {
    const text = readFileSync(file.absPath, "utf8");
    const hash = textHash(text);
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (file.knownHash === hash && file.bodyStart !== undefined) return { hash, body: source.slice(file.bodyStart), diagnostics: [] };
    const { contentPath, displayPath, sitePath } = file;
    const parsed = parseArticle(text, { contentPath, displayPath, sitePath }, { timezone });
    const loaded: LoadedFile = { hash, diagnostics: parsed.diagnostics };
    if (parsed.article) {
      loaded.article = parsed.article;
      if (source.endsWith(parsed.article.body)) loaded.bodyStart = source.length - parsed.article.body.length;
    }
    return loaded;
  });
}

/** What every body of a build resolves its links and images against. */
export interface MarkdownEnv {
  articleUrls: Record<string, string>;
  assets: string[];
}

/** One body to render: the input of `renderMarkdown` without the build-wide parts. */
export type BodyToRender = Omit<MarkdownInput, "articleUrls" | "assets">;

/** Renders bodies, listing the articles and files each one's output depends on (for the cache). */
export function renderBodyChunk(bodies: readonly BodyToRender[], env: MarkdownEnv): MarkdownOutput[] {
  return bodies.map((body) => renderMarkdown({ ...body, articleUrls: env.articleUrls, assets: env.assets, dependencies: true }));
}

/** Where a page renderer finds its theme (the same arguments as `loadTheme`). */
export interface ThemeSource {
  builtinDir: string;
  overrideDir: string;
  displayBase: string;
}

/** Pages of one model, ready to render any of its plans by index. */
export interface PageRenderer {
  plans: PagePlan[];
  model: SiteModel;
  theme: Theme;
}

/** Prepares to render the pages of `model` (article HTML may be left empty and passed per chunk). */
export function pageRenderer(model: SiteModel, theme: Theme | ThemeSource): PageRenderer {
  let loaded: Theme;
  if ("render" in theme) loaded = theme;
  else {
    const result = loadTheme(theme.builtinDir, theme.overrideDir, theme.displayBase);
    if (!result.theme) throw new Error(`the theme failed to load in a worker: ${result.diagnostics.map((d) => d.message).join("; ")}`);
    loaded = result.theme;
  }
  return { plans: planPages(model), model, theme: loaded };
}

/** A chunk of pages to render and write into the staging folder. */
export interface PageChunk {
  /** Plan indexes (in `planPages` order). */
  pages: number[];
  /** Body HTML of the articles those pages show in full, by slug. */
  html: Record<string, string>;
  /** The folder to write into (the write stage's staging folder). */
  dir: string;
}

/** What rendering a chunk gave: pages written, their bytes, and template errors (one per file and message). */
export interface PageChunkResult {
  written: number;
  bytes: number;
  diagnostics: Diagnostic[];
}

/** Renders the pages of a chunk and writes each one at its output path under `chunk.dir`. */
export function renderPageChunk(renderer: PageRenderer, chunk: PageChunk): PageChunkResult {
  const { model, plans, theme } = renderer;
  const result: PageChunkResult = { written: 0, bytes: 0, diagnostics: [] };
  const reported = new Set<string>();
  const shown = Object.keys(chunk.html).flatMap((slug) => model.bySlug.get(slug) ?? []);
  for (const article of shown) article.html = chunk.html[article.slug]!;
  try {
    for (const index of chunk.pages) {
      const plan = plans[index]!;
      let data: Buffer;
      try {
        data = Buffer.from(theme.render(plan.template, plan.context()));
      } catch (cause) {
        if (!(cause instanceof TemplateError)) throw cause;
        const key = `${cause.diagnostic.file}:${cause.diagnostic.message}`;
        if (!reported.has(key)) result.diagnostics.push(cause.diagnostic);
        reported.add(key);
        continue;
      }
      writeFileSync(join(chunk.dir, plan.outputPath), data, { flag: "wx" });
      result.written++;
      result.bytes += data.length;
    }
  } finally {
    // The HTML was lent for this chunk: keep the worker's copy of the model small.
    for (const article of shown) article.html = "";
  }
  return result;
}
