/**
 * The readable text of a Markdown body, for the search index: what a reader
 * sees (link text, image alt and captions, headings, lists, tables), without
 * link targets, image paths, HTML tags, URLs or Markdown punctuation. A light
 * pass over the source, not a parse: the index needs words, not structure.
 */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S/;
const IMAGE = /!\[([^\]]*)\]\(\s*(?:<[^>]*>|[^\s)]*)(?:\s+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?\s*\)/g;
const LINK_TARGET = /\]\(\s*(?:<[^>]*>|[^\s)]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE = /\]\[[^\]]*\]/g;
const TAG = /<\/?[A-Za-z][^>]*>|<!--[\s\S]*?-->|<(?:https?|mailto|ftp):[^>\s]*>/g;
const URL = /\b(?:https?|ftp):\/\/[^\s<>()]+|\bwww\.[^\s<>()]+/g;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const BLOCK_MARKS = /^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)+/;
const INLINE_MARKS = /\\([!-/:-@[-`{-~])|[*_~`]+|#+\s*$/g;

/** What a link or image target, a tag, an autolink, a URL or a reference definition leaves: nothing readable. */
const NOT_TEXT = /\]\(\s*(?:<[^>\n]*>|[^\s)]*)|<\/?[A-Za-z][^>]*>|<!--[\s\S]*?-->|<(?:https?|mailto|ftp):[^>\s]*>|\b(?:https?|ftp):\/\/[^\s<>()]+|\bwww\.[^\s<>()]+|^ {0,3}\[[^\]\n]+\]:.*$|&#?[0-9a-z]+;/gim;

/**
 * The words of a body without link targets, image paths, tags, URLs and
 * references (what the index needs: punctuation is no word anyway); link
 * text, image alt text and titles stay. One pass of one pattern.
 */
export function markdownWords(markdown: string): string {
  return markdown.replace(NOT_TEXT, " ");
}

/** The text of one body: the whole (for terms) and its first paragraph (for the excerpt). */
export interface BodyText {
  text: string;
  firstParagraph: string;
}

/** Extracts the readable text of a Markdown body (see the module comment). */
export function markdownText(markdown: string): BodyText {
  const lines = markdown.split(/\r?\n/);
  const out: string[] = [];
  let paragraph: string[] = [];
  let firstParagraph = "";
  let fence = "";
  const endParagraph = () => {
    if (firstParagraph === "" && paragraph.length > 0) firstParagraph = paragraph.join(" ").replace(/\s+/g, " ").trim();
    paragraph = [];
  };
  for (const line of lines) {
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = "";
      else out.push(line);
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      endParagraph();
      fence = opening[1]!.slice(0, 3);
      continue;
    }
    if (DEFINITION.test(line)) continue;
    const trimmed = line.trim();
    if (trimmed === "" || /^[-*_=|:\s]+$/.test(trimmed)) {
      endParagraph();
      continue;
    }
    const block = BLOCK_MARKS.exec(line);
    const onlyImage = /^\s*!\[[^\]]*\]\([^)]*\)\s*$/.test(line);
    const text = inlineText(block ? line.slice(block[0].length) : line);
    out.push(text);
    // Headings, list items, quotes, table rows and lone images are not the paragraph an excerpt starts with.
    if (block || onlyImage || trimmed.startsWith("|") || trimmed.startsWith("<")) endParagraph();
    else paragraph.push(text);
  }
  endParagraph();
  return { text: out.join("\n"), firstParagraph };
}

/** One line's text: images become their alt text and caption, links their text; URLs, tags and marks go. */
function inlineText(line: string): string {
  return line
    .replace(IMAGE, (_m, alt: string, t1?: string, t2?: string, t3?: string) => ` ${alt} ${t1 ?? t2 ?? t3 ?? ""} `)
    .replace(LINK_TARGET, "]")
    .replace(REFERENCE, "]")
    .replace(TAG, " ")
    .replace(URL, " ")
    .replace(/!?\[|\]/g, "")
    .replace(INLINE_MARKS, (_m, escaped?: string) => escaped ?? "")
    .replace(ENTITY, (_m, name: string) => decodeEntity(name))
    .trim();
}

function decodeEntity(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith("#")) {
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0x1f && code <= 0x10ffff && !(code >= 0x7f && code < 0xa0) ? String.fromCodePoint(code) : " ";
  }
  return NAMED[lower] ?? " ";
}
