import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseYamlFast, type FastYaml } from "../../src/load/yaml-fast.js";
import { parseFull, parseYaml } from "../../src/load/yaml.js";
import { mulberry32 } from "../helpers/random.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");


/** The paths whose lines both parsers are asked for: every key, one level down, and some that exist nowhere. */
function pathsOf(data: unknown): string[] {
  const paths = ["", "missing", "missing.x", ".x"];
  if (typeof data !== "object" || data === null) return paths;
  for (const [key, value] of Object.entries(data)) {
    paths.push(key, `${key}.`, `${key}.missing`, `${key}.src.x`);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) for (const inner of Object.keys(value)) paths.push(`${key}.${inner}`);
  }
  return paths;
}

/** How the fast path's answers differ from the `yaml` package's for `text`; empty when they agree. */
function differences(text: string, fast: FastYaml): string[] {
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true });
  const full = parseFull(text);
  const out: string[] = [];
  if (doc.errors.length > 0) out.push(`the yaml package finds errors: ${doc.errors.map((e) => e.code).join(", ")}`);
  if (full.problem) out.push(`the full reader finds a problem: ${full.problem.key}`);
  const expected = doc.toJS();
  if (!isDeepStrictEqual(fast.data, expected) || JSON.stringify(fast.data) !== JSON.stringify(expected)) {
    out.push(`data ${JSON.stringify(fast.data)} instead of ${JSON.stringify(expected)}`);
  }
  const viaFast = parseYaml(text);
  if (!isDeepStrictEqual(viaFast.data, fast.data)) out.push("parseYaml does not give the fast path's data");
  const [lines, fullLines] = [JSON.stringify(viaFast.topLevelLines()), JSON.stringify(full.topLevelLines())];
  if (lines !== fullLines) out.push(`top-level lines ${lines} instead of ${fullLines}`);
  for (const path of pathsOf(expected)) {
    if (viaFast.lineOf(path) !== full.lineOf(path)) out.push(`lineOf(${path}) is ${viaFast.lineOf(path)} instead of ${full.lineOf(path)}`);
  }
  return out;
}

/** Fails with the text when the fast path's answers differ from the `yaml` package's. */
function expectSameAsFull(text: string, fast: FastYaml): void {
  const found = differences(text, fast);
  if (found.length > 0) expect.fail(`for ${JSON.stringify(text)}: ${found.join("; ")}`);
}

// Pieces of front-matter: the subset (`good`) and near misses around its edges (`bad`).
const GOOD_PLAIN = [
  "Tin tức", "Hội Phụ nữ", "Trung tâm VH,TT-TT Sa Pa", "2024-01-05", "2023-05-02T09:30:00+07:00", "2024-07-26 09:00",
  "a:b", "C#", "x]", "Đặc sắc Lễ hội Gầu Tào của đồng bào Mông", "images/a.png", "../images/b.png", "https://example.org/a?b=c",
  "3", "2024", "0", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", "yes", "no", "on",
  "1_000", "1,000", "1.000.000", "v1.2", "tRUE", "nUll", "x\u00a0y", "100%", "a'b", 'a"b', "a-b", "a - b", "12:30",
  "Toạ đàm “phát triển”", "😀 vui", "a{b}", "a [b]", "a|b", "n", "t", "f", "0a", "1e", "e5", "ngày 20/10",
];
const BAD_PLAIN = [
  "007", "-1", "+1", "1.5", "1.", ".5", "1e3", "1E-3", "0x1F", "0o17", ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
  "12345678901234567890", "9007199254740993", "a: b", "a #b", "ends:", "-a", "- a", "-", "?x", "? x", ":x", "*x", "&x",
  "!x", "!!str x", "|", ">", "|-", "%x", "@x", "`x`", "{a: b}", "{}", "#c", "a\tb", "a\\b", "---", "...", ",a", "a,", "]",
];
const LETTERS = ["a", "b", "ê", "ơ", "ạ", "Đ", " ", " ", ":", "#", "'", '"', "\\", ",", "[", "]", "-", "1", "0", "."];
const GOOD_KEYS = ["title", "date", "tags", "authors", "cover", "images", "summary", "a", "b", "Tiêu đề", "my key", "x_1", "k-k", "2024-01", "src", "alt"];
const BAD_KEYS = ["true", "1", "null", "constructor", "toString", "__proto__", "-k", "k ", "'k'", '"k"', "k:k", "?k", "k#", "~", "1.5", "[k]", "0x1", "&a k"];

