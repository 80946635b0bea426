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

/**
 * The first paragraph of a body's readable text, for the excerpt of an
 * article without a summary: headings, list items, quotes, table rows, lone
 * images, tags, code and reference definitions are passed over, and a
 * paragraph with no readable text does not count. Lines are read only up to
 * the end of the paragraph found.
 */
export function firstParagraphText(markdown: string): string {
  let paragraph: string[] = [];
  let fence = "";
  for (let start = 0; start <= markdown.length; ) {
    const newline = markdown.indexOf("\n", start);
    const end = newline < 0 ? markdown.length : newline;
    const line = markdown.slice(start, newline > start && markdown.charCodeAt(newline - 1) === 13 ? newline - 1 : end);
    start = end + 1;
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = "";
      continue;
    }
    const opening = FENCE.exec(line);
    if (!opening && DEFINITION.test(line)) continue;
    const trimmed = line.trim();
    const ends =
      opening || trimmed === "" || /^[-*_=|:\s]+$/.test(trimmed) || BLOCK_MARKS.test(line) || /^\s*!\[[^\]]*\]\([^)]*\)\s*$/.test(line) || trimmed.startsWith("|") || trimmed.startsWith("<");
    if (!ends) {
      paragraph.push(inlineText(line));
      continue;
    }
    if (opening) fence = opening[1]!.slice(0, 3);
    const text = joined(paragraph);
    if (text !== "") return text;
    paragraph = [];
  }
  return joined(paragraph);
}

function joined(lines: string[]): string {
  return lines.join(" ").replace(/\s+/g, " ").trim();
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
