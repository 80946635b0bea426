/**
 * Hostile sites from a seeded generator: front-matter, bodies and file trees
 * with control characters, deep nesting, long names, aliases, broken YAML and
 * symbolic links in and out of the site,
 * built and checked in process. Whatever comes in, nothing crashes, `check`
 * reports every error `build` does, a failed build leaves the previous output
 * byte for byte, and a successful one has strictly well-formed XML. Nearly
 * every case holds a file the build refuses, so each failed case is built
 * again without the files it named: what it accepted must publish cleanly.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mulberry32, randomCases } from "../helpers/random.js";
import { listTree, makeSite, writeFiles } from "../helpers/site.js";
import { at, check, errors, FORBIDDEN, parseXmlStrictly, tryBuild } from "./helpers.js";

const SEED = 20261207;
/** Cases per run, the first of the seeded sequence (200 before; GAZETTE_RANDOM_CASES=1000, say, for a deeper search). */
const CASES = randomCases(40);


type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Random, max: number) => Math.floor(r() * max);

const CONTROLS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\uFFFE", "\uD800", "\r"];
const ESCAPES = ["\\x01", "\\x0B", "\\a", "\\e", "\\0", "\\uFFFF", "\\x7F"];

function text(r: Random): string {
  const words = ["Thông báo", "lịch nghỉ", "Tết", "Hội thảo", "sinh kế", "Sa Pa", "năm 2024"];
  let out = "";
  for (let i = 0, n = 1 + int(r, 5); i < n; i++) {
    out += (i ? " " : "") + pick(r, words);
    if (r() < 0.3) out += pick(r, CONTROLS);
  }
  return out;
}

/** A front-matter value as YAML source: plain, quoted with escapes, too long, or a usual mistake. */
function yamlValue(r: Random): string {
  switch (int(r, 9)) {
    case 0: return `"${text(r)}${pick(r, ESCAPES)}"`;
    case 1: return `${text(r)}: ${text(r)}`; // unquoted colon
    case 2: return `"${text(r)}`; // unclosed quote
    case 3: return "Đường ".repeat(30 + int(r, 60));
    case 4: return `*${pick(r, ["x", "y", "nope"])}`;
    case 5: return `'${text(r).replace(/'/g, "''")}'`;
    default: return text(r).replace(/^[\s\r]+/, "") || "Tin";
  }
}

function frontMatter(r: Random, index: number): string {
  const lines = [`title: ${r() < 0.8 ? yamlValue(r) : "Tin " + index}`, `date: ${pick(r, ["2024-01-0" + (1 + (index % 9)), "2024-13-01", "\"2024-02-03 09:00\""])}`];
  if (r() < 0.4) lines.push(`author: ${yamlValue(r)}`);
  if (r() < 0.4) lines.push(`tags: [${yamlValue(r).replace(/[[\],]/g, " ")}, b${index}]`);
  if (r() < 0.2) lines.push(`category: ${yamlValue(r)}`);
  if (r() < 0.15) lines.push(`slug: ${"a".repeat(r() < 0.5 ? 150 : 260)}-${index}`);
  if (r() < 0.1) lines.push("a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]");
  if (r() < 0.05) lines.push("tags:\n  -a\n  -b");
  if (r() < 0.05) lines.push("cover:\n\tsrc: a.png");
  if (r() < 0.05) lines.push("data: " + "[".repeat(200 + int(r, 2000)) + "]".repeat(int(r, 50)));
  const closed = r() < 0.95;
  return `---\n${lines.join("\n")}\n${closed ? "---\n" : "\n"}`;
}

function body(r: Random): string {
  const parts: string[] = [];
  for (let i = 0, n = 1 + int(r, 4); i < n; i++) {
    switch (int(r, 10)) {
      case 0: parts.push("- ".repeat(int(r, 1200)) + "x"); break;
      case 1: parts.push(">".repeat(int(r, 1600)) + " x"); break;
      case 2: { const k = int(r, 1500); parts.push("*a ".repeat(k) + "x" + " a*".repeat(k)); break; }
      case 3: parts.push("[".repeat(int(r, 200)) + "a" + "](b)".repeat(int(r, 100))); break;
      case 4: parts.push("*".repeat(int(r, 120)) + "a" + "*".repeat(int(r, 120))); break;
      case 5: parts.push(Array.from({ length: int(r, 120) }, (_, j) => " ".repeat(2 * j) + "- a").join("\n")); break;
      case 6: parts.push("a\n===\n\n".repeat(int(r, 130))); break;
      default: parts.push(text(r) + pick(r, ["", " *x*", " [a](https://example.org)", " `c`", "\u000B"]));
    }
  }
  return parts.join("\n\n") + "\n";
}

function digestTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of listTree(dir)) out.set(file, createHash("sha1").update(readFileSync(join(dir, file))).digest("hex"));
  return out;
}

describe("hostile sites from a seeded generator", () => {
  it(`${CASES} cases: no crash, check finds what build finds, failures keep the output, XML parses`, async () => {
    const r = mulberry32(SEED);
    const root = makeSite({ "gazette.config.yaml": "title: Tin\nbaseUrl: https://example.org/\n", "content/ok.md": "---\ntitle: Ổn\ndate: 2024-01-01\n---\nỔn.\n", "notes/shared.txt": "shared\n" });
    const outside = makeSite({ "secret.txt": "SECRET\n" });
    const out = join(root, "public");
    const first = await tryBuild(root);
    expect(first.ok).toBe(true);
    let previous = digestTree(out);
    let failed = 0;
    let published = 0;
    let linkedOut = 0;
    for (let n = 0; n < CASES; n++) {
      rmSync(join(root, "content"), { recursive: true, force: true });
      const files: Record<string, string> = { "content/ok.md": "---\ntitle: Ổn\ndate: 2024-01-01\n---\nỔn.\n" };
      for (let i = 0, count = 1 + int(r, 3); i < count; i++) {
        const name = r() < 0.1 ? `${"tên-dài-".repeat(20)}${i}.md` : `${n}-${i}${r() < 0.1 ? pick(r, CONTROLS.slice(1, 4)) : ""}.md`;
        files[`content/${name}`] = frontMatter(r, i) + body(r);
      }
      writeFiles(root, files);
      // Symbolic links in and out of the site (the file-system policy of issue 10, case 1):
      // a link out is an error in check and build alike, one inside is followed, a loop skipped.
      rmSync(join(root, "static"), { recursive: true, force: true });
      if (r() < 0.25) {
        const folder = join(root, pick(r, ["content", "static"]));
        mkdirSync(folder, { recursive: true });
        const target = pick(r, [join(outside, "secret.txt"), outside, "../notes/shared.txt", "..", ".", "missing.txt", "../content"]);
        symlinkSync(target, join(folder, `link-${n}${target.endsWith(".txt") ? ".txt" : ""}`));
      }

      const built = await tryBuild(root, { cache: r() < 0.5, workers: r() < 0.05 ? 1 : 0 });
      const context = `case ${n} (seed ${SEED})`;
      expect(built.diagnostics.filter((d) => /unexpected/i.test(d.message)), context).toEqual([]);
      if (built.diagnostics.some((d) => d.code === "symlink-outside")) linkedOut++;
      const checked = new Set(errors(await check(root)).map(at));
      const missing = errors(built.diagnostics).map(at).filter((e) => !checked.has(e) && !e.endsWith(" template"));
      expect(missing, context).toEqual([]);
      if (!built.ok) {
        failed++;
        expect(digestTree(out), context).toEqual(previous);
        // Nearly every case has a file the build refuses: without those files, what it accepted is published.
        for (const file of new Set(errors(built.diagnostics).map((d) => d.file ?? ""))) {
          if (/^(content|static)\//.test(file)) rmSync(join(root, file), { recursive: true, force: true });
        }
        const rebuilt = await tryBuild(root, { cache: false });
        expect(rebuilt.diagnostics.filter((d) => /unexpected/i.test(d.message)), context).toEqual([]);
        if (!rebuilt.ok) {
          expect(digestTree(out), context).toEqual(previous);
          continue;
        }
      }
      published++;
      for (const file of ["feed.xml", "sitemap.xml"]) parseXmlStrictly(readFileSync(join(out, file), "utf8"));
      for (const file of listTree(out)) {
        const text = readFileSync(join(out, file), "utf8");
        expect(text, `${context}: ${file}`).not.toContain("SECRET");
        if (file.endsWith(".html") || file.endsWith(".xml")) expect(FORBIDDEN.test(text), `${context}: ${file}`).toBe(false);
      }
      previous = digestTree(out);
    }
    // Both outcomes are exercised.
    expect(failed).toBeGreaterThan(CASES / 10);
    expect(published).toBeGreaterThan(CASES / 2);
    expect(linkedOut).toBeGreaterThan(0);
  }, 600_000);
});
