/**
 * Rendered article bodies kept between rebuilds, reused by content: a body
 * is kept under the hash of its file's text and its render settings (base
 * path, raw HTML, file name), with what its links and images resolved to
 * (`markdown/dependencies.ts`), and is rendered again only when one of those
 * differs — the check the build cache makes. A body rendered again with the
 * same result keeps its old object, so unchanged bodies are recognisable by
 * identity.
 */
import type { Diagnostic } from "../diagnostics.js";
import { bodySettings, dependencyState, type LinkTargets } from "../markdown/dependencies.js";
import { articleMarkdownFields } from "../markdown/inputs.js";
import { renderMarkdown, type MarkdownOutput } from "../markdown/render.js";
import type { SiteConfig } from "../types.js";
import type { ImageEntry } from "../images/plan.js";
import { createPacer } from "./pacing.js";
import type { ArticleSource } from "./sources.js";

interface Entry {
  /** The hash of the file's text. */
  hash: string | undefined;
  /** The site-wide render settings (base path, raw HTML) and the file name messages use. */
  settings: string;
  displayPath: string;
  output: MarkdownOutput;
  dependencies: readonly string[];
  /** What `dependencies` resolved to when rendered. */
  state: string;
  /** The targets `state` was last found to hold against (kept by the session while unchanged): no need to check again. */
  holdsFor: LinkTargets;
}

/**
 * Bodies rendered by an earlier `gazette build` (its cache, read only): the
 * body of `source` if its text, settings and link targets are as then.
 */
export type StoredBodies = (source: ArticleSource, settings: string, targets: LinkTargets) => { output: MarkdownOutput; dependencies: string[] } | undefined;

/** What the bodies of one rebuild resolve against: link targets, the asset list, the photos' derivative sets. */
export type BodyTargets = LinkTargets & { assetList: string[]; imageSets: Record<string, ImageEntry> };

/** The body cache of one serve session. */
export class BodyCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * `signal` stops a long `renderAll` at its next pause; `stored` supplies
   * bodies a build already rendered, consulted for bodies not cached yet
   * until `dropStored` (after the first build).
   */
  constructor(
    private readonly signal?: AbortSignal,
    private stored?: StoredBodies,
  ) {}

  /** Stops consulting the build's bodies (and lets them be freed). */
  dropStored(): void {
    this.stored = undefined;
  }

  /**
   * The bodies of the published articles (their sources, newest first) against
   * `targets`, each reused when its text, settings and link targets are as
   * when it was rendered, else rendered; in the same order, and how many were rendered.
   */
  async renderAll(published: readonly ArticleSource[], config: SiteConfig, targets: BodyTargets): Promise<{ bodies: MarkdownOutput[]; rendered: number }> {
    const pace = createPacer(this.signal);
    const bodies: MarkdownOutput[] = [];
    const settings = JSON.stringify([config.basePath, config.markdown.allowHtml]);
    let rendered = 0;
    for (const source of published) {
      const body = this.body(source, config, settings, targets);
      bodies.push(body.output);
      if (body.rendered) {
        rendered++;
        await pace();
      }
    }
    return { bodies, rendered };
  }

  /** Forgets the bodies of articles that are no longer in the site. */
  prune(keep: (contentPath: string) => boolean): void {
    for (const path of [...this.entries.keys()]) if (!keep(path)) this.entries.delete(path);
  }

  private body(source: ArticleSource, config: SiteConfig, settings: string, targets: BodyTargets): { output: MarkdownOutput; rendered: boolean } {
    const article = source.article!;
    const { displayPath } = article;
    const hash = source.textHash;
    const entry = this.entries.get(article.contentPath);
    if (entry && hash !== undefined && entry.hash === hash && entry.settings === settings && entry.displayPath === displayPath) {
      if (entry.holdsFor === targets) return { output: entry.output, rendered: false };
      if (entry.state === dependencyState(entry.dependencies, targets)) {
        entry.holdsFor = targets;
        return { output: entry.output, rendered: false };
      }
    }
    const stored = entry ? undefined : this.stored?.(source, bodySettings(config.basePath, config.markdown.allowHtml, displayPath), targets);
    if (stored) {
      const state = dependencyState(stored.dependencies, targets);
      this.entries.set(article.contentPath, { hash, settings, displayPath, output: stored.output, dependencies: stored.dependencies, state, holdsFor: targets });
      return { output: stored.output, rendered: false };
    }
    let output = renderMarkdown({ ...articleMarkdownFields(article, config), articleUrls: targets.articleUrls, assets: targets.assetList, imageSets: targets.imageSets, dependencies: true });
    const dependencies = output.dependencies ?? [];
    delete output.dependencies;
    if (entry && sameOutput(entry.output, output)) output = entry.output;
    this.entries.set(article.contentPath, { hash, settings, displayPath, output, dependencies, state: dependencyState(dependencies, targets), holdsFor: targets });
    return { output, rendered: true };
  }
}

/** The diagnostics of rendered bodies, in order. */
export function bodyDiagnostics(bodies: readonly MarkdownOutput[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const body of bodies) if (body.diagnostics.length) out.push(...body.diagnostics);
  return out;
}

function sameOutput(a: MarkdownOutput, b: MarkdownOutput): boolean {
  return a.html === b.html && a.firstParagraph === b.firstParagraph && JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics);
}
