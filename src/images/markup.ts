/**
 * How a derivative set appears in pages: the view templates receive, the
 * hast the Markdown stage emits for body images, and the `sizes` matching the
 * built-in theme's layout.
 */
import type { Element, ElementContent } from "hast";
import { siteUrl } from "../load/paths.js";
import { fallbackSet, type ImageSet } from "./plan.js";

/**
 * Display widths in the built-in theme (templates/assets/style.css): the main
 * column is about 780 px wide from 961 px up, the whole screen less its
 * margins below; cards are 240 px (116 px on phones); the home page's lead
 * card about 440 px.
 */
export const SIZES = {
  figure: "(max-width: 960px) calc(100vw - 2rem), 780px",
  card: "(max-width: 720px) 116px, 240px",
  lead: "(max-width: 960px) calc(100vw - 2rem), 440px",
} as const;

/** A `<source>` of a `<picture>`. */
export interface SourceView {
  type: string;
  srcset: string;
}

/** A photo ready for `<img>`/`<picture>`: every URL final (base path applied). */
export interface PictureView {
  /** The fallback format's derivative closest to 960 px, for browsers without srcset. */
  src: string;
  /** The fallback format's derivatives: `…-480.jpg 480w, …`. */
  srcset: string;
  sizes: string;
  /** Size of the largest derivative: the aspect ratio reserves the space before the photo arrives. */
  width: number;
  height: number;
  /** Modern formats, best first (empty when only the original's format is made). */
  sources: SourceView[];
  /** The largest derivative in the fallback format: what a figure links to. */
  full: string;
}

/** The view of `set` shown at `sizes`. */
export function pictureView(set: ImageSet, basePath: string, sizes: string): PictureView {
  const fallback = fallbackSet(set);
  const srcset = (files: ImageSet["formats"][number]["files"]) => files.map((d) => `${siteUrl(basePath, d.path)} ${d.width}w`).join(", ");
  const largest = fallback.files[fallback.files.length - 1]!;
  const middle = [...fallback.files].reverse().find((d) => d.width <= 960) ?? fallback.files[0]!;
  return {
    src: siteUrl(basePath, middle.path),
    srcset: srcset(fallback.files),
    sizes,
    width: largest.width,
    height: largest.height,
    sources: set.formats.slice(0, -1).map((format) => ({ type: format.type, srcset: srcset(format.files) })),
    full: siteUrl(basePath, set.original ?? largest.path),
  };
}

/** The `og:image` of a set: the largest derivative in the original's format (JPEG for photos), site path and size. */
export function shareImage(set: ImageSet): { path: string; width: number; height: number } {
  const fallback = fallbackSet(set);
  return fallback.files[fallback.files.length - 1]!;
}

/** How a body image is shown: its text and loading. */
export interface PictureAttributes {
  alt: string;
  title?: string | null | undefined;
  /** The article's lead image: loaded first (`fetchpriority="high"`), never lazily. */
  lead: boolean;
}

/** The hast of `<picture>` (or a lone `<img>` when there is one format) for a body image. */
export function pictureHast(view: PictureView, attributes: PictureAttributes): Element {
  const img: Element = {
    type: "element",
    tagName: "img",
    properties: {
      src: view.src,
      srcSet: view.srcset,
      sizes: view.sizes,
      width: view.width,
      height: view.height,
      alt: attributes.alt,
      ...(attributes.title ? { title: attributes.title } : {}),
      ...(attributes.lead ? { fetchPriority: "high" } : { loading: "lazy", decoding: "async" }),
    },
    children: [],
  };
  if (view.sources.length === 0) return img;
  const sources: ElementContent[] = view.sources.map((source) => ({
    type: "element",
    tagName: "source",
    properties: { type: source.type, srcSet: source.srcset, sizes: view.sizes },
    children: [],
  }));
  return { type: "element", tagName: "picture", properties: {}, children: [...sources, img] };
}
