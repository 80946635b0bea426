/**
 * The message catalogs: `en` and `vi` have the same keys, every diagnostic
 * made anywhere in src/ comes from a catalog key, and each writes its
 * arguments into both languages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { vi } from "../../src/i18n/vi.js";
import { catalogLanguage, keysOfCode } from "../../src/i18n/catalog.js";

const SRC = join(import.meta.dirname, "..", "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "i18n" ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every `error(…)` / `warning(…)` call of src/ whose first argument is a string: the file, the key or code, and whether a message text follows. */
function diagnosticCalls(): { file: string; key: string; literalMessage: boolean }[] {
  const calls: { file: string; key: string; literalMessage: boolean }[] = [];
  for (const path of sources(SRC)) {
    const text = readFileSync(path, "utf8");
    for (const match of text.matchAll(/\b(?:error|warning)\(\s*"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)"\s*,\s*(\S)/g)) {
      calls.push({ file: relative(SRC, path), key: match[1]!, literalMessage: /["'`]/.test(match[2]!) });
    }
    // Diagnostics written as object literals: `{ code: "x", severity: "error", message: … }`.
    for (const match of text.matchAll(/\bcode:\s*"([a-z][a-z0-9-]*)"\s*,\s*severity:/g)) {
      calls.push({ file: relative(SRC, path), key: match[1]!, literalMessage: true });
    }
  }
  return calls;
}

describe("message catalogs", () => {
  it("have the same keys in en and vi", () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it("have an entry for every diagnostic code used in src/", () => {
    const calls = diagnosticCalls();
    expect(calls.length).toBeGreaterThan(40);
    const missing = [...new Set(calls.filter((c) => keysOfCode(c.key.split(".")[0]!).length === 0).map((c) => `${c.key.split(".")[0]} (${c.file})`))];
    expect(missing, "diagnostic codes without an entry in src/i18n/en.ts and vi.ts").toEqual([]);
  });

  it("word every diagnostic from a catalog key, not from a message written in place", () => {
    const unknownKeys = diagnosticCalls().filter((c) => !Object.hasOwn(en, c.key)).map((c) => `${c.key} (${c.file})`);
    expect(unknownKeys, "error()/warning() with a message text instead of a catalog key and its arguments").toEqual([]);
    expect(diagnosticCalls().filter((c) => c.literalMessage).map((c) => `${c.key} (${c.file})`)).toEqual([]);
  });

  it("write every message without leaving an argument out or an English word in vi", () => {
    const samples: Record<string, unknown> = {
      url: "images/a b.png", src: "images/x.png", field: "title", key: "perPage", value: "abc", name: "Tin tức", title: "Tin", path: "content/a.md",
      detail: "DETAIL", files: "a, b", known: "x, y", allowed: "recent", min: 1, rule: "image-alt", problem: "not-absolute", reason: "placeholder",
      found: { kind: "list" }, date: "2027-01-01", other: "content/b.md", source: "content/c.md", tag: "div", text: "![x](a b.png)", fix: "<a b.png>",
      alt: "ảnh", caption: "Chú thích", length: 200, max: 150, kind: "category", shown: "Văn hóa", example: "content/d.md", more: 2, others: "content/e.md",
      status: 301, finalUrl: "https://b.example/", articles: 3, pages: 9, errors: 1, warnings: 2, links: 4, fetched: false, broken: 0, redirected: 0,
      seconds: "1.50", where: "public", time: "40 ms", initial: true, config: true, theme: false, port: 4000, next: 4001, host: "h", range: "ports 4000–4009",
      prop: "alt", link: "../x", entry: ".git/config", marker: ".gazette", sample: "a, b", command: "init", expected: "1 argument", got: "2", suggestion: "build", done: 1, total: 2, cd: "", dir: "site", target: "/x", list: true, outside: false, timezone: "Asia/Ho_Chi_Minh", lint: "  image-alt: warning", near: "{{#if", rendering: "templates/article.hbs", partial: "templates/partials/head-extra.hbs", codePoint: "U+000B", item: "sinh kế", quote: "\"", char: "@", open: "[", close: "]", limit: 32, size: 300, set: true,
    };
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      for (const catalog of [en, vi]) {
        const text = (catalog[key] as (a: unknown) => string)(samples);
        expect(text, key).not.toMatch(/undefined|\[object Object\]|NaN/);
        expect(text.length, key).toBeGreaterThan(0);
      }
      const viText = (vi[key] as (a: unknown) => string)(samples);
      if (!["cli.usage-error", "yaml.config", "output", "template.runtime", "usage.base-url", "overlay.page-title"].includes(key)) {
        expect(viText, `vi "${key}" reads as English`).not.toMatch(/\b(the|is|must|not found|missing|cannot|has no|should)\b/);
      }
    }
  });

  it("pick a catalog from a language tag", () => {
    expect(catalogLanguage("vi")).toBe("vi");
    expect(catalogLanguage("vi-VN")).toBe("vi");
    expect(catalogLanguage("EN_us")).toBe("en");
    expect(catalogLanguage("fr")).toBeUndefined();
    expect(catalogLanguage(undefined)).toBeUndefined();
  });
});