/** One generated text and whether every choice in it was from the subset. */
interface Generated {
  text: string;
  clean: boolean;
}

function generator(rand: () => number) {
  let clean = true;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const chance = (p: number) => rand() < p;
  const bad = <T>(value: T): T => {
    clean = false;
    return value;
  };
  const word = (max: number) => Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(LETTERS)).join("");

  const scalar = (inFlow: boolean): string => {
    const r = rand();
    if (r < 0.45) {
      const v = pick(GOOD_PLAIN);
      // In a flow list, commas, brackets and colons are structure.
      if (inFlow && /[,[\]{}:#]/.test(v)) return bad(v);
      return v;
    }
    if (r < 0.6) return bad(pick(BAD_PLAIN));
    if (r < 0.75) {
      const inner = word(8);
      if (chance(0.8)) {
        if (inner.includes("\\")) clean = false;
        return `'${inner.replace(/'/g, "''")}'`;
      }
      return bad(`'${inner}'`);
    }
    if (r < 0.9) {
      const inner = word(8);
      if (inner.includes("\\") || inner.includes('"')) clean = false;
      return `"${inner}"`;
    }
    if (r < 0.95) return bad(word(6).trimStart() || "x");
    return bad(`${pick(GOOD_PLAIN)} # note`);
  };

  const key = (used: Set<string>): string => {
    if (chance(0.06)) return bad(pick(BAD_KEYS));
    const k = pick(GOOD_KEYS);
    if (used.has(k)) clean = false;
    used.add(k);
    return k;
  };

  const flow = (): string => {
    const n = Math.floor(rand() * 4);
    const items = Array.from({ length: n }, () => scalar(true));
    if (n > 0 && chance(0.05)) items.push(bad(""));
    const sep = pick([", ", ",", " , ", ",  "]);
    let out = `[${pick(["", "", " "])}${items.join(sep)}${pick(["", "", " "])}]`;
    if (chance(0.03)) out = bad(out.replace(/\]$/, ",]"));
    if (chance(0.03)) out = bad(out.replace(/, /, ",\n  "));
    if (chance(0.03)) out = bad(`${out} # c`);
    if (chance(0.02)) out = bad(`[${out}]`);
    return out;
  };

  const inline = (): string => (chance(0.2) ? flow() : scalar(false));
  const spaces = () => (chance(0.9) ? " " : chance(0.5) ? "  " : bad("\t"));
  const trailing = () => (chance(0.9) ? "" : chance(0.7) ? "   " : bad(" # c"));
  const filler = (indent: number): string[] =>
    chance(0.1) ? [pick(["", "  ", "# comment", `${" ".repeat(indent)}# c`, "   # c"])] : [];

  const mapLines = (indent: number, extra: (i: number) => number): string[] => {
    const used = new Set<string>();
    const out: string[] = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) {
      const at = Math.max(0, indent + extra(i));
      const k = key(used);
      out.push(chance(0.1) ? `${" ".repeat(at)}${k}:` : `${" ".repeat(at)}${k}:${spaces()}${inline()}${trailing()}`, ...filler(at));
    }
    return out;
  };
  const wobble = (i: number) => (i > 0 && chance(0.04) ? bad(pick([-1, 1, 2])) : 0);

  const entry = (used: Set<string>): string[] => {
    const k = key(used);
    const r = rand();
    if (r < 0.5) return [`${k}:${spaces()}${inline()}${trailing()}`];
    if (r < 0.55) return [`${k}:${trailing()}`];
    const indent = pick([0, 1, 2, 2, 2, 4]);
    const pad = " ".repeat(indent);
    if (r < 0.72) {
      const items = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => {
        const dash = chance(0.95) ? "- " : chance(0.5) ? "-  " : bad(pick(["-", "-x ", "--- "]));
        const at = Math.max(0, indent + wobble(i));
        return [`${" ".repeat(at)}${dash}${chance(0.9) ? scalar(false) : bad(flow())}${trailing()}`, ...filler(at)];
      });
      return [`${k}:`, ...items.flat()];
    }
    if (r < 0.85) {
      if (indent === 0) return [`${k}:`, ...mapLines(2, wobble)];
      return [`${k}:`, ...mapLines(indent, wobble)];
    }
    const items = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      // Keys line up after the dash and its spaces: `- src: a` then `  alt: b`, or `-   src: a` then `    alt: b`.
      const gap = pick([1, 1, 1, 2, 3]);
      const [first, ...rest] = mapLines(indent + 1 + gap, wobble);
      return [`${pad}-${" ".repeat(gap)}${first!.trimStart()}`, ...rest];
    });
    return [`${k}:`, ...items.flat()];
  };

  return (): Generated => {
    clean = true;
    const used = new Set<string>();
    const lines: string[] = [];
    const n = 1 + Math.floor(rand() * 7);
    for (let i = 0; i < n; i++) lines.push(...entry(used), ...filler(0));
    if (chance(0.02)) lines.splice(Math.floor(rand() * lines.length), 0, bad(pick(["---", "...", "%YAML 1.2", "a: &x b", "b: *x", "c: !!str 1", "d: |", "  text"])));
    if (chance(0.02)) lines.splice(0, lines.length, ...bad(pick([["- a", "- b"], ["just text"], ["[a, b]"], lines.map((l) => ` ${l}`)])));
    let text = (chance(0.8) ? "\n" : "") + lines.join("\n") + (chance(0.8) ? "\n" : "");
    if (chance(0.02)) text = bad(text.replace(/\n/g, "\r\n"));
    return { text, clean };
  };
}

