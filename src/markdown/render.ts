/**
 * The Markdown stage: one article body in, HTML and its diagnostics out.
 * Pure and synchronous, so it can run in worker threads and be cached by the
 * hash of its input.
 */
import type { Definition, Image, ImageReference, LinkReference, PhrasingContent } from "mdast";
import type { Diagnostic } from "../diagnostics.js";
import type { ImageMeta, RenderedBody } from "../types.js";
import { collect, type Collected } from "./collect.js";
import { ImageCatalog, makeFigure } from "./figures.js";
import { compileHtml, parseMarkdown } from "./processor.js";
import { createUrlRewriter, type UrlRewriter } from "./urls.js";

/** Everything `renderMarkdown` needs to render one article body. */
export interface MarkdownInput {
  /** Markdown without front-matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** This file, relative to content/, POSIX: `2024/2024-07-26-hoi-thao.md`. */
  contentPath: string;
  /** This file as diagnostics name it: `content/2024/2024-07-26-hoi-thao.md`. */
  displayPath: string;
  /** `/` or a subfolder such as `/news/`. */
  basePath: string;
  /** `markdown.allowHtml`: keep raw HTML instead of dropping it. */
  allowHtml: boolean;
  /** Front-matter `images` (and the cover): alt and caption matched by src as written. */
  images: ImageMeta[];
  /** Content path of every article (`2023/x.md`) to its final URL (`/news/x/`). */
  articleUrls: Record<string, string>;
  /**
   * Content paths of every non-Markdown file under content/ (`images/a.png`).
   * Pass the same array to every call of a build: it is indexed once per array.
   */
  assets: string[];
}

/** A rendered body with the problems found in it, in document order. */
export interface MarkdownOutput extends RenderedBody {
  diagnostics: Diagnostic[];
}

const LAZY = { loading: "lazy" };

/** Renders one article body to HTML, rewriting its links and images to output URLs. */
export function renderMarkdown(input: MarkdownInput): MarkdownOutput {
  const tree = parseMarkdown(input.body);
  const found = collect(tree);
  const diagnostics: Diagnostic[] = [];
  const urls = createUrlRewriter(input, diagnostics);

  const writtenUrls = rewriteDefinitions(found, urls);
  const metas = rewriteImages(found, urls, writtenUrls, new ImageCatalog(input.images, input.contentPath));
  for (const link of found.links) link.url = urls.link(link.url, link.position);
  makeFigures(found, metas);

  const html = compileHtml(tree, input.allowHtml);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { html, firstParagraph: found.firstParagraph, diagnostics };
}

function definitionOf(found: Collected, ref: ImageReference | LinkReference): Definition | undefined {
  return found.definitions.get(ref.identifier.toUpperCase());
}

/**
 * Rewrites each used definition's URL, checked as an image when an image
 * uses it, else as a link; unused ones render nothing and are not checked.
 * Returns the URLs as written.
 */
function rewriteDefinitions(found: Collected, urls: UrlRewriter): Map<Definition, string> {
  const asImage = new Set<Definition | undefined>(found.imageReferences.map((ref) => definitionOf(found, ref)));
  const asLink = new Set<Definition | undefined>(found.linkReferences.map((ref) => definitionOf(found, ref)));
  const written = new Map<Definition, string>();
  for (const definition of found.definitions.values()) {
    if (!asImage.has(definition) && !asLink.has(definition)) continue;
    written.set(definition, definition.url);
    definition.url = asImage.has(definition)
      ? urls.image(definition.url, definition.position)
      : urls.link(definition.url, definition.position);
  }
  return written;
}

/** Rewrites image srcs, fills empty alt text from front-matter, and returns each image's entry. */
function rewriteImages(
  found: Collected,
  urls: UrlRewriter,
  writtenUrls: Map<Definition, string>,
  catalog: ImageCatalog,
): Map<PhrasingContent, ImageMeta | undefined> {
  const metas = new Map<PhrasingContent, ImageMeta | undefined>();
  for (const image of found.images) {
    const meta = catalog.find(image.url);
    metas.set(image, meta);
    image.url = urls.image(image.url, image.position);
    if (!image.alt) image.alt = meta?.alt ?? "";
    image.data = { ...image.data, hProperties: LAZY };
  }
  for (const ref of found.imageReferences) {
    const definition = definitionOf(found, ref);
    const written = definition && writtenUrls.get(definition);
    const meta = written === undefined ? undefined : catalog.find(written);
    metas.set(ref, meta);
    if (!ref.alt) ref.alt = meta?.alt ?? "";
    ref.data = { ...ref.data, hProperties: LAZY };
  }
  return metas;
}

/** Turns image-only paragraphs into figures captioned by the Markdown title, else front-matter. */
function makeFigures(found: Collected, metas: Map<PhrasingContent, ImageMeta | undefined>): void {
  for (const { paragraph, image: node } of found.figures) {
    let image: Image;
    if (node.type === "image") image = node;
    else if (node.type === "imageReference") {
      const definition = definitionOf(found, node);
      if (!definition) continue;
      image = { type: "image", url: definition.url, title: definition.title, alt: node.alt, position: node.position, data: node.data };
    } else continue;
    const caption = image.title?.trim() || metas.get(node)?.caption?.trim() || undefined;
    image.title = undefined; // the title becomes the caption, not a tooltip
    makeFigure(paragraph, image, caption);
  }
}
