/**
 * The unified processors behind `renderMarkdown`: parsers for CommonMark plus
 * GFM tables and strikethrough (not remark-gfm: its autolink literals double
 * the cost) and two HTML compilers, sanitising or not. Each is built once per
 * thread, on first use, and reused for every article.
 */
import type { Root } from "mdast";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkHtml, { type Options as HtmlOptions } from "remark-html";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

type Schema = Exclude<NonNullable<HtmlOptions["sanitize"]>, boolean>;

/**
 * What Markdown may produce when raw HTML is not allowed: the elements mdast
 * gives for CommonMark, tables and strikethrough, plus our figures, table scroll boxes and video embeds. Raw HTML
 * nodes are already dropped before sanitising; this pass removes unsafe URL
 * schemes (`javascript:`…) and anything unexpected.
 */
const safeSchema: Schema = {
  tagNames: [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "br",
    "ul", "ol", "li", "pre", "code", "em", "strong", "del", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "picture", "source",
    "div", "span",
  ],
  attributes: {
    a: ["href", "title", ["className", "video-link"]],
    img: ["src", "alt", "title", "loading", "srcSet", "sizes", "width", "height", "decoding", "fetchPriority"],
    source: ["type", "srcSet", "sizes"],
    code: [["className", /^language-./]],
    ol: ["start"],
    th: [["className", "align-left", "align-center", "align-right"]],
    td: [["className", "align-left", "align-center", "align-right"]],
    // Our own markup: table scroll boxes (tables.ts) and video embeds (video.ts).
    div: [["className", "table-scroll"], "tabIndex"],
    figure: [["className", "video", "video-youtube", "video-facebook"], "dataVideoEmbed"],
    span: [["className", "video-play", "video-label", "video-on", "video-address"]],
  },
  // Relative URLs always pass; absolute ones only with these schemes.
  protocols: {
    href: ["http", "https", "mailto", "tel"],
    src: ["http", "https", "data"],
  },
};

/**
 * Parsers by the syntax a body may contain: bit 1 tables, bit 2 strikethrough.
 * Each extension slows every parse by a third or so, yet a table needs a `|`,
 * or a `:-`/`-:` delimiter, and strikethrough needs `~~`: a cheap scan of the
 * body tells when an extension cannot match and can be left out.
 */
const parsers: (Processor<Root> | undefined)[] = [];

function buildParser(kind: number): Processor<Root> {
  const processor = unified().use(remarkParse);
  const data = processor.data();
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  if (kind & 1) {
    micromark.push(gfmTable());
    fromMarkdown.push(gfmTableFromMarkdown());
  }
  if (kind & 2) {
    // `~~x~~` only: a single tilde, as in `10~15 người`, stays text.
    micromark.push(gfmStrikethrough({ singleTilde: false }));
    fromMarkdown.push(gfmStrikethroughFromMarkdown());
  }
  return processor.freeze();
}

let safeCompiler: Processor<undefined, undefined, undefined, Root, string> | undefined;
let rawCompiler: Processor<undefined, undefined, undefined, Root, string> | undefined;

/** Parses a Markdown body (CommonMark, GFM tables and strikethrough) into an mdast tree with positions. */
export function parseMarkdown(body: string): Root {
  const kind = (/\||:-|-:/.test(body) ? 1 : 0) | (body.includes("~~") ? 2 : 0);
  const parser = (parsers[kind] ??= buildParser(kind));
  return parser.parse(body);
}

/** Serialises an mdast tree to HTML, dropping raw HTML and unsafe URLs unless `allowHtml`. */
export function compileHtml(tree: Root, allowHtml: boolean): string {
  if (allowHtml) {
    rawCompiler ??= unified().use(remarkHtml, { sanitize: false }).freeze();
    return rawCompiler.stringify(tree);
  }
  safeCompiler ??= unified().use(remarkHtml, { sanitize: safeSchema }).freeze();
  return safeCompiler.stringify(tree);
}
