/**
 * The Markdown stage: one article body in, HTML and its diagnostics out.
 * Pure and synchronous, so it can run in worker threads and be cached by the
 * hash of its input.
 */
import type { Definition, Image, ImageReference, LinkReference, Nodes, PhrasingContent } from "mdast";
import { error, type Diagnostic } from "../diagnostics.js";
import type { MessageKey } from "../i18n/catalog.js";
import { pictureHast, pictureView, SIZES } from "../images/markup.js";
import type { ImageEntry, ImageSet } from "../images/plan.js";
import type { ImageMeta, RenderedBody } from "../types.js";
import { collect, type Collected } from "./collect.js";
import { ImageCatalog, makeFigure } from "./figures.js";
import { checkMarkdownLimits } from "./guard.js";
import { stripControlCharacters } from "../load/text.js";
import { compileHtml, parseMarkdown } from "./processor.js";
import { findLostText } from "./lost-text.js";
import { prepareTables } from "./tables.js";
import { createUrlRewriter, type UrlRewriter } from "./urls.js";
import { embedVideos } from "./video.js";

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
  /** Photos (derivative sets) and unusable images by content path, from the asset step (`src/images/`). */
  imageSets?: Record<string, ImageEntry>;
  /** The article has no cover: its first photo is the lead image (loaded first, never lazily). */
  leadImage?: boolean;
  /** Also list every link and image of the body in `references` (for `gazette check`). */
  references?: boolean;
  /** Also list in `dependencies` the articles and files the output depends on (for the build cache). */
  dependencies?: boolean;
}

/** A link or image written in a body, as rendering found it. */
export interface BodyReference {
  kind: "image" | "link";
  /** The URL as written (a reference's definition URL). */
  url: string;
  /** The URL the page gets after rewriting. */
  resolved: string;
  /** Images: alt text from Markdown, else front-matter `images`; "" when none. */
  alt?: string;
  /** Images: true when alone in their paragraph, i.e. rendered as a figure. */
  figure?: boolean;
  /** Figures: the caption (Markdown title, else front-matter `images`), when there is one. */
  caption?: string;
  /** 1-based line and column in the file. */
  line: number;
  column: number;
}

/** A rendered body with the problems found in it, in document order. */
export interface MarkdownOutput extends RenderedBody {
  diagnostics: Diagnostic[];
  /** Every link and image in document order; only when `input.references` is set. */
  references?: BodyReference[];
  /** `a:<content path>` per article and `f:<content path>` per file looked up, sorted, once each; only when `input.dependencies` is set. */
  dependencies?: string[];
}

const LAZY = { loading: "lazy" };

/**
 * Renders one article body to HTML, rewriting its links and images to output
 * URLs. A body nested too deep or too costly to parse (see `./guard.ts`) is
 * refused with an error at its line, in bounded time.
 */
export function renderMarkdown(input: MarkdownInput): MarkdownOutput {
  const limit = checkMarkdownLimits(input.body);
  if (limit) return refused(input, error(limit.key as MessageKey, limit.args as never, { file: input.displayPath, line: input.bodyLine + limit.line }));
  try {
    return renderChecked(input);
  } catch (cause) {
    // Nesting the guard does not see (deep indentation, say) can still overflow the stack.
    if (!(cause instanceof RangeError)) throw cause;
    return refused(input, error("markdown-too-deep.stack", {}, { file: input.displayPath, line: input.bodyLine }));
  }
}

/** The output of a body that is not rendered: nothing, and why. */
function refused(input: MarkdownInput, diagnostic: Diagnostic): MarkdownOutput {
  const output: MarkdownOutput = { html: "", firstParagraph: "", diagnostics: [diagnostic] };
  if (input.references) output.references = [];
  if (input.dependencies) output.dependencies = [];
  return output;
}

function renderChecked(input: MarkdownInput): MarkdownOutput {
  const tree = parseMarkdown(input.body);
  // Before anything reads links or raw HTML: a video line is neither once embedded.
  embedVideos(tree);
  prepareTables(tree);
  const found = collect(tree);
  const diagnostics: Diagnostic[] = findLostText(tree, input);
  const dependencies = input.dependencies ? [] : undefined;
  const urls = createUrlRewriter(input, diagnostics, dependencies);
  const written = input.references ? writtenNodeUrls(found) : undefined;

  const writtenUrls = rewriteDefinitions(found, urls);
  const writtenImages = new Map(found.images.map((image) => [image, image.url]));
  const metas = rewriteImages(found, urls, writtenUrls, new ImageCatalog(input.images, input.contentPath));
  showPhotos(found, urls, writtenUrls, writtenImages, input); // photos: <picture> with srcset, sizes, width and height
  for (const link of found.links) link.url = urls.link(link.url, link.position);
  const captions = makeFigures(found, metas);

  // A numeric character reference (`&#7;`) decodes to a control character: none may reach a page.
  const html = stripControlCharacters(compileHtml(tree, input.allowHtml));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const output: MarkdownOutput = { html, firstParagraph: stripControlCharacters(found.firstParagraph), diagnostics };
  if (written) output.references = listReferences(found, written, writtenUrls, captions, input.bodyLine);
  if (dependencies) output.dependencies = [...new Set(dependencies)].sort();
  return output;
}

