/**
 * Rendered article bodies kept between rebuilds. A body is rendered again
 * when its own inputs change (body, path, images, base path, raw-HTML
 * setting: its fingerprint), or when something it refers to changes:
 * - the URL of an article it links to: each render records which article
 *   paths it looked up, and only a change to one of those counts;
 * - a new asset, when the body has a missing-image or broken-link error
 *   (any reference to a file that did not exist was one);
 * - a removed asset, when the body's HTML holds that asset's URL.
 * A body rendered again with the same result keeps its old object, so that
 * unchanged bodies are recognisable by identity.
 */
import type { Diagnostic } from "../diagnostics.js";
import { siteUrl } from "../load/paths.js";
import { articleMarkdownFields } from "../markdown/inputs.js";
import { renderMarkdown, type MarkdownOutput } from "../markdown/render.js";
import type { SiteConfig } from "../types.js";
import { isProblem, setFiles, type ImageEntry } from "../images/plan.js";
import { createPacer } from "./pacing.js";
import type { ArticleSource } from "./sources.js";

interface Entry {
  key: string;
  output: MarkdownOutput;
  /** Content paths of the articles the body looked up (its `.md` links); undefined: it enumerated them all. */
  lookups: Set<string> | undefined;
  /** Something the body refers to changed: render it again. */
  stale: boolean;
}

/**
 * Bodies rendered by an earlier `gazette build` (its cache, read only): the
 * body of `source` if still valid against these article URLs and assets.
 */
export type StoredBodies = (source: ArticleSource, config: SiteConfig, articleUrls: Record<string, string>, assets: string[]) => { output: MarkdownOutput; lookups: Set<string> } | undefined;

