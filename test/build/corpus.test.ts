import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { findBrokenLinks } from "../helpers/links.js";
import { listTree, read } from "../helpers/site.js";

const GENERATOR = join(import.meta.dirname, "..", "fixtures", "make-corpus.mjs");

describe("a generated Vietnamese news corpus", () => {
  it("builds 200 articles under a base path with every internal link and image resolving", async () => {
    const root = mkdtempSync(join(tmpdir(), "gazette-corpus-"));
    execFileSync(process.execPath, [GENERATOR, "--out", root, "--articles", "200"]);
    const result = await build({ source: root, baseUrl: "https://example.org/news/", now: Date.UTC(2026, 0, 1) });
    expect(result.diagnostics).toEqual([]);
    expect(result.stats.articles).toBe(200);
    const out = join(root, "public");
    const files = listTree(out);
    // 200 articles, 20 home pages, listings for 7 categories, 10 authors and 12 tags, and the 8 images as derivatives (PNG and WebP).
    expect(files.filter((f) => /^bai-\d+\/index\.html$/.test(f))).toHaveLength(200);
    expect(files).toContain("page/20/index.html");
    expect(files).not.toContain("page/21/index.html");
    expect(files.filter((f) => f.startsWith("images/"))).toHaveLength(16);
    const { checked, broken } = findBrokenLinks(out, "/news/");
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(15_000);
    // The corpus's cross-links ("Xem thêm: [..](../2012/x.md)") became article URLs.
    const linked = files.filter((f) => f.endsWith("index.html")).some((f) => /Xem thêm: <a href="\/news\/bai-\d+\/">/.test(read(out, f)));
    expect(linked).toBe(true);
  });
});