describe("the fast front-matter reader gives what the yaml package gives, or declines", () => {
  it("agrees with the full parser on thousands of generated texts, and accepts every one inside the subset", () => {
    const next = generator(mulberry32(20261207));
    let clean = 0;
    let cleanAccepted = 0;
    let acceptedOutside = 0;
    let declined = 0;
    for (let i = 0; i < 3000; i++) {
      // Every other text is drawn until it is inside the subset, so both kinds come in fair numbers.
      let generated = next();
      for (let tries = 0; i % 2 === 0 && !generated.clean && tries < 100; tries++) generated = next();
      const { text, clean: isClean } = generated;
      const fast = parseYamlFast(text);
      if (isClean) clean++;
      if (!fast) {
        declined++;
        if (isClean) expect.fail(`a text inside the subset was declined: ${JSON.stringify(text)}`);
        continue;
      }
      if (isClean) cleanAccepted++;
      else acceptedOutside++;
      expectSameAsFull(text, fast);
    }
    // The grammar mixes both kinds in fair numbers; the fast path takes all of the first.
    expect(clean).toBeGreaterThan(1300);
    expect(cleanAccepted).toBe(clean);
    expect(declined).toBeGreaterThan(700);
    // Some texts with a near miss still fall inside the subset (a tab in no line, a duplicate key in two different mappings…).
    expect(acceptedOutside).toBeGreaterThan(0);
  });

  it("reads exact values, types and lines", () => {
    const text = "\ntitle: 'It''s' \ncount: 2024\nzero: 0\nflag: True\nnone:\ntilde: ~\nwhen: 2024-01-05\ntags: [a, 'b, c', \"d\", 3, null]\n# note\ncover:\n  src: x.png\n  # inner note\n  alt: \"Ảnh\"\nauthors:\n- A\n-   B\nimages:\n  - src: a\n    alt: b\n  - c\n";
    const fast = parseYamlFast(text);
    expect(fast).toBeDefined();
    expect(fast!.data).toStrictEqual({
      title: "It's", count: 2024, zero: 0, flag: true, none: null, tilde: null, when: "2024-01-05",
      tags: ["a", "b, c", "d", 3, null], cover: { src: "x.png", alt: "Ảnh" }, authors: ["A", "B"],
      images: [{ src: "a", alt: "b" }, "c"],
    });
    const parsed = parseYaml(text);
    expect(parsed.lineOf("cover.alt")).toBe(14);
    expect(parsed.lineOf("images.src")).toBe(18);
    expect(parsed.lineOf("nothing")).toBeUndefined();
    expect(parsed.topLevelLines()).toEqual({ title: 2, count: 3, zero: 4, flag: 5, none: 6, tilde: 7, when: 8, tags: 9, cover: 11, authors: 15, images: 18 });
    expectSameAsFull(text, fast!);
  });

  it("declines what the full parser must read or explain", () => {
    for (const text of [
      "a: 1.5", "a: 010", "a: -1", "a: 0x10", "a: 12345678901234567", "a: b # c", "a: \"b\\n\"", "a: &x b\nc: *x",
      "a: b\na: c", "a: {b: c}", "a: [b,\n  c]", "a: |\n  b", "a:\tb", "a: b\r\nc: d", "tags:\n  -a\n  -b", "---\na: b",
      "a: b\n  c", "a:\n  b: c\n    d: e", "a: 'b", "a: b: c", "constructor: x", "a: [b, ]", "a: [, b]", "", "# only a comment\n",
      "a: @b", "a: `b`", "a:\n  - - b", "a:\n  b:\n    c: d", "- a\n- b", "a: b\n  # c\n  d",
    ]) {
      expect(parseYamlFast(text), JSON.stringify(text)).toBeUndefined();
    }
    // The explanations still come from the full parser.
    expect(parseYaml("title: Tin: mới\n").problem?.key).toBe("yaml.unquoted-colon");
    expect(parseYaml("tags:\n  -a\n  -b\n").problem?.key).toBe("yaml.dash-space");
    expect(parseYaml("a: b\na: c\n").problem?.key).toBe("yaml.duplicate-key");
  });
});

