/**
 * A fast reader for the plain front-matter nearly every article has: top-level
 * `key: value` lines, one-line flow lists, block lists of scalars or of small
 * mappings, and mappings one level down. It gives exactly what the `yaml`
 * package gives with the core schema, or nothing at all: on anything outside
 * that subset, or in doubt, it declines and the full parser reads the text.
 */

/** What the fast path read: the data and the line of each key (1-based, as the full parser counts them). */
export interface FastYaml {
  data: Record<string, unknown>;
  /** The line of each top-level key, in order. */
  top: Map<string, number>;
  /** For each top-level key whose value is a block mapping, the line of each of its keys. */
  inner: Map<string, Map<string, number>>;
}

/** Declining: the text goes to the full parser. */
class Decline extends Error {}
const DECLINE = new Decline("outside the fast subset");
function decline(): never {
  throw DECLINE;
}

/**
 * Characters the fast path never reads: controls (the full parser uses some
 * as tokens), tab, CR, NEL, line and paragraph separators, byte-order mark,
 * non-characters, lone surrogates.
 */
const BAD_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;

/** Characters a plain scalar (or key) may not start with here: YAML indicators, quotes and backtick. */
const INDICATORS = new Set("-?:,[]{}#&*!|>'\"%@`");
/** Characters a key may not contain here (a key is plain text: no quotes, brackets, comments or node properties). */
const KEY_EXCLUDED = /[[\]{},#"'`&*!|>%@?]/;
/** Longest key read here (the full parser limits implicit keys to 1024 characters). */
const MAX_KEY_LENGTH = 256;

// The core schema's tests, as the `yaml` package (2.x) writes them in schema/core and schema/common.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** The only integers resolved here: no sign, no leading zero, well inside the safe range. */
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;

/** Parses `text` when it is in the fast subset; undefined when the full parser must read it. */
export function parseYamlFast(text: string): FastYaml | undefined {
  if (BAD_CHARACTER.test(text)) return undefined;
  try {
    return new Reader(text.split("\n")).document();
  } catch (cause) {
    if (cause === DECLINE) return undefined;
    throw cause;
  }
}

/** A plain scalar as the core schema resolves it: null, a boolean, a small integer or text; anything else declines. */
function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  // Only values starting with a digit, sign, dot, ~ or n/t/f (either case) can resolve to something other than text.
  if (!((first >= 0x30 && first <= 0x39) || "+-.~nNtTfF".includes(source.charAt(0)))) return source;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === "t" || source[0] === "T";
  if (SMALL_INT.test(source)) return Number(source);
  if (INT.test(source) || INT_OCT.test(source) || INT_HEX.test(source) || FLOAT_NAN.test(source) || FLOAT_EXP.test(source) || FLOAT.test(source)) decline();
  return source;
}

/** `s` without the spaces (only U+0020, as YAML) at its ends. */
function trimSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) === 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) === 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** A plain scalar in block context (already trimmed, not empty). */
function plainBlock(source: string): unknown {
  if (INDICATORS.has(source.charAt(0))) decline();
  if (source.includes(": ") || source.includes(" #") || source.endsWith(":")) decline();
  return resolvePlain(source);
}

/** A single-quoted scalar: `''` stands for one quote; any other quote inside declines. */
function singleQuoted(inner: string): string {
  let at = inner.indexOf("'");
  if (at === -1) return inner;
  while (at !== -1) {
    if (inner.charCodeAt(at + 1) !== 0x27) decline();
    at = inner.indexOf("'", at + 2);
  }
  return inner.replaceAll("''", "'");
}

/** A double-quoted scalar without escapes. */
function doubleQuoted(inner: string): string {
  if (inner.includes('"') || inner.includes("\\")) decline();
  return inner;
}

/** A one-line value (trimmed, not empty): a quoted or plain scalar, or a flow list of scalars when `list` allows it. */
function inlineValue(value: string, list: boolean): unknown {
  const first = value.charAt(0);
  if (first === "[") {
    if (!list) decline();
    return flowList(value);
  }
  if (first === '"' || first === "'") {
    if (value.length < 2 || value.charAt(value.length - 1) !== first) decline();
    const inner = value.slice(1, -1);
    return first === '"' ? doubleQuoted(inner) : singleQuoted(inner);
  }
  return plainBlock(value);
}