/** The body cache of one serve session. */
export class BodyCache {
  private readonly entries = new Map<string, Entry>();
  private urls: Record<string, string> = {};
  private urlsKey = "";
  private assets: string[] = [];
  private imageSets: Record<string, ImageEntry> = {};

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
   * Makes the cache agree with this build's article URLs (from `published`,
   * the published sources; undefined when they are those of the last call) and
   * assets. Returns the content paths of the cached bodies that must be rendered again.
   */
  sync(published: readonly ArticleSource[] | undefined, basePath: string, assets: string[]): Set<string> {
    const stale = new Set<string>();
    if (published) {
      const key = [basePath, ...published.map((s) => `${s.article!.contentPath}\u0000${s.article!.slug}`)].join("\n");
      if (key !== this.urlsKey) {
        const urls: Record<string, string> = {};
        for (const source of published) urls[source.article!.contentPath] = siteUrl(basePath, `${source.article!.slug}/`);
        const moved = new Set<string>();
        for (const [path, url] of Object.entries(urls)) if (this.urls[path] !== url) moved.add(path);
        for (const path of Object.keys(this.urls)) if (!Object.hasOwn(urls, path)) moved.add(path);
        this.markStale(stale, (entry) => entry.lookups === undefined || [...entry.lookups].some((path) => moved.has(path)));
        this.urls = urls;
        this.urlsKey = key;
      }
    }
    if (assets !== this.assets) {
      const before = new Set(this.assets);
      const after = new Set(assets);
      const added = assets.some((path) => !before.has(path));
      const removed = this.assets.filter((path) => !after.has(path)).flatMap((path) => {
        const url = siteUrl(basePath, path);
        return [url, url.replaceAll("'", "&#x27;")];
      });
      this.markStale(stale, (entry) =>
        (added && entry.output.diagnostics.some((d) => d.code === "missing-image" || d.code === "broken-link")) ||
        removed.some((url) => entry.output.html.includes(url)),
      );
      this.assets = assets;
    }
    return stale;
  }

  /**
   * Makes the cache agree with this build's images (src/images/): a body that
   * showed, linked to or reported a changed image is rendered again. Returns
   * the content paths of the bodies to render again.
   */
  syncImages(entries: Record<string, ImageEntry>, basePath: string): Set<string> {
    const stale = new Set<string>();
    if (entries === this.imageSets) return stale;
    const changed = new Set([...Object.keys(entries), ...Object.keys(this.imageSets)].filter((path) => JSON.stringify(entries[path]) !== JSON.stringify(this.imageSets[path])));
    if (changed.size > 0) {
      const tokens: string[] = [];
      const named: string[] = [];
      for (const path of changed) {
        named.push(`content/${path}`);
        tokens.push(siteUrl(basePath, path));
        for (const entry of [entries[path], this.imageSets[path]]) {
          if (entry && !isProblem(entry)) tokens.push(...setFiles(entry).map((file) => siteUrl(basePath, file)));
        }
      }
      this.markStale(stale, (entry) => tokens.some((t) => entry.output.html.includes(t)) || entry.output.diagnostics.some((d) => named.some((n) => d.message.includes(n))));
    }
    this.imageSets = entries;
    return stale;
  }

  /**
   * Renders the bodies of the published articles (their sources, newest first)
   * after `sync`, reusing every cached one still valid; returns them in the
   * same order, and how many were rendered.
   */
  async renderAll(published: readonly ArticleSource[], config: SiteConfig): Promise<{ bodies: MarkdownOutput[]; rendered: number }> {
    const pace = createPacer(this.signal);
    const bodies: MarkdownOutput[] = [];
    let rendered = 0;
    for (const source of published) {
      const body = this.body(source, config);
      bodies.push(body.output);
      if (body.rendered) {
        rendered++;
        await pace();
      }
    }
    return { bodies, rendered };
  }

  /** Brings `bodies[i]` up to date for each of `indices` (after `sync`); returns how many were rendered. */
  renderAt(published: readonly ArticleSource[], bodies: MarkdownOutput[], indices: Iterable<number>, config: SiteConfig): number {
    let rendered = 0;
    for (const i of indices) {
      const body = this.body(published[i]!, config);
      bodies[i] = body.output;
      if (body.rendered) rendered++;
    }
    return rendered;
  }

  /** Forgets the bodies of articles that are no longer in the site. */
  prune(keep: (contentPath: string) => boolean): void {
    for (const path of [...this.entries.keys()]) if (!keep(path)) this.entries.delete(path);
  }

  private body(source: ArticleSource, config: SiteConfig): { output: MarkdownOutput; rendered: boolean } {
    const article = source.article!;
    const entry = this.entries.get(article.contentPath);
    if (entry && !entry.stale && entry.key === source.bodyKey) return { output: entry.output, rendered: false };
    const stored = entry ? undefined : this.stored?.(source, config, this.urls, this.assets);
    if (stored) {
      this.entries.set(article.contentPath, { key: source.bodyKey, output: stored.output, lookups: stored.lookups, stale: false });
      return { output: stored.output, rendered: false };
    }
    let lookups: Set<string> | undefined = new Set<string>();
    const record = (key: string | symbol) => {
      if (typeof key === "string") lookups?.add(key);
    };
    const articleUrls = new Proxy(this.urls, {
      get: (target, key) => (record(key), Reflect.get(target, key)),
      has: (target, key) => (record(key), Reflect.has(target, key)),
      getOwnPropertyDescriptor: (target, key) => (record(key), Reflect.getOwnPropertyDescriptor(target, key)),
      ownKeys: (target) => ((lookups = undefined), Reflect.ownKeys(target)),
    });
    let output = renderMarkdown({
      ...articleMarkdownFields(article, config),
      articleUrls,
      assets: this.assets,
      imageSets: this.imageSets,
    });
    if (entry && sameOutput(entry.output, output)) output = entry.output;
    this.entries.set(article.contentPath, { key: source.bodyKey, output, lookups, stale: false });
    return { output, rendered: true };
  }

  private markStale(stale: Set<string>, affected: (entry: Entry) => boolean): void {
    for (const [path, entry] of this.entries) {
      if (entry.stale || !affected(entry)) continue;
      entry.stale = true;
      stale.add(path);
    }
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
