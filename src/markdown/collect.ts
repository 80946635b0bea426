/**
 * One walk over an mdast tree gathering what rendering rewrites (links,
 * images, definitions, figure paragraphs) and the first paragraph's text.
 */
import type {
  Definition,
  Image,
  ImageReference,
  Link,
  LinkReference,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
} from "mdast";
import { soleImage } from "./figures.js";

/** The nodes of one document that rendering rewrites, each list in document order. */
export interface Collected {
  images: Image[];
  imageReferences: ImageReference[];
  links: Link[];
  linkReferences: LinkReference[];
  /** Definitions by upper-cased identifier; the first one wins, as in CommonMark. */
  definitions: Map<string, Definition>;
  /** Paragraphs holding only an image (or image reference), with that image. */
  figures: { paragraph: Paragraph; image: PhrasingContent }[];
  /** Plain text of the first paragraph that has any; "" when none does. */
  firstParagraph: string;
}

/** Walks `tree` once and returns the nodes to rewrite. */
export function collect(tree: Root): Collected {
  const found: Collected = {
    images: [],
    imageReferences: [],
    links: [],
    linkReferences: [],
    definitions: new Map(),
    figures: [],
    firstParagraph: "",
  };
  visit(tree, found);
  return found;
}

function visit(node: Nodes, found: Collected): void {
  switch (node.type) {
    case "image":
      found.images.push(node);
      return;
    case "imageReference":
      found.imageReferences.push(node);
      return;
    case "definition": {
      const id = node.identifier.toUpperCase();
      if (!found.definitions.has(id)) found.definitions.set(id, node);
      return;
    }
    case "link":
      found.links.push(node);
      break;
    case "linkReference":
      found.linkReferences.push(node);
      break;
    case "paragraph": {
      const image = soleImage(node);
      if (image) found.figures.push({ paragraph: node, image });
      else if (found.firstParagraph === "") found.firstParagraph = plainText(node);
      break;
    }
    case "text":
    case "inlineCode":
    case "code":
    case "html":
      return;
  }
  if ("children" in node) for (const child of node.children) visit(child, found);
}

/** The text of a node without markup, images or raw HTML, whitespace collapsed. */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  gatherText(node, parts);
  return parts.join("").replace(/\s+/g, " ").trim();
}

function gatherText(node: Nodes, parts: string[]): void {
  if (node.type === "text" || node.type === "inlineCode") parts.push(node.value);
  else if (node.type === "break") parts.push(" ");
  else if ("children" in node) for (const child of node.children) gatherText(child, parts);
}