/** `[a, 'b', "c"]` on one line: scalars only, no empty item, no trailing comma. */
function flowList(value: string): unknown[] {
  if (value.charAt(value.length - 1) !== "]") decline();
  const inner = value.slice(1, -1);
  const items: unknown[] = [];
  let p = 0;
  const skip = () => {
    while (inner.charCodeAt(p) === 0x20) p++;
  };
  skip();
  if (p === inner.length) return items;
  for (;;) {
    skip();
    const first = inner.charAt(p);
    if (first === '"' || first === "'") {
      let close = inner.indexOf(first, p + 1);
      if (first === "'") {
        while (close !== -1 && inner.charAt(close + 1) === "'") close = inner.indexOf("'", close + 2);
      }
      if (close === -1) decline();
      const body = inner.slice(p + 1, close);
      items.push(first === '"' ? doubleQuoted(body) : singleQuoted(body));
      p = close + 1;
      skip();
    } else {
      let end = inner.indexOf(",", p);
      if (end === -1) end = inner.length;
      const item = trimSpaces(inner.slice(p, end));
      if (item === "" || INDICATORS.has(item.charAt(0)) || /[[\]{}#:]/.test(item)) decline();
      items.push(resolvePlain(item));
      p = end;
    }
    if (p === inner.length) return items;
    if (inner.charAt(p) !== ",") decline();
    p++;
    skip();
    if (p === inner.length) decline();
  }
}

/** Reads the lines of one document in the subset; throws DECLINE on anything else. */
class Reader {
  private readonly lines: string[];
  private readonly indents: number[];

  constructor(lines: string[]) {
    this.lines = lines;
    // -1 marks a line that carries nothing: blank, or a comment at any indentation.
    this.indents = lines.map((line) => {
      let i = 0;
      while (line.charCodeAt(i) === 0x20) i++;
      return i === line.length || line.charCodeAt(i) === 0x23 ? -1 : i;
    });
  }

  /** The index of the first line from `i` that carries something, or the number of lines. */
  private next(i: number): number {
    while (i < this.lines.length && this.indents[i] === -1) i++;
    return i;
  }

  /** The top-level mapping. */
  document(): FastYaml {
    const data: Record<string, unknown> = {};
    const top = new Map<string, number>();
    const inner = new Map<string, Map<string, number>>();
    const n = this.lines.length;
    let i = this.next(0);
    if (i === n) decline();
    while (i < n) {
      const line = this.lines[i]!;
      if (this.indents[i] !== 0 || line.startsWith("---") || line.startsWith("...")) decline();
      const [key, rest] = splitKey(line, 0);
      if (top.has(key)) decline();
      top.set(key, i + 1);
      const value = trimSpaces(rest);
      if (value !== "") {
        data[key] = inlineValue(value, true);
        i = this.next(i + 1);
        continue;
      }
      const j = this.next(i + 1);
      if (j === n || (this.indents[j] === 0 && this.lines[j]!.charCodeAt(0) !== 0x2d)) {
        data[key] = null;
        i = j;
        continue;
      }
      const indent = this.indents[j]!;
      if (this.lines[j]!.charCodeAt(indent) === 0x2d) {
        [data[key], i] = this.sequence(j, indent);
      } else {
        const lines = new Map<string, number>();
        [data[key], i] = this.mapping(j, indent, lines);
        inner.set(key, lines);
      }
    }
    return { data, top, inner };
  }

  /** A block list whose dashes are at column `indent`: scalars, or mappings of scalars. Returns the list and the next line. */
  private sequence(i: number, indent: number): [unknown[], number] {
    const items: unknown[] = [];
    const n = this.lines.length;
    while (i < n) {
      const at = this.indents[i]!;
      if (at < indent) break;
      const line = this.lines[i]!;
      if (at > indent) decline();
      if (line.charCodeAt(indent) !== 0x2d) {
        if (indent === 0) break;
        decline();
      }
      if (line.charCodeAt(indent + 1) !== 0x20) decline();
      let column = indent + 1;
      while (line.charCodeAt(column) === 0x20) column++;
      const rest = trimSpaces(line.slice(column));
      if (rest === "") decline();
      const first = rest.charAt(0);
      if (first !== '"' && first !== "'" && (rest.includes(": ") || rest.endsWith(":"))) {
        let item: Record<string, unknown>;
        // A mapping that starts after `- `: its keys at `column`, nothing deeper than the dash.
        [item, i] = this.mapping(i, column, new Map(), indent);
        items.push(item);
      } else {
        items.push(inlineValue(rest, false));
        i = this.next(i + 1);
        if (i < n && this.indents[i]! > indent) decline();
      }
    }
    return [items, i];
  }

  /**
   * A block mapping of scalars (or one-line lists) with keys at `indent`;
   * records each key's line. A line indented deeper than `deepest` (the keys'
   * own column, or a list item's dash) is outside the subset.
   */
  private mapping(i: number, indent: number, lines: Map<string, number>, deepest = indent): [Record<string, unknown>, number] {
    const map: Record<string, unknown> = {};
    const n = this.lines.length;
    for (;;) {
      const line = this.lines[i]!;
      const [key, rest] = splitKey(line, indent);
      if (lines.has(key)) decline();
      lines.set(key, i + 1);
      const value = trimSpaces(rest);
      map[key] = value === "" ? null : inlineValue(value, true);
      i = this.next(i + 1);
      if (i === n) break;
      const at = this.indents[i]!;
      if (at === indent) {
        if (value === "" && this.lines[i]!.charCodeAt(indent) === 0x2d) decline();
        continue;
      }
      if (at > deepest) decline();
      break;
    }
    return [map, i];
  }
}

/**
 * Keys already read and found plain (the tests below depend on the key
 * alone): a site's articles use a handful of names, each on every article.
 * At most `MAX_PLAIN_KEYS` are kept.
 */
const plainKeys = new Set<string>();
const MAX_PLAIN_KEYS = 1000;

/** `key:` at `start` of `line`: the key (plain text resolving to itself) and what follows the colon. */
function splitKey(line: string, start: number): [string, string] {
  const colon = line.indexOf(":", start);
  if (colon === -1 || colon === start) decline();
  const after = line.charCodeAt(colon + 1);
  if (colon + 1 < line.length && after !== 0x20) decline();
  const key = line.slice(start, colon);
  if (!plainKeys.has(key)) {
    if (key.length > MAX_KEY_LENGTH || INDICATORS.has(key.charAt(0)) || key.charCodeAt(key.length - 1) === 0x20) decline();
    // Names Object.prototype has (`constructor`, `__proto__`…) go to the full parser, whose key lines skip them.
    if (KEY_EXCLUDED.test(key) || key in Object.prototype || resolvePlain(key) !== key) decline();
    if (plainKeys.size < MAX_PLAIN_KEYS) plainKeys.add(key);
  }
  return [key, line.slice(colon + 1)];
}
