/**
 * Limits checked on a body's source before the Markdown parser sees it. The
 * parser (micromark) recurses once per nested list or quote and overflows the
 * stack near a thousand levels; emphasis and link markers cost time that
 * grows with the square of their number in one paragraph, nested images
 * faster still, and each setext heading (`===` under a line) copies the whole
 * document's token list. One linear pass over the lines finds the bodies
 * that would take too long or crash; they are refused with a message at the
 * line instead. The limits are far beyond what articles need.
 *
 * Lists: each new item of a list whose previous item held a nested list or
 * quote makes micromark copy every event of the document so far, so a body
 * of such items costs their number times its size (50 KB of lists 8 deep
 * took half a minute). The guard adds up that work and refuses past a bound.
 * Flat lists are linear, but each item costs about seven lines of prose, so
 * their number is bounded too.
 */

/** Lists and block quotes inside each other on one line. */
export const MAX_NESTING = 32;
/** `*`, `_`, `[` and `]` characters in one paragraph. */
export const MAX_MARKERS = 500;
/** Length of one run of `*` or `_` (each pair nests one more emphasis). */
export const MAX_RUN = 50;
/** Unclosed `[` inside each other. */
export const MAX_BRACKET_DEPTH = 32;
/** Headings underlined with `===` or `---`. */
export const MAX_SETEXT = 100;
/** Table cells (header columns × rows, as rendered: short rows are padded), beyond a share of the body's size. */
export const MAX_TABLE_CELLS_BASE = 10_000;

/**
 * List work: for each item that closes a nested list or quote, the lines and
 * container markers before it. Measured at 150–560 ms per million on a loaded
 * two-core machine, so this bound parses in under a second there.
 */
export const MAX_LIST_WORK = 1_500_000;
/** List items in one body: each costs micromark about forty characters of prose (10,000 took 1.7 s on a quiet two-core machine). */
export const MAX_LIST_ITEMS = 5_000;

/**
 * Characters in one body. Plain prose renders at about 4.7 µs a character on
 * a quiet two-core machine (256 KiB in 1.2 s); past this an article is refused
 * with a message to split it, so that no body takes seconds whatever it holds.
 */
export const MAX_BODY_CHARS = 256 * 1024;

/**
 * The whole body's estimated parse work, in characters of plain prose: each
 * character counts 1, and what costs micromark more counts more (weights
 * measured against prose, `bench/markdown-limits.mjs`): an emphasis or link
 * marker 8 (16 for an image's `![`), a list item 40 (what it costs beyond its
 * characters), a list or quote marker on a line 2, each level a line sits inside
 * nested lists through its indentation 16, an underlined heading a twentieth
 * of the text before it (it copies the document so far). The bound keeps
 * every body under about 1.5 s on a quiet two-core machine; ordinary
 * articles use a fifth of it at most.
 */
export const MAX_WORK = 320_000;
const WORK_MARKER = 8;
const WORK_IMAGE = 8;
const WORK_LIST_ITEM = 40;
const WORK_CONTAINER = 2;
const WORK_INDENTED_LEVEL = 16;
const WORK_SETEXT_SHARE = 1 / 20;

