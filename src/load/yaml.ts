/**
 * Reading YAML (front-matter and the config) with the `yaml` package: core
 * schema (dates stay text), aliases bounded, the exact line of every key, and
 * the mistakes writers make explained with what to write instead. Plain
 * front-matter is read first by the fast reader in yaml-fast.ts, which gives
 * the same data and lines or declines to the `yaml` package.
 */
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Pair } from "yaml";
import { parseYamlFast, type FastYaml } from "./yaml-fast.js";

/** How many times aliases may copy anchored data into one document (yaml's own default, stated). */
export const MAX_ALIAS_COUNT = 100;

/** A YAML problem: a stable message key (for translations), its English text and arguments, and where it is (1-based). */
export interface YamlProblem {
  /** `yaml.unquoted-colon`, `yaml.tab`…; plain `yaml` for the parser's own message. */
  key: string;
  message: string;
  args: Record<string, string | number>;
  line: number;
  column?: number;
}

/** Parsed YAML: the data (when there is no problem), the first problem, and where each key is. */
export interface ParsedYaml {
  data: unknown;
  problem?: YamlProblem;
  /** 1-based line of a top-level key, or of `parent.key` one level down (the parent's line when that is not a block mapping). */
  lineOf(path: string): number | undefined;
  /** The 1-based line of each top-level key. */
  topLevelLines(): Record<string, number>;
}

/** Parses one YAML document; lines count from the start of `text`. */
export function parseYaml(text: string): ParsedYaml {
  // Plain front-matter takes the fast path, which gives the same data and lines or declines.
  const fast = parseYamlFast(text);
  const parsed = fast ? fromFast(fast) : parseFull(text);
  parsed.data = detached(parsed.data);
  return parsed;
}

/**
 * `value` with every string copied out of the text it was read from. V8
 * keeps a substring of 13 characters or more as a view of its source: a
 * caption read from a front-matter would keep the whole article file in
 * memory for as long as the model lives (48 MB at 16,000 articles).
 */
function detached(value: unknown): unknown {
  if (typeof value === "string") return value.length < 13 ? value : (" " + value).slice(1);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detached(value[i]);
  } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = detached(record[key]);
  }
  return value;
}

/** The answers of the fast path, in the shape the full parser gives them. */
function fromFast(fast: FastYaml): ParsedYaml {
  return {
    data: fast.data,
    lineOf(path) {
      const [first, second] = path.split(".");
      const line = fast.top.get(first ?? "");
      if (line === undefined || second === undefined) return line;
      return fast.inner.get(first!)?.get(second) ?? line;
    },
    topLevelLines: () => Object.fromEntries(fast.top),
  };
}

/** Parses one YAML document with the `yaml` package (the whole language, errors explained). */
export function parseFull(text: string): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lines = text.split(/\r?\n|\r/);
  const pos = (offset: number) => counter.linePos(offset);
  const result: ParsedYaml = {
    data: undefined,
    lineOf: (path) => keyLine(doc, path, pos),
    topLevelLines: () => topLevelLines(doc, pos),
  };
  const first = doc.errors[0];
  if (first) {
    const at = pos(first.pos[0]);
    result.problem = explainError(first.code, first.message, at.line, at.col, lines);
    return result;
  }
  try {
    result.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    result.problem = aliasProblem(doc, cause, pos);
    return result;
  }
  const dash = missingDashSpace(doc, pos, lines);
  if (dash) result.problem = dash;
  return result;
}

function problem(key: string, message: string, args: Record<string, string | number>, line: number, column?: number): YamlProblem {
  const p: YamlProblem = { key, message, args, line };
  if (column !== undefined) p.column = column;
  return p;
}

