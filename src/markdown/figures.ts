/**
 * Figures and image metadata: front-matter `images` entries matched to body
 * images by src, and image-only paragraphs turned into `<figure>`.
 */
import type { Image, Paragraph, PhrasingContent } from "mdast";
import { isExternal, resolveContentPath, splitHref } from "../load/paths.js";
import type { ImageMeta } from "../types.js";

/** Looks up the front-matter entry (alt, caption) of an image by its src as written. */
export class ImageCatalog {
  private index: { bySrc: Map<string, ImageMeta>; byPath: Map<string, ImageMeta> } | undefined;

  constructor(
    private readonly images: readonly ImageMeta[],
    private readonly contentPath: string,
  ) {}

  /** The entry whose src equals `src` (trimmed), else one resolving to the same content path; first wins. */
  find(src: string): ImageMeta | undefined {
    if (this.images.length === 0) return undefined;
    const { bySrc, byPath } = (this.index ??= this.buildIndex());
    const written = src.trim();
    const exact = bySrc.get(written);
    if (exact) return exact;
    const path = this.contentPathOf(written);
    return path === undefined ? undefined : byPath.get(path);
  }

  private buildIndex(): { bySrc: Map<string, ImageMeta>; byPath: Map<string, ImageMeta> } {
    const bySrc = new Map<string, ImageMeta>();
    const byPath = new Map<string, ImageMeta>();
    for (const meta of this.images) {
      const src = meta.src.trim();
      if (!bySrc.has(src)) bySrc.set(src, meta);
      const path = this.contentPathOf(src);
      if (path !== undefined && !byPath.has(path)) byPath.set(path, meta);
    }
    return { bySrc, byPath };
  }

  private contentPathOf(src: string): string | undefined {
    if (src === "" || isExternal(src) || src.startsWith("/")) return undefined;
    return resolveContentPath(this.contentPath, splitHref(src).path);
  }
}

/** A paragraph's only child when it is an image or image reference, whitespace aside. */
export function soleImage(paragraph: Paragraph): PhrasingContent | undefined {
  let found: PhrasingContent | undefined;
  for (const child of paragraph.children) {
    if (child.type === "text" && child.value.trim() === "") continue;
    if (found || (child.type !== "image" && child.type !== "imageReference")) return undefined;
    found = child;
  }
  return found;
}

/** Makes `paragraph` render as `<figure><img><figcaption>caption</figcaption></figure>`. */
export function makeFigure(paragraph: Paragraph, image: Image, caption: string | undefined): void {
  const children: PhrasingContent[] = [image];
  if (caption) {
    children.push({ type: "emphasis", children: [{ type: "text", value: caption }], data: { hName: "figcaption" } });
  }
  paragraph.children = children;
  paragraph.data = { ...paragraph.data, hName: "figure" };
}
