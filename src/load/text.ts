/**
 * Control characters in what writers give us: found (for a warning at the
 * line) and taken out before anything is parsed, so that none reaches HTML or
 * XML. Tab, line feed and carriage return are text; a lone carriage return
 * (old Mac line ends) becomes a line feed.
 */

/**
 * Code points that are not allowed, or not wanted, in HTML and XML text: C0
 * controls other than tab, LF and CR; DEL and the C1 controls; U+FFFE and
 * U+FFFF; halves of surrogate pairs standing alone.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_ALL = new RegExp(CONTROL.source, "g");
/** The same characters but lone surrogates: one character class, which the regular expression engine scans fast. */
const CONTROL_NOT_SURROGATE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const wellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

/** What stands in for a character: a vertical tab (Word's manual line break), form feed or next-line becomes a space; the rest nothing. */
function replacement(char: string): string {
  return char === "\u000B" || char === "\u000C" || char === "\u0085" ? " " : "";
}

/** True when `text` holds a control character (see `stripControlCharacters`). */
export function hasControlCharacters(text: string): boolean {
  // Every page's HTML passes here: a character class and the engine's own surrogate check are far cheaper than CONTROL's look-arounds.
  if (CONTROL_NOT_SURROGATE.test(text)) return true;
  return wellFormed ? !wellFormed.call(text) : CONTROL.test(text);
}

/** `text` without control characters (vertical tab, form feed and U+0085 become spaces); the same string when there are none. */
export function stripControlCharacters(text: string): string {
  return hasControlCharacters(text) ? text.replace(CONTROL_ALL, replacement) : text;
}

/** One control character found in a text, with its 1-based line and column. */
export interface ControlCharacter {
  /** `U+000B`. */
  codePoint: string;
  /** What it is, for messages: `vertical tab`. */
  name: string;
  line: number;
  column: number;
}

const NAMES: Record<number, string> = {
  0x00: "null", 0x07: "bell", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed",
  0x1b: "escape", 0x7f: "delete", 0x85: "next line", 0xfffe: "non-character", 0xffff: "non-character",
};

/** A control character's `U+XXXX` and name. */
export function describeControl(char: string): { codePoint: string; name: string } {
  const code = char.charCodeAt(0);
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[code] ?? (code >= 0xd800 && code <= 0xdfff ? "lone surrogate" : "control character");
  return { codePoint, name };
}

/**
 * The control characters of `text`, first one of each line, at most `limit`
 * lines (plus the number of lines left out). Lines end at LF, CRLF or a lone CR.
 */
export function findControlCharacters(text: string, limit = 10): { found: ControlCharacter[]; more: number } {
  const found: ControlCharacter[] = [];
  let more = 0;
  if (!hasControlCharacters(text)) return { found, more };
  let line = 1;
  let lineStart = 0;
  let reportedLine = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (code === 9 || code === 13 || (code >= 0x20 && code < 0x7f) || (code > 0x9f && code < 0xd800) || (code > 0xdfff && code < 0xfffe)) continue;
    const pair = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      i++;
      continue;
    }
    if (reportedLine === line) continue;
    reportedLine = line;
    if (found.length >= limit) {
      more++;
      continue;
    }
    found.push({ ...describeControl(text[i]!), line, column: i - lineStart + 1 });
  }
  return { found, more };
}

/** `text` with lone carriage returns turned into line feeds (CRLF stays); the same string when there are none. */
export function normalizeLoneCarriageReturns(text: string): string {
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/**
 * A copy of a parsed YAML/JSON value with control characters taken out of
 * every string (keys included); `changed` says whether any was. Values
 * nested deeper than 200 levels are kept as they are (the output's last
 * guard, in the templates, still strips them).
 */
export function cleanValue(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const clean = (v: unknown, depth = 0): unknown => {
    if (depth > 200) return v;
    if (typeof v === "string") {
      const out = stripControlCharacters(v);
      if (out !== v) changed = true;
      return out;
    }
    if (Array.isArray(v)) return v.map((item) => clean(item, depth + 1));
    if (v !== null && typeof v === "object" && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) out[clean(key) as string] = clean(item, depth + 1);
      return out;
    }
    return v;
  };
  const result = clean(value);
  return { value: changed ? result : value, changed };
}
