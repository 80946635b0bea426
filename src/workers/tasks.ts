/**
 * The work a build hands out in chunks: reading and parsing article files,
 * rendering Markdown bodies, rendering and writing pages. Each task is plain
 * data in and plain data out, so the same functions run in worker threads
 * and, for small sites, in the main thread; the output is the same either way.
 */
import { createHash } from "node:crypto";
import { linkSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics.js";
import { parseArticle, type ArticleFile } from "../load/frontmatter.js";
import { renderMarkdown, type MarkdownInput, type MarkdownOutput } from "../markdown/render.js";
import type { SiteModel } from "../model/site.js";
import { planPages, type PagePlan } from "../render/pages.js";
import { loadTheme, TemplateError, type Theme } from "../render/templates.js";
import type { TemplateContext } from "../render/views.js";
import type { LoadedArticle } from "../types.js";

/** One article file to read: where it is, and what the cache knows of it. */
export interface FileToLoad extends ArticleFile {
  absPath: string;
  /** Hash of the file's text when the build cache holds its parsed front-matter. */
  knownHash?: string;
  /** Where the body starts in that text (cached with the hash). */
  bodyStart?: number;
}

/** A read article file: its hash, and a fresh parse (unless the cache knew the text). */
export interface LoadedFile {
  hash: string;
  /** The parsed article; its body is left empty when `bodyStart` is set (the body is read again when rendered). */
  article?: LoadedArticle;
  diagnostics: Diagnostic[];
  /** True when the text matched `knownHash`: the cache's front-matter holds. */
  hit?: boolean;
  /** Where the body starts in the text (BOM removed); undefined when it is not a plain suffix of it. */
  bodyStart?: number;
}

/** Hash of an article file's text: the build cache's key for its front-matter. */
export function textHash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/**
 * Reads and parses article files; a file whose hash the cache knows is only
 * read and hashed. Bodies are not kept: thousands of them would sit in memory
 * until rendered, so the renderer reads each file again (see `BodySource`).
 */
export function loadFiles(files: readonly FileToLoad[], timezone: string): LoadedFile[] {
  return files.map((file) => {
    const text = readFileSync(file.absPath, "utf8");
    const hash = textHash(text);
    if (file.knownHash === hash && file.bodyStart !== undefined) return { hash, hit: true, bodyStart: file.bodyStart, diagnostics: [] };
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const { contentPath, displayPath, sitePath } = file;
    const parsed = parseArticle(text, { contentPath, displayPath, sitePath }, { timezone });
    const loaded: LoadedFile = { hash, diagnostics: parsed.diagnostics };
    if (parsed.article) {
      loaded.article = parsed.article;
      if (source.endsWith(parsed.article.body)) {
        loaded.bodyStart = source.length - parsed.article.body.length;
        parsed.article.body = "";
      }
    }
    return loaded;
  });
}

/** What every body of a build resolves its links and images against. */
export interface MarkdownEnv {
  articleUrls: Record<string, string>;
  assets: string[];
}

/** Where to read a body again: the file, the hash its text had when loaded, and where the body starts. */
export interface BodySource {
  absPath: string;
  hash: string;
  bodyStart: number;
}

/** One body to render: the input of `renderMarkdown` without the build-wide parts; with `source`, `body` is read from the file. */
export type BodyToRender = Omit<MarkdownInput, "articleUrls" | "assets"> & { source?: BodySource };

/** Renders one body; a file that changed since it was loaded is an error rather than a page mixing two versions. */
function renderBody(input: BodyToRender, env: MarkdownEnv): MarkdownOutput {
  const { source, ...rest } = input;
  let body = rest.body;
  if (source) {
    const text = readFileSync(source.absPath, "utf8");
    if (textHash(text) !== source.hash) {
      return { html: "", firstParagraph: "", diagnostics: [error("changed", "the file changed while the site was being built; build again", { file: input.displayPath })] };
    }
    body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(source.bodyStart);
  }
  return renderMarkdown({ ...rest, body, articleUrls: env.articleUrls, assets: env.assets, dependencies: true });
}

/** Renders bodies, listing the articles and files each one's output depends on (for the cache). */
export function renderBodyChunk(bodies: readonly BodyToRender[], env: MarkdownEnv): MarkdownOutput[] {
  return bodies.map((body) => renderBody(body, env));
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
  /** Hash of the views every page shares (site, labels, sidebar), computed on first use. */
  sharedKey?: string;
}

/** What the build cache remembers of a written page: the key of its inputs and the file it became. */
export interface PageRecord {
  key: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Pages of the previous build that may be reused: the output folder they are in and their records, aligned with `PageChunk.pages`. */
export interface PageReuse {
  fromDir: string;
  records: (PageRecord | null)[];
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
  /** The folder to write into (the write stage's staging folder). */
  dir: string;
  /**
   * With the build cache: the theme and code's share of every page key. Each
   * page's key then hashes it with the page's view; a page whose key and file
   * are as the previous build left them is hard-linked from `reuse.fromDir`
   * instead of rendered again.
   */
  keySalt?: string;
  reuse?: PageReuse;
}

/** What rendering a chunk gave: pages written, their bytes, and template errors (one per file and message). */
export interface PageChunkResult {
  written: number;
  /** Pages linked from the previous output instead of rendered. */
  reused: number;
  bytes: number;
  diagnostics: Diagnostic[];
  /** With `keySalt`: each page's record (null when it failed), aligned with `pages`. */
  records?: (PageRecord | null)[];
}

/** Renders the pages of a chunk and writes each one at its output path under `chunk.dir` (or links an unchanged one). */
export function renderPageChunk(renderer: PageRenderer, chunk: PageChunk): PageChunkResult {
  const result: PageChunkResult = { written: 0, reused: 0, bytes: 0, diagnostics: [] };
  const records: (PageRecord | null)[] | undefined = chunk.keySalt !== undefined ? [] : undefined;
  if (records) result.records = records;
  const reported = new Set<string>();
  chunk.pages.forEach((index, i) => {
    const record = writePage(renderer, index, chunk, chunk.reuse?.records[i], result, reported);
    records?.push(record);
  });
  return result;
}

/** One article of an article chunk: its page (plan index = index in the model), and its body to render or as cached. */
export interface ArticleItem {
  index: number;
  body?: BodyToRender;
  cached?: { html: string; firstParagraph: string };
  /** The previous build's record of its page, when reusable. */
  previous?: PageRecord | null;
  /** Send the HTML back (for the cache, or the feed). */
  wantHtml: boolean;
}

/** Articles whose bodies are rendered and whose pages are written in one go, so no HTML waits in memory. */
export interface ArticleChunk {
  items: ArticleItem[];
  dir: string;
  keySalt?: string;
  /** The previous output folder (for `ArticleItem.previous`). */
  fromDir?: string;
}

/** What became of one article: its body's first paragraph and problems, and its page's record. */
export interface ArticleOutcome {
  firstParagraph: string;
  diagnostics: Diagnostic[];
  dependencies?: string[];
  html?: string;
  record?: PageRecord | null;
}

/** An article chunk's pages (as `PageChunkResult`) and each article's outcome, in order. */
export interface ArticleChunkResult extends PageChunkResult {
  outcomes: ArticleOutcome[];
}

/**
 * Renders each article's body (unless cached), then its page, and writes it;
 * the HTML is dropped afterwards unless asked for. A body with errors gets no
 * page (the build will fail and report them).
 */
export function renderArticleChunk(renderer: PageRenderer, chunk: ArticleChunk, env: MarkdownEnv): ArticleChunkResult {
  const result: ArticleChunkResult = { written: 0, reused: 0, bytes: 0, diagnostics: [], outcomes: [] };
  const reported = new Set<string>();
  for (const item of chunk.items) {
    const output: Pick<MarkdownOutput, "html" | "firstParagraph" | "diagnostics" | "dependencies"> =
      item.cached ? { ...item.cached, diagnostics: [] } : renderBody(item.body!, env);
    const article = renderer.model.articles[item.index]!;
    article.html = output.html;
    if (article.summary === undefined) article.summaryText = output.firstParagraph;
    const outcome: ArticleOutcome = { firstParagraph: output.firstParagraph, diagnostics: output.diagnostics };
    if (output.dependencies) outcome.dependencies = output.dependencies;
    if (item.wantHtml) outcome.html = output.html;
    if (output.diagnostics.length === 0) {
      const reuse = chunk.fromDir !== undefined && item.previous ? { fromDir: chunk.fromDir, records: [item.previous] } : undefined;
      const record = writePage(renderer, item.index, { dir: chunk.dir, keySalt: chunk.keySalt, reuse }, item.previous ?? undefined, result, reported);
      if (chunk.keySalt !== undefined) outcome.record = record;
    }
    if (!item.wantHtml) article.html = ""; // written: the HTML need not stay in memory
    result.outcomes.push(outcome);
  }
  return result;
}

/** Renders (or links, when unchanged) one page into `where.dir`, counting it in `result`; its record, or null when it failed. */
function writePage(
  renderer: PageRenderer,
  index: number,
  where: { dir: string; keySalt?: string | undefined; reuse?: PageReuse | undefined },
  previous: PageRecord | null | undefined,
  result: PageChunkResult,
  reported: Set<string>,
): PageRecord | null {
  const plan = renderer.plans[index]!;
  const target = join(where.dir, plan.outputPath);
  const context = plan.context();
  const key = where.keySalt !== undefined ? pageKey(renderer, where.keySalt, plan, context) : undefined;
  if (key !== undefined && previous?.key === key && where.reuse && linkPrevious(join(where.reuse.fromDir, plan.outputPath), target, previous)) {
    result.written++;
    result.reused++;
    result.bytes += previous.size;
    return previous;
  }
  let data: Buffer;
  try {
    data = Buffer.from(renderer.theme.render(plan.template, context));
  } catch (cause) {
    if (!(cause instanceof TemplateError)) throw cause;
    const problem = `${cause.diagnostic.file}:${cause.diagnostic.message}`;
    if (!reported.has(problem)) result.diagnostics.push(cause.diagnostic);
    reported.add(problem);
    return null;
  }
  writeFileSync(target, data, { flag: "wx" });
  result.written++;
  result.bytes += data.length;
  if (key === undefined) return null;
  const stat = statSync(target);
  return { key, size: data.length, mtimeMs: stat.mtimeMs, ino: stat.ino };
}

/** Sets the default summaries (first paragraphs) of the articles without one, once every body is rendered. */
export function setSummaries(renderer: PageRenderer, summaries: Record<string, string>): void {
  for (const [slug, text] of Object.entries(summaries)) {
    const article = renderer.model.bySlug.get(slug);
    if (article && article.summary === undefined) article.summaryText = text;
  }
}

/** Hard-links a page of the previous output when it is still the file the cache recorded (not edited since). */
function linkPrevious(from: string, to: string, record: PageRecord): boolean {
  try {
    const stat = statSync(from);
    if (stat.size !== record.size || stat.mtimeMs !== record.mtimeMs || stat.ino !== record.ino) return false;
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** The key of a page's inputs: code and theme (`salt`), the shared views, the template, the path and the page's own view. */
function pageKey(renderer: PageRenderer, salt: string, plan: PagePlan, context: TemplateContext): string {
  const { site, labels, sidebar, ...own } = context;
  renderer.sharedKey ??= createHash("sha1").update(stableJson({ site, labels, sidebar })).digest("base64url");
  return createHash("sha1").update(`${salt}\0${renderer.sharedKey}\0${plan.template}\0${plan.outputPath}\0`).update(stableJson(own)).digest("base64url");
}

/** JSON that also tells apart the numbers JSON cannot hold (NaN, ±Infinity), which templates print differently from null. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? `\u0000${v}` : v));
}