/** The front-matter text gray-matter hands its YAML engine for one file, or undefined when there is none. */
function frontMatterOf(file: string): string | undefined {
  let block: string | undefined;
  const engines = { yaml: (text: string) => ((block = text), {}) };
  matter(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), { engines } as Parameters<typeof matter>[1]);
  return block;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith(".md")) out.push(path);
  }
  return out.sort();
}

function expectAllAccepted(files: string[]): number {
  let checked = 0;
  for (const file of files) {
    const text = frontMatterOf(file);
    if (text === undefined || text.trim() === "") continue;
    const fast = parseYamlFast(text);
    expect(fast, `the fast path declines the front-matter of ${file}`).toBeDefined();
    expectSameAsFull(text, fast!);
    checked++;
  }
  return checked;
}

describe("the fast path takes the front-matter real sites have", () => {
  it("accepts every article of the repository's content/", () => {
    expect(expectAllAccepted(markdownFiles(join(ROOT, "content")))).toBeGreaterThan(30);
  });

  it("accepts every article of a generated news corpus (the benchmark's generator)", () => {
    const work = mkdtempSync(join(tmpdir(), "gazette-yaml-fast-"));
    try {
      execFileSync(process.execPath, [join(ROOT, "test", "fixtures", "make-corpus.mjs"), "--out", work, "--articles", "100"], { stdio: "ignore" });
      expect(expectAllAccepted(markdownFiles(join(work, "content")))).toBe(100);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
