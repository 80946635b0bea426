/**
 * Nothing a writer types is lost without a word: text that looks like an
 * image or a link but did not parse (a path with spaces), and raw HTML that
 * the page leaves out, each become a warning at its line saying what to write.
 */
import type { Html, Nodes, Root, Text } from "mdast";
import { warning, type Diagnostic } from "../diagnostics.js";

/** Where the body starts in its file, and how diagnostics name the file. */
export interface LostTextContext {
  displayPath: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** `markdown.allowHtml`: raw HTML is kept, so none is lost. */
  allowHtml: boolean;
}

/** `![alt](dest "title")` or `[text](dest)` left as text; `space` is a blank between `]` and `(`. */
const LOOKS_LIKE = /(!?)\[([^\]\n]*)\]( ?)\(([^()\n]*)\)/g;

/** An opening HTML tag (comments, closing tags and processing instructions are not elements). */
const OPENING_TAG = /<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;

/** Containers whose HTML children are HTML blocks (dropped with their text); elsewhere HTML is inline (its text stays). */
const BLOCK_PARENTS = new Set<string>(["root", "blockquote", "listItem", "footnoteDefinition"]);

/** Finds the images and links that stayed text, and the raw HTML elements dropped, in document order. */
export function findLostText(tree: Root, context: LostTextContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (node: Nodes, parent: Nodes["type"]): void => {
    if (node.type === "text") unparsed(node, context, out);
    else if (node.type === "html") {
      if (!context.allowHtml) droppedHtml(node, BLOCK_PARENTS.has(parent), context, out);
    } else if ("children" in node) for (const child of node.children) visit(child, node.type);
  };
  visit(tree, "root");
  return out;
}

/** The file position of `offset` in a node's value (exact on the node's first line; later lines count from their start). */
function positionAt(node: Text | Html, offset: number, context: LostTextContext): { file: string; line?: number; column?: number } {
  const start = node.position?.start;
  if (!start) return { file: context.displayPath };
  const before = node.value.slice(0, offset);
  const newlines = before.split("\n").length - 1;
  const column = newlines === 0 ? start.column + offset : offset - before.lastIndexOf("\n");
  return { file: context.displayPath, line: start.line + newlines + context.bodyLine - 1, column };
}

function unparsed(node: Text, context: LostTextContext, out: Diagnostic[]): void {
  if (!node.value.includes("](") && !node.value.includes("] (")) return;
  for (const match of node.value.matchAll(LOOKS_LIKE)) {
    const [text, bang, label, space, inside] = match as unknown as [string, string, string, string, string];
    const image = bang === "!";
    const parts = /^\s*(\S(?:.*?\S)?)\s*((?:"[^"]*"|'[^']*')?)\s*$/.exec(inside);
    const destination = parts?.[1] ?? inside.trim();
    const title = parts?.[2] ? ` ${parts[2]}` : "";
    const spaced = /\s/.test(destination);
    if (!image && (space || !spaced)) continue; // "[1] (see below)" is ordinary text
    if (!spaced && !space) continue; // nothing we can name went wrong
    const fix = `${bang}[${label}](${spaced ? `<${destination}>` : destination}${title})`;
    out.push(warning(image ? "unparsed-image" : "unparsed-image.link", { text, fix }, positionAt(node, match.index, context)));
  }
}

/** One warning per element of inline HTML; per kind of element in an HTML block (a pasted table is one problem, not fifty). */
function droppedHtml(node: Html, block: boolean, context: LostTextContext, out: Diagnostic[]): void {
  const seen = new Set<string>();
  // Comments are meant to be hidden: blank them out, keeping offsets.
  const value = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, " "));
  for (const match of value.matchAll(OPENING_TAG)) {
    const tag = match[1]!.toLowerCase();
    if (block && seen.has(tag)) continue;
    seen.add(tag);
    const at = positionAt(node, match.index, context);
    if (tag === "br") out.push(warning("raw-html.br", {}, at));
    else if (tag === "iframe") out.push(warning("raw-html.iframe", {}, at));
    else if (tag === "img") out.push(warning("raw-html.img", {}, at));
    else out.push(warning(block ? "raw-html.block" : "raw-html", { tag }, at));
  }
}
