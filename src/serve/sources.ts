/**
 * The site's sources as a serve session holds them: the config, every
 * article file parsed once and again only when it changes, the content assets
 * and the static files. Each step is the one `loadSite` takes, file by file,
 * so the articles and diagnostics equal those of a clean load.
 */
import { basename, dirname, join, relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { loadConfig, type ConfigOverrides } from "../load/config.js";
import { isMarkdown, walkFolder, type FoundFile } from "../load/files.js";
import { isInsideSite, realFolder } from "../load/walk.js";
import { readArticle } from "../load/articles.js";
import { checkCover, type SitePaths } from "../load/site.js";
import type { LoadedArticle, SiteConfig } from "../types.js";
import type { FileEvent } from "./changes.js";
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
  /** Problems with symbolic links found listing content/ and static/ (see `walkFolder`). */
  private readonly linkProblems = { content: [] as Diagnostic[], static: [] as Diagnostic[] };
  /** Files reached through symbolic links: where a link shows each, by the real path it is read from. */
  private readonly linked = { content: new Map<string, string[]>(), static: new Map<string, string[]>() };
  /** Folders reached through symbolic links: where each is shown, and its real path. */
  private readonly linkedFolders = { content: [] as { shown: string; real: string }[], static: [] as { shown: string; real: string }[] };

  constructor(
    readonly paths: SitePaths,
    private readonly cwd: string,
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
      const files = this.list("static");
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
    const out = [...this.configDiagnostics, ...this.linkProblems.content, ...this.linkProblems.static];
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
    const files = this.list("content");
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

  /** Lists content/ or static/ by the site's file-system policy, keeping the problems with its links. */
  private list(folder: "content" | "static"): FoundFile[] {
    const walked = walkFolder(this.paths[folder], { boundary: this.paths.root, cwd: this.cwd });
    this.linkProblems[folder] = walked.diagnostics;
    const linked = new Map<string, string[]>();
    for (const file of walked.files) {
      const shown = join(this.paths[folder], file.path);
      if (file.absPath !== shown) linked.set(file.absPath, [...(linked.get(file.absPath) ?? []), shown]);
    }
    this.linked[folder] = linked;
    this.linkedFolders[folder] = walked.linkedFolders;
    return walked.files;
  }

  /**
   * The real files and folders that links in content/ and static/ lead to
   * outside those folders (and templates/): a watcher that never follows links
   * must watch them where they are.
   */
  linkTargets(): string[] {
    const watched = [this.paths.content, this.paths.static, this.paths.templates].map(realFolder);
    const targets = new Set<string>();
    for (const folder of ["content", "static"] as const) {
      for (const { real } of this.linkedFolders[folder]) targets.add(real);
      for (const real of this.linked[folder].keys()) if (!this.linkedFolders[folder].some((f) => isInsideSite(real, f.real))) targets.add(real);
    }
    return [...targets].filter((target) => !watched.some((dir) => isInsideSite(target, dir))).sort();
  }

  /**
   * The same events again for the paths through which symbolic links show
   * their files (the watcher never follows links): a file saved at its real
   * place is also changed where a link puts it in content/ or static/.
   */
  throughLinks(events: readonly FileEvent[]): FileEvent[] {
    const out = new Map<string, FileEvent>();
    const add = (event: FileEvent["event"], path: string) => out.set(`${event}\0${path}`, { event, path });
    if (this.linked.content.size + this.linked.static.size + this.linkedFolders.content.length + this.linkedFolders.static.length === 0) return [];
    for (const event of events) {
      const real = join(realFolder(dirname(event.path)), basename(event.path));
      for (const folder of ["content", "static"] as const) {
        for (const path of this.linked[folder].get(real) ?? []) add(event.event, path);
        for (const linked of this.linkedFolders[folder]) {
          if (real !== linked.real && isInsideSite(real, linked.real)) add(event.event, join(linked.shown, relative(linked.real, real)));
        }
      }
    }
    return [...out.values()];
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