/** `key: value` on one line: the key and the value as written. */
const FIELD_LINE = /^\s*(?:-\s+)?["']?([^\s:#"'][^:"']*?)["']?\s*:\s+(.*?)\s*$/;

/** Turns the parser's first error into a message saying what to write instead, where one of the usual mistakes explains it. */
function explainError(code: string, raw: string, line: number, column: number, lines: string[]): YamlProblem {
  const text = lines[line - 1] ?? "";
  const field = FIELD_LINE.exec(text);
  if (code === "TAB_AS_INDENT" || /^\s*\t/.test(text)) {
    return problem("yaml.tab", "a tab indents this line, and YAML needs spaces: replace the tab by spaces", {}, line, text.search(/\t/) + 1);
  }
  if (/^\s*-[^\s\-\d]/.test(text)) {
    const item = text.trim().slice(1);
    return problem("yaml.dash-space", `a list item needs a space after the dash: write "- ${item}"`, { item }, line, text.indexOf("-") + 1);
  }
  if (code === "BLOCK_AS_IMPLICIT_KEY" && field && /:\s/.test(field[2]!)) {
    const [, key, value] = field as unknown as [string, string, string];
    return problem("yaml.unquoted-colon", `the value of "${key}" contains ": ", which YAML reads as a new field: put the whole value in quotes: ${key}: ${quoted(value)}`, { field: key, value, fix: `${key}: ${quoted(value)}` }, line, column);
  }
  if (code === "MISSING_CHAR" && /closing ["']?quote|closing ["']/i.test(raw)) {
    const opened = unclosedQuote(lines, line);
    if (opened) {
      const { key, quote, at } = opened;
      return problem("yaml.unclosed-quote", `the ${quote} that opens the value of "${key}" is never closed: end the value with ${quote} on the same line`, { field: key, quote }, at.line, at.column);
    }
  }
  if (code === "UNEXPECTED_TOKEN" && field && /^"/.test(field[2]!)) {
    const [, key, written] = field as unknown as [string, string, string];
    const value = /^".*"$/.test(written) ? written.slice(1, -1) : written.slice(1);
    const fix = `${key}: '${value.replace(/'/g, "''")}'`;
    return problem("yaml.text-after-quote", `the value of "${key}" goes on after its closing quote: to use " inside a value, quote the whole value with ' instead: ${fix}`, { field: key, fix }, line, column);
  }
  if (code === "BAD_SCALAR_START" && field) {
    const [, key, value] = field as unknown as [string, string, string];
    const char = value.charAt(0);
    return problem("yaml.reserved-start", `a value cannot start with ${char}: put the whole value in quotes: ${key}: ${quoted(value)}`, { field: key, char, fix: `${key}: ${quoted(value)}` }, line, column);
  }
  if (code === "DUPLICATE_KEY") {
    const key = field?.[1] ?? text.trim().replace(/:.*$/, "");
    return problem("yaml.duplicate-key", `"${key}" is given twice: keep one`, { field: key }, line, column);
  }
  const close = /end with an? ([\]}])/.exec(raw)?.[1];
  if (close) {
    const open = close === "]" ? "[" : "{";
    // The parser stops where the list should have ended: name the line that opens it.
    let opened = line;
    while (opened > 1 && !(lines[opened - 1] ?? "").includes(open)) opened--;
    const at = (lines[opened - 1] ?? "").lastIndexOf(open);
    const where = at === -1 ? { line, column } : { line: opened, column: at + 1 };
    return problem("yaml.unclosed-bracket", `the ${open} opened on this line is never closed: end the ${close === "]" ? "list" : "mapping"} with ${close} on the same line`, { open, close }, where.line, where.column);
  }
  if (code === "RESOURCE_EXHAUSTION") {
    return problem("yaml.too-deep", "the YAML nests too deeply (lists or mappings inside each other hundreds of times)", {}, line, column);
  }
  const detail = raw.replace(/\s+at line \d+, column \d+.*$/s, "").trim();
  return problem("yaml", `invalid YAML: ${detail}`, { detail }, line, column);
}