/** The URLs of images and links as written, before rewriting. */
function writtenNodeUrls(found: Collected): Map<Nodes, string> {
  return new Map<Nodes, string>([...found.images, ...found.links].map((node) => [node, node.url]));
}

/** Every image and link (references through their definition), in document order. */
function listReferences(
  found: Collected,
  written: Map<Nodes, string>,
  writtenUrls: Map<Definition, string>,
  captions: Map<PhrasingContent, string | undefined>,
  bodyLine: number,
): BodyReference[] {
  const refs: BodyReference[] = [];
  const add = (node: Nodes, kind: BodyReference["kind"], url: string | undefined, resolved: string, alt?: string) => {
    if (url === undefined || !node.position) return;
    const ref: BodyReference = { kind, url, resolved, line: node.position.start.line + bodyLine - 1, column: node.position.start.column };
    if (kind === "image") {
      ref.alt = alt ?? "";
      ref.figure = captions.has(node as PhrasingContent);
      const caption = captions.get(node as PhrasingContent);
      if (caption !== undefined) ref.caption = caption;
    }
    refs.push(ref);
  };
  for (const image of found.images) add(image, "image", written.get(image), image.url, image.alt ?? "");
  for (const link of found.links) add(link, "link", written.get(link), link.url);
  for (const ref of [...found.imageReferences, ...found.linkReferences]) {
    const definition = definitionOf(found, ref);
    if (!definition) continue;
    const kind = ref.type === "imageReference" ? "image" : "link";
    add(ref, kind, writtenUrls.get(definition), definition.url, ref.type === "imageReference" ? ref.alt ?? "" : undefined);
  }
  return refs.sort((a, b) => a.line - b.line || a.column - b.column);
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

/**
 * Makes every photo render as its derivative set: `<picture>` (or `<img>`)
 * with srcset, sizes, width and height; a figure's links to its largest
 * derivative. The lead image (the first photo, when the article has no cover) loads first.
 */
function showPhotos(found: Collected, urls: UrlRewriter, writtenUrls: Map<Definition, string>, writtenImages: Map<Image, string>, input: MarkdownInput): void {
  if (!input.imageSets) return;
  const figures = new Set(found.figures.map((f) => f.image));
  const photos: { node: Image | ImageReference; set: ImageSet }[] = [];
  for (const image of found.images) {
    const written = writtenImages.get(image);
    const set = written === undefined ? undefined : urls.setOf(written);
    if (set) photos.push({ node: image, set });
  }
  for (const ref of found.imageReferences) {
    const definition = definitionOf(found, ref);
    const written = definition && writtenUrls.get(definition);
    const set = written === undefined ? undefined : urls.setOf(written);
    if (set) photos.push({ node: ref, set });
  }
  photos.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
  photos.forEach(({ node, set }, index) => {
    const view = pictureView(set, input.basePath, SIZES.figure);
    const figure = figures.has(node);
    const title = node.type === "image" ? node.title : definitionOf(found, node)?.title;
    const picture = pictureHast(view, { alt: node.alt ?? "", title: figure ? undefined : title, lead: input.leadImage === true && index === 0 });
    // The image's own src, alt and title (mdast's <img>) are cleared: the picture carries them.
    const cleared = { src: null, alt: null, title: null } as unknown as Record<string, string>;
    node.data = figure
      ? { ...node.data, hName: "a", hProperties: { ...cleared, href: view.full }, hChildren: [picture] }
      : { ...node.data, hName: picture.tagName, hProperties: { ...cleared, ...picture.properties }, hChildren: picture.children };
  });
}

/** Turns image-only paragraphs into figures captioned by the Markdown title, else front-matter; returns each figure's caption. */
function makeFigures(found: Collected, metas: Map<PhrasingContent, ImageMeta | undefined>): Map<PhrasingContent, string | undefined> {
  const captions = new Map<PhrasingContent, string | undefined>();
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
    captions.set(node, caption);
  }
  return captions;
}
