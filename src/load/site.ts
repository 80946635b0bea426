/**
 * The load stage: config, articles (front-matter validated, body still
 * Markdown), content assets and static files, with every problem collected.
 */
import { join, relative } from "node:path";
import { error, type Diagnostic } from "../diagnostics.js";
import type { LoadedArticle, SiteConfig } from "../types.js";
import { loadConfig, type ConfigOverrides } from "./config.js";
import { isMarkdown, walkFolder, type FoundFile } from "./files.js";
import { readArticle } from "./articles.js";
import { isExternal, resolveContentPath, splitHref } from "./paths.js";

/** Everything read from a site folder, before any rendering. */
export interface LoadedSite {
  config: SiteConfig;
  /** Every valid article, drafts and future ones included (the model filters). */
  articles: LoadedArticle[];
  /** Non-Markdown files under content/, copied to the same path in the output. */
  assets: FoundFile[];
  /** Files under static/, copied to the output root. */
  staticFiles: FoundFile[];
  diagnostics: Diagnostic[];
}

/** Absolute folders of a site. */
export interface SitePaths {
  root: string;
  content: string;
  templates: string;
  static: string;
}

/** The standard folders of the site at `root`. */
export function sitePaths(root: string): SitePaths {
  return { root, content: join(root, "content"), templates: join(root, "templates"), static: join(root, "static") };
}

/** Reads config, articles and files of the site at `paths.root`. */
export function loadSite(paths: SitePaths, overrides: ConfigOverrides = {}, cwd = process.cwd()): LoadedSite {
  const display = (abs: string) => relative(cwd, abs) || ".";
  const { config, diagnostics } = loadConfig(paths.root, display(paths.root), overrides);
  const files = listSourceFiles(paths, paths.content, cwd, diagnostics);
  const contentDisplay = display(paths.content);
  const articles: LoadedArticle[] = [];
  const assets: FoundFile[] = [];
  for (const file of files) {
    if (!isMarkdown(file.path)) {
      assets.push(file);
      continue;
    }
    const parsed = readArticle({ contentPath: file.path, displayPath: join(contentDisplay, file.path), sitePath: `content/${file.path}`, absPath: file.absPath }, config.timezone);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.article) articles.push(parsed.article);
  }
  const assetPaths = new Set(assets.map((a) => a.path));
  for (const article of articles) diagnostics.push(...checkCover(article, assetPaths));
  const staticFiles = listSourceFiles(paths, paths.static, cwd, diagnostics);
  return { config, articles, assets, staticFiles, diagnostics };
}

/** Lists a source folder of the site (content/, static/) by the file-system policy; problems with its links join `diagnostics`. */
export function listSourceFiles(paths: SitePaths, dir: string, cwd: string, diagnostics: Diagnostic[]): FoundFile[] {
  const walked = walkFolder(dir, { boundary: paths.root, cwd });
  diagnostics.push(...walked.diagnostics);
  return walked.files;
}

/** The cover image must exist (body images are checked by the Markdown stage). */
export function checkCover(article: LoadedArticle, assets: ReadonlySet<string>): Diagnostic[] {
  const src = article.cover?.src;
  if (src === undefined || isExternal(src) || src.startsWith("/")) return [];
  const resolved = resolveContentPath(article.contentPath, splitHref(src).path);
  if (resolved !== undefined && assets.has(resolved)) return [];
  return [error("missing-image.cover", { src }, { file: article.displayPath, line: article.fieldLines.cover })];
}
