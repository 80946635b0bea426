/**
 * Limits checked on a body's source before the Markdown parser sees it. The
 * parser (micromark) recurses once per nested list or quote and overflows the
 * stack near a thousand levels; emphasis and link markers cost time that
 * grows with the square of their number in one paragraph, nested images
 * faster still, and each setext heading (`===` under a line) copies the whole
 * document's token list. One linear pass over the lines finds the bodies
 * that would take too long or crash; they are refused with a message at the
 * line instead. The limits are far beyond what articles need.
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
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
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
    if (!previousBlank && SETEXT_UNDERLINE.test(rest) && ++setext > MAX_SETEXT) {
      return { code: "markdown-too-complex", key: "markdown-too-complex.setext", line: i, args: { limit: MAX_SETEXT }, message: `more than ${MAX_SETEXT} headings are underlined with === or ---, which takes too long to render: write them as # headings` };
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
    ({ markers, bracketDepth } = scanned);
  }
  return undefined;
}

/** Counts one line's emphasis and link markers into its paragraph's totals; a problem when a limit is passed. */
function scanInline(text: string, line: number, paragraphStart: number, counts: { markers: number; bracketDepth: number }): LimitProblem | { markers: number; bracketDepth: number } {
  let { markers, bracketDepth } = counts;
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
  return { markers, bracketDepth };
}
