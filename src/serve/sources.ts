/**
 * The site's sources as a serve session holds them: the config, every
 * article file parsed once and again only when it changes, the content assets
 * and the static files. Each step is the one `loadSite` takes, file by file,
 * so the articles and diagnostics equal those of a clean load.
 */
import { join, relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { loadConfig, type ConfigOverrides } from "../load/config.js";
import { isMarkdown, listFiles, type FoundFile } from "../load/files.js";
import { readArticle } from "../load/articles.js";
import { checkCover, type SitePaths } from "../load/site.js";
import type { LoadedArticle, SiteConfig } from "../types.js";
import { fingerprint } from "../model/fingerprint.js";
import { createPacer } from "./pacing.js";

/** One Markdown file under content/ and what parsing it gave. */
export interface ArticleSource {
  file: FoundFile;
  /** The article, when its front-matter is valid. */
  article: LoadedArticle | undefined;
  /** Problems found parsing the file. */
  diagnostics: Diagnostic[];
  /** Problems with the cover image, which depend on the set of assets. */
  cover: Diagnostic[];
  /** Fingerprint of everything but the body: equal shapes cannot change the site's structure. */
  shape: string;
  /** Hash of the file's text, as the build cache keys it (see `textHash`). */
  textHash?: string;
}

/** What a refresh changed. */
export interface SourceDelta {
  /** Content paths of article files read again, added or removed. */
  articles: Set<string>;
  /** Article files were added or removed. */
  articlesAddedOrRemoved: boolean;
  /** The set of asset paths under content/ changed. */
  assets: boolean;
  /** The list of static files changed. */
  staticFiles: boolean;
}

/** The sources of one site, kept up to date file by file. */
export class SiteSources {
  config!: SiteConfig;
  private configDiagnostics: Diagnostic[] = [];
  readonly articles = new Map<string, ArticleSource>();
  assets: FoundFile[] = [];
  /** Asset content paths: a new array whenever the set changes (the Markdown stage indexes each array once). */
  assetPaths: string[] = [];
  staticFiles: FoundFile[] = [];
  private assetSet: ReadonlySet<string> = new Set();
  private problems: Diagnostic[] | undefined;
  /** Content paths of the articles that have (or had) problems. */
  private readonly withProblems = new Set<string>();
  private readonly display: (abs: string) => string;

  constructor(
    readonly paths: SitePaths,
    cwd: string,
    private readonly overrides: ConfigOverrides = {},
    private readonly signal?: AbortSignal,
  ) {
    this.display = (abs) => relative(cwd, abs) || ".";
  }

  /** Reads the config and every file again, as a first load does. */
  async loadAll(): Promise<SourceDelta> {
    const result = loadConfig(this.paths.root, this.display(this.paths.root), this.overrides);
    this.config = result.config;
    this.configDiagnostics = result.diagnostics;
    this.problems = undefined;
    const previous = new Set(this.articles.keys());
    this.articles.clear();
    const delta = await this.refresh([], true, true);
    for (const path of previous) delta.articles.add(path);
    delta.articlesAddedOrRemoved = true;
    return delta;
  }

  /**
   * Reads the article files `changed` (content paths) again; with `relistContent`
   * or `relistStatic`, also lists those folders again to find added and removed files.
   */
  async refresh(changed: Iterable<string>, relistContent: boolean, relistStatic: boolean): Promise<SourceDelta> {
    const delta: SourceDelta = { articles: new Set(), articlesAddedOrRemoved: false, assets: false, staticFiles: false };
    this.problems = undefined;
    const pace = createPacer(this.signal);
    for (const path of changed) {
      const source = this.articles.get(path);
      if (!source) relistContent = true;
      else if (!this.read(source.file)) {
        this.articles.delete(path);
        delta.articles.add(path);
        delta.articlesAddedOrRemoved = true;
      } else delta.articles.add(path);
      await pace();
    }
    if (relistContent) await this.relistContent(delta, pace);
    if (relistStatic) {
      const files = listFiles(this.paths.static);
      delta.staticFiles = listKey(files) !== listKey(this.staticFiles);
      this.staticFiles = files;
    }
    const coverFor = delta.assets ? this.articles.keys() : delta.articles;
    for (const path of coverFor) {
      const source = this.articles.get(path);
      if (!source) continue;
      source.cover = source.article ? checkCover(source.article, this.assetSet) : [];
      if (source.cover.length) this.withProblems.add(path);
    }
    return delta;
  }

  /** Every problem found in the sources: config, front-matter, covers (not in file order: sort to show). */
  diagnostics(): Diagnostic[] {
    if (this.problems) return this.problems;
    const out = [...this.configDiagnostics];
    for (const path of this.withProblems) {
      const source = this.articles.get(path);
      if (!source || (source.diagnostics.length === 0 && source.cover.length === 0)) this.withProblems.delete(path);
      else out.push(...source.diagnostics, ...source.cover);
    }
    return (this.problems = out);
  }

  /** The valid articles, drafts and future ones included, in content-path order (as `loadSite` gives them). */
  validArticles(): LoadedArticle[] {
    const out: LoadedArticle[] = [];
    for (const source of this.articles.values()) if (source.article) out.push(source.article);
    return out.sort((a, b) => (a.contentPath < b.contentPath ? -1 : a.contentPath > b.contentPath ? 1 : 0));
  }

  private async relistContent(delta: SourceDelta, pace: () => Promise<void> | undefined): Promise<void> {
    const files = listFiles(this.paths.content);
    const seen = new Set<string>();
    const assets: FoundFile[] = [];
    for (const file of files) {
      if (!isMarkdown(file.path)) {
        assets.push(file);
        continue;
      }
      seen.add(file.path);
      const known = this.articles.get(file.path);
      if (known && known.file.absPath === file.absPath) continue;
      if (known) this.articles.delete(file.path);
      if (this.read(file)) delta.articles.add(file.path);
      delta.articlesAddedOrRemoved = true;
      await pace();
    }
    for (const path of [...this.articles.keys()]) {
      if (seen.has(path)) continue;
      this.articles.delete(path);
      delta.articles.add(path);
      delta.articlesAddedOrRemoved = true;
    }
    const key = listKey(assets);
    if (key !== listKey(this.assets)) {
      delta.assets = true;
      this.assetPaths = assets.map((a) => a.path);
      this.assetSet = new Set(this.assetPaths);
    }
    this.assets = assets;
  }

  /** Reads and parses one article file into the map; false when the file is gone. */
  private read(file: FoundFile): boolean {
    const where = { contentPath: file.path, displayPath: join(this.display(this.paths.content), file.path), sitePath: `content/${file.path}`, absPath: file.absPath };
    const read = readArticle(where, this.config.timezone);
    if (read.gone) return false;
    this.store(file, read.article, read.diagnostics, read.text !== undefined ? read.hash : undefined);
    return true;
  }

  private store(file: FoundFile, article: LoadedArticle | undefined, diagnostics: Diagnostic[], hash?: string): void {
    const source: ArticleSource = { file, article, diagnostics, cover: [], shape: "" };
    if (hash !== undefined) source.textHash = hash;
    if (article) {
      const { body: _body, bodyLine: _line, ...shape } = article;
      source.shape = fingerprint(shape);
    }
    if (diagnostics.length) this.withProblems.add(file.path);
    this.articles.set(file.path, source);
  }
}

function listKey(files: readonly FoundFile[]): string {
  return files.map((f) => `${f.path}\u0000${f.absPath}`).join("\n");
}
