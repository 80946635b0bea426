/**
 * The write stage's page work, handed out in chunks by the build: rendering pages and
 * writing them into the staging folder, or hard-linking those the build
 * cache knows to be unchanged. Runs in worker threads and the main thread alike.
 */
import { htmlDigest, pageKey } from "../render/page-key.js";
import { linkSync, lstatSync, statSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import { join } from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics.js";
import type { MarkdownOutput } from "../markdown/render.js";
import type { SiteModel } from "../model/site.js";
import { planPages, type PagePlan } from "../render/pages.js";
import { loadTheme, TemplateError, type Theme } from "../render/templates.js";
import { replaceFileSync } from "./replace.js";
import { renderBody, type BodyToRender, type MarkdownEnv } from "../markdown/bodies.js";
import type { BackgroundWrites } from "./background.js";

/** Where this thread's page files go when written in the background (the build's main thread sets it; workers write synchronously). */
let background: BackgroundWrites | undefined;

/** Writes this thread's new page files through `writes` (or synchronously again with undefined); the caller flushes it. */
export function writePagesInBackground(writes: BackgroundWrites | undefined): void {
  background = writes;
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
  /** The folder was made empty for this build: pages are written without looking for a file to replace first. */
  fresh?: boolean;
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

/**
 * A body as the build cache gives it back: the HTML still as UTF-8 (made
 * text only where it is used: its page rendered again, the feed, a derived
 * asset that reads HTML), its first paragraph and digest.
 */
export interface CachedBody {
  html: Uint8Array;
  firstParagraph: string;
  digest: string;
}

const utf8 = new TextDecoder();

/** A cached body's HTML as text. */
export function htmlText(html: Uint8Array): string {
  return utf8.decode(html);
}

/** One article of an article chunk: its page (plan index = index in the model), and its body to render or as cached. */
export interface ArticleItem {
  index: number;
  body?: BodyToRender;
  cached?: CachedBody;
  /** Its body as another thread rendered it this build (then `body` is not rendered again). */
  rendered?: MarkdownOutput;
  /** The previous build's record of its page, when reusable. */
  previous?: PageRecord | null;
  /** Send the HTML back (for the cache, or the feed). */
  wantHtml: boolean;
}

/** Articles whose bodies are rendered and whose pages are written in one go, so no HTML waits in memory. */
export interface ArticleChunk {
  items: ArticleItem[];
  dir: string;
  /** See `PageChunk.fresh`. */
  fresh?: boolean;
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
  /** With `keySalt`: the digest of the HTML (see `htmlDigest`). */
  digest?: string;
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
    const { cached } = item;
    const output: Pick<MarkdownOutput, "firstParagraph" | "diagnostics" | "dependencies"> & { html?: string } =
      cached ? { firstParagraph: cached.firstParagraph, diagnostics: [] } : (item.rendered ?? renderBody(item.body!, env));
    // A cached body's HTML is made text only if its page is rendered again or the HTML is asked for.
    const html = (): string => (output.html ??= htmlText(cached!.html));
    const article = renderer.model.articles[item.index]!;
    if (article.summary === undefined) article.summaryText = output.firstParagraph;
    const outcome: ArticleOutcome = { firstParagraph: output.firstParagraph, diagnostics: output.diagnostics };
    if (output.dependencies) outcome.dependencies = output.dependencies;
    const digest = chunk.keySalt === undefined ? undefined : (cached?.digest ?? htmlDigest(html()));
    if (digest !== undefined) outcome.digest = digest;
    if (!hasErrors(output.diagnostics)) {
      const reuse = chunk.fromDir !== undefined && item.previous ? { fromDir: chunk.fromDir, records: [item.previous] } : undefined;
      const where = { dir: chunk.dir, fresh: chunk.fresh, keySalt: chunk.keySalt, reuse, htmlDigest: digest, beforeRender: () => (article.html = html()) };
      const record = writePage(renderer, item.index, where, item.previous ?? undefined, result, reported);
      if (chunk.keySalt !== undefined) outcome.record = record;
    }
    if (item.wantHtml) outcome.html = html();
    article.html = item.wantHtml ? outcome.html! : ""; // written: the HTML need not stay in memory
    result.outcomes.push(outcome);
  }
  return result;
}

/** Renders (or links, when unchanged) one page into `where.dir`, counting it in `result`; its record, or null when it failed. */
function writePage(
  renderer: PageRenderer,
  index: number,
  where: { dir: string; fresh?: boolean | undefined; keySalt?: string | undefined; reuse?: PageReuse | undefined; htmlDigest?: string | undefined; beforeRender?: () => void },
  previous: PageRecord | null | undefined,
  result: PageChunkResult,
  reported: Set<string>,
): PageRecord | null {
  const plan = renderer.plans[index]!;
  const target = join(where.dir, plan.outputPath);
  const key = where.keySalt !== undefined ? pageKey(where.keySalt, plan, where.htmlDigest) : undefined;
  if (key !== undefined && previous?.key === key && where.reuse && linkPrevious(join(where.reuse.fromDir, plan.outputPath), target, previous, where.fresh)) {
    result.written++;
    result.reused++;
    result.bytes += previous.size;
    return previous;
  }
  let data: Buffer;
  where.beforeRender?.();
  try {
    data = renderer.theme.renderBytes(plan.template, plan.context());
  } catch (cause) {
    if (!(cause instanceof TemplateError)) throw cause;
    const problem = `${cause.diagnostic.file}:${cause.diagnostic.message}`;
    if (!reported.has(problem)) result.diagnostics.push(cause.diagnostic);
    reported.add(problem);
    return null;
  }
  result.written++;
  result.bytes += data.length;
  const record: PageRecord | null = key === undefined ? null : { key, size: data.length, mtimeMs: 0, ino: 0 };
  // In a fresh folder there is nothing to replace: one lstat less per page (~0.1 s at 6,000 pages).
  if (where.fresh && background?.write(target, data, record ?? undefined)) return record;
  if (where.fresh) writeFileSync(target, data, { flag: "wx" });
  else replaceFileSync(target, data);
  if (record === null) return null;
  const stat = statSync(target);
  return Object.assign(record, { mtimeMs: stat.mtimeMs, ino: stat.ino });
}

/** Sets the default summaries (first paragraphs) of the articles without one, once every body is rendered. */
export function setSummaries(renderer: PageRenderer, summaries: Record<string, string>): void {
  for (const [slug, text] of Object.entries(summaries)) {
    const article = renderer.model.bySlug.get(slug);
    if (article && article.summary === undefined) article.summaryText = text;
  }
}

/**
 * Hard-links a page of the previous output when it is still the file the cache
 * recorded (not edited since). In a recycled output the page is often that
 * very file already (unchanged for two builds): then nothing is done.
 */
function linkPrevious(from: string, to: string, record: PageRecord, fresh: boolean | undefined): boolean {
  try {
    const here = fresh ? undefined : lstatSync(to, { throwIfNoEntry: false });
    if (here && sameFile(here, record)) return true;
    const stat = statSync(from);
    if (!sameFile(stat, record)) return false;
    if (here) unlinkSync(to);
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

function sameFile(stat: Stats, record: PageRecord): boolean {
  return stat.isFile() && stat.ino === record.ino && stat.size === record.size && stat.mtimeMs === record.mtimeMs;
}