/** A value in double quotes, with `"` and `\` escaped. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The last line up to `before` that opens a quoted value and does not close it: the field, the quote and where it is. */
function unclosedQuote(lines: string[], before: number): { key: string; quote: string; at: { line: number; column: number } } | undefined {
  for (let i = Math.min(before, lines.length) - 1; i >= 0; i--) {
    const match = /^(\s*(?:-\s+)?["']?([^\s:#"'][^:"']*?)["']?\s*:\s+)(["'])(.*)$/.exec(lines[i]!);
    if (!match) continue;
    const [, head, key, quote, rest] = match as unknown as [string, string, string, string, string];
    const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ""));
    if (!closed) return { key, quote, at: { line: i + 1, column: head.length + 1 } };
  }
  return undefined;
}

/** An alias expanding too much, or naming no anchor, as a problem at the alias. */
function aliasProblem(doc: Document, cause: unknown, pos: (offset: number) => { line: number; col: number }): YamlProblem {
  const raw = cause instanceof Error ? cause.message : String(cause);
  const unresolved = /Unresolved alias.*?: (.+)$/.exec(raw)?.[1];
  let at: { line: number; col: number; name: string } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (unresolved !== undefined && node.source !== unresolved) return undefined;
      const p = pos(node.range?.[0] ?? 0);
      at = { ...p, name: node.source };
      return visit.BREAK;
    },
  });
  const line = at?.line ?? 1;
  const name = at?.name ?? unresolved ?? "";
  if (unresolved !== undefined) {
    return problem("yaml.unknown-alias", `*${name} names no anchor &${name} above it: if the value is text that starts with *, put it in quotes`, { name }, line, at?.col);
  }
  return problem("yaml.aliases", `the aliases (like *${name}) copy the anchored data more than ${MAX_ALIAS_COUNT} times: write the values out instead`, { name, limit: MAX_ALIAS_COUNT }, line, at?.col);
}

/**
 * `tags:` followed by lines like `  -a`: YAML reads them as one text
 * (`-a -b`), not a list. Found as a plain value starting with a dash on a
 * line after its key.
 */
function missingDashSpace(doc: Document, pos: (offset: number) => { line: number; col: number }, lines: string[]): YamlProblem | undefined {
  let found: YamlProblem | undefined;
  visit(doc, {
    Pair(_, pair: Pair) {
      const value = pair.value;
      if (!isScalar(value) || value.type !== "PLAIN" || typeof value.source !== "string" || !isScalar(pair.key)) return undefined;
      if (!/^-[^\s\-\d]/.test(value.source)) return undefined;
      const keyAt = pos(pair.key.range?.[0] ?? 0);
      const valueAt = pos(value.range?.[0] ?? 0);
      if (valueAt.line === keyAt.line) return undefined;
      const item = (lines[valueAt.line - 1] ?? "").trim().slice(1);
      found = problem("yaml.dash-space", `a list item needs a space after the dash: write "- ${item}"`, { item }, valueAt.line, valueAt.col);
      return visit.BREAK;
    },
  });
  return found;
}

/** The pair of `map` whose key is `key`. */
function pairOf(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key) as Pair | undefined;
}

function keyLine(doc: Document, path: string, pos: (offset: number) => { line: number }): number | undefined {
  const [first, second] = path.split(".");
  const top = pairOf(doc.contents, first ?? "");
  if (!top || !isScalar(top.key) || !top.key.range) return undefined;
  if (second !== undefined) {
    const inner = pairOf(top.value, second);
    if (inner && isScalar(inner.key) && inner.key.range) return pos(inner.key.range[0]).line;
  }
  return pos(top.key.range[0]).line;
}

function topLevelLines(doc: Document, pos: (offset: number) => { line: number }): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range && !isAlias(pair.key)) {
      const key = String(pair.key.value);
      if (!Object.hasOwn(out, key)) out[key] = pos(pair.key.range[0]).line;
    }
  }
  return out;
}
