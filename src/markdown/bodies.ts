/**
 * Rendering article bodies in batches for the build (on the worker pool):
 * plain data in and out, so the same functions run in worker threads and in
 * the main thread. A body may be read again from its file (large sites do
 * not keep every body in memory).
 */
import { readFileSync } from "node:fs";
import { error } from "../diagnostics.js";
import { textHash } from "../digest.js";
import type { ImageEntry } from "../images/plan.js";
import { renderMarkdown, type MarkdownInput, type MarkdownOutput } from "./render.js";

/** What every body of a build resolves its links and images against. */
export interface MarkdownEnv {
  articleUrls: Record<string, string>;
  assets: string[];
  /** Photos' derivative sets and unusable images, from the image step (`src/images/`). */
  imageSets?: Record<string, ImageEntry>;
}

/** Where to read a body again: the file, the hash its text had when loaded, and where the body starts. */
export interface BodySource {
  absPath: string;
  hash: string;
  bodyStart: number;
}

/** One body to render: the input of `renderMarkdown` without the build-wide parts; with `source`, `body` is read from the file. */
export type BodyToRender = Omit<MarkdownInput, "articleUrls" | "assets" | "imageSets"> & { source?: BodySource };

/** Renders one body; a file that changed since it was loaded is an error rather than a page mixing two versions. */
export function renderBody(input: BodyToRender, env: MarkdownEnv): MarkdownOutput {
  const { source, ...rest } = input;
  let body = rest.body;
  if (source) {
    const text = readFileSync(source.absPath, "utf8");
    if (textHash(text) !== source.hash) {
      return { html: "", firstParagraph: "", diagnostics: [error("changed", {}, { file: input.displayPath })] };
    }
    body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(source.bodyStart);
  }
  return renderMarkdown({ ...rest, body, articleUrls: env.articleUrls, assets: env.assets, ...(env.imageSets ? { imageSets: env.imageSets } : {}), dependencies: true });
}

/** Renders bodies, listing the articles and files each one's output depends on (for the cache). */
export function renderBodyChunk(bodies: readonly BodyToRender[], env: MarkdownEnv): MarkdownOutput[] {
  return bodies.map((body) => renderBody(body, env));
}