/** Why a body is refused: a stable key, the message, and the 0-based line of the body where it is. */
export interface LimitProblem {
  code: "markdown-too-deep" | "markdown-too-complex";
  key: string;
  message: string;
  args: Record<string, number>;
  /** 0-based line within the body. */
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;
/** One container marker at the start of what is left of a line: `>` or a list marker followed by a space (or the line's end). */
const CONTAINER = /^[ \t]{0,3}(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const TABLE_DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The first limit `body` goes beyond, or undefined when it can be rendered safely. */
export function checkMarkdownLimits(body: string): LimitProblem | undefined {
  if (body.length > MAX_BODY_CHARS) {
    const kib = Math.ceil(body.length / 1024);
    return { code: "markdown-too-complex", key: "markdown-too-complex.size", line: 0, args: { size: kib, limit: MAX_BODY_CHARS / 1024 }, message: `this article's text is ${kib} KiB, more than the ${MAX_BODY_CHARS / 1024} KiB gazette renders in one page: split it into several articles, or attach the full document as a file (a PDF) and link to it` };
  }
  const lines = body.split(/\r?\n|\r/);
  let fence: string | undefined;
  let markers = 0;
  let bracketDepth = 0;
  let paragraphStart = 0;
  let setext = 0;
  let tableCells = 0;
  let tableColumns = 0;
  const maxCells = MAX_TABLE_CELLS_BASE + Math.floor(body.length / 4);
  let previousBlank = true;
  let containers = 0;
  let previousDepth = 0;
  let listWork = 0;
  let listItems = 0;
  // Estimated parse work (see MAX_WORK); `seen` counts the characters before the current line.
  let work = 0;
  let seen = 0;
  const tooMuchWork = (line: number): LimitProblem => ({ code: "markdown-too-complex", key: "markdown-too-complex.work", line, args: { limit: MAX_WORK }, message: "this article has so much nesting, emphasis or link markup for its length that it would take too long to render (it is refused from this line): split it into several articles, or remove markup that is not needed" });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    work += line.length + 1;
    seen += line.length + 1;
    if (work > MAX_WORK) return tooMuchWork(i);
    if (fence !== undefined) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    // Container markers first: they also start a new paragraph.
    let rest = line;
    let depth = 0;
    for (let m = CONTAINER.exec(rest); m && m[0].length > 0; m = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
      if (depth > MAX_NESTING) {
        return { code: "markdown-too-deep", key: "markdown-too-deep", line: i, args: { limit: MAX_NESTING }, message: `this line puts more than ${MAX_NESTING} lists or quotes inside each other, more than gazette renders: remove the extra > or list markers` };
      }
    }
    // A new item closes what the previous line had open deeper than it.
    const shape = listShape(line);
    listItems += shape.items;
    work += WORK_LIST_ITEM * shape.items;
    if (listItems > MAX_LIST_ITEMS) {
      return { code: "markdown-too-complex", key: "markdown-too-complex.list-items", line: i, args: { limit: MAX_LIST_ITEMS }, message: `this article's lists have more than ${MAX_LIST_ITEMS} items, which takes too long to render: split the article or write some lists as paragraphs` };
    }
    if (shape.firstItem >= 0 && previousDepth > shape.firstItem + 1) {
      listWork += i + containers;
      if (listWork > MAX_LIST_WORK) {
        return { code: "markdown-too-complex", key: "markdown-too-complex.list", line: i, args: { limit: MAX_LIST_WORK }, message: `the lists of this article are too long and nested for their place in it, which takes too long to render: split them, or put fewer items with nested lists or quotes after so much text` };
      }
    }
    containers += depth;
    work += WORK_CONTAINER * depth;
    // Inside a list, indentation nests as deep as the markers do: about one level a two columns.
    if ((previousDepth > 0 || shape.items > 0) && !BLANK.test(line)) {
      const indent = line.length - line.trimStart().length;
      work += WORK_INDENTED_LEVEL * Math.floor(indent / 2);
    }
    if (!BLANK.test(rest)) previousDepth = shape.depth;
    const opened = FENCE.exec(rest);
    if (opened) {
      fence = opened[1]![0]!.repeat(3);
      previousBlank = true;
      continue;
    }
    if (BLANK.test(rest) || depth > 0 || /^ {0,3}#/.test(rest)) {
      markers = 0;
      bracketDepth = 0;
      paragraphStart = BLANK.test(rest) ? i + 1 : i;
    }
    if (BLANK.test(rest)) {
      tableColumns = 0;
      previousBlank = true;
      continue;
    }
    if (!previousBlank && SETEXT_UNDERLINE.test(rest)) {
      if (++setext > MAX_SETEXT) {
        return { code: "markdown-too-complex", key: "markdown-too-complex.setext", line: i, args: { limit: MAX_SETEXT }, message: `more than ${MAX_SETEXT} headings are underlined with === or ---, which takes too long to render: write them as # headings` };
      }
      work += Math.floor(seen * WORK_SETEXT_SHARE);
    }
    previousBlank = false;
    if (THEMATIC_BREAK.test(rest)) continue;
    if (rest.includes("|")) {
      // Each table row is its own inline text; a table has as many cells per row as its header.
      markers = 0;
      bracketDepth = 0;
      paragraphStart = i;
      if (tableColumns === 0 && TABLE_DELIMITER_ROW.test(rest) && i > 0) tableColumns = Math.max(1, (rest.match(/-+/g) ?? []).length);
    }
    if (tableColumns > 0) {
      tableCells += tableColumns;
      if (tableCells > maxCells) {
        return { code: "markdown-too-complex", key: "markdown-too-complex.table", line: i, args: { limit: maxCells }, message: `the tables of this article would have more than ${maxCells} cells (each row gets as many cells as its table's header): shorten the header or split the table` };
      }
    }
    const scanned = scanInline(rest, i, paragraphStart, { markers, bracketDepth });
    if ("code" in scanned) return scanned;
    work += scanned.work;
    ({ markers, bracketDepth } = scanned);
    if (work > MAX_WORK) return tooMuchWork(i);
  }
  return undefined;
}

/**
 * A line's lists and quotes, indentation included: how deep its content is
 * (one more when indented, an item under an item), how many list items it
 * opens, and the depth of the first one (-1 when none).
 */
function listShape(line: string): { depth: number; items: number; firstItem: number } {
  let rest = line.trimStart();
  const indent = rest.length < line.length ? 1 : 0;
  let depth = 0;
  let items = 0;
  let firstItem = -1;
  for (let m = CONTAINER.exec(rest); m && m[0].length > 0; m = CONTAINER.exec(rest)) {
    if (!m[0].trimStart().startsWith(">")) {
      if (firstItem < 0) firstItem = depth + indent;
      items++;
    }
    depth++;
    rest = rest.slice(m[0].length);
  }
  return { depth: depth > 0 ? depth + indent : 0, items, firstItem };
}

/**
 * Counts one line's emphasis and link markers into its paragraph's totals,
 * with the parse work they add (see MAX_WORK); a problem when a limit is passed.
 */
function scanInline(text: string, line: number, paragraphStart: number, counts: { markers: number; bracketDepth: number }): LimitProblem | { markers: number; bracketDepth: number; work: number } {
  let { markers, bracketDepth } = counts;
  const before = markers;
  let images = 0;
  let run = 0;
  let runChar = 0;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) {
      // a backslash escapes the next character
      j++;
      run = 0;
      continue;
    }
    if (c === 0x2a || c === 0x5f) {
      markers++;
      run = c === runChar ? run + 1 : 1;
      runChar = c;
      if (run > MAX_RUN) {
        return { code: "markdown-too-complex", key: "markdown-too-complex.run", line, args: { limit: MAX_RUN }, message: `a run of more than ${MAX_RUN} * or _ characters nests that many emphases, more than gazette renders: escape them as \\* or \\_` };
      }
    } else {
      run = 0;
      runChar = 0;
      if (c === 0x5b) {
        markers++;
        if (text.charCodeAt(j - 1) === 0x21) images++; // `![`
        if (++bracketDepth > MAX_BRACKET_DEPTH) {
          return { code: "markdown-too-deep", key: "markdown-too-deep.brackets", line, args: { limit: MAX_BRACKET_DEPTH }, message: `more than ${MAX_BRACKET_DEPTH} [ brackets (links or images) open inside each other, more than gazette renders: close them or escape them as \\[` };
        }
      } else if (c === 0x5d) {
        markers++;
        if (bracketDepth > 0) bracketDepth--;
      }
    }
    if (markers > MAX_MARKERS) {
      return { code: "markdown-too-complex", key: "markdown-too-complex.markers", line: paragraphStart, args: { limit: MAX_MARKERS }, message: `this paragraph has more than ${MAX_MARKERS} emphasis or link markers (* _ [ ]), which takes too long to render: split it into paragraphs, or escape the markers as \\* \\_ \\[` };
    }
  }
  return { markers, bracketDepth, work: WORK_MARKER * (markers - before) + WORK_IMAGE * images };
}
