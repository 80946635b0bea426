/**
 * The build cache's bodies across builds: an entry carried over from the last
 * build keeps its HTML when its shard is written again with new entries
 * beside it; other settings are a miss; a file gone takes its entry along.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BuildCache } from "../../src/cache/build-cache.js";
import type { LinkTargets } from "../../src/markdown/dependencies.js";
import type { LoadedArticle } from "../../src/types.js";
import { htmlText } from "../../src/write/pages.js";
import { removeAfterFile } from "../helpers/site.js";

const TARGETS: LinkTargets = { articleUrls: {}, assets: new Set() };
const SETTINGS = "settings";

function loaded(contentPath: string): LoadedArticle {
  return {
    contentPath, displayPath: `content/${contentPath}`, sitePath: `content/${contentPath}`, slug: contentPath.replace(/\W/g, "-"), title: contentPath,
    date: 0, authors: [], tags: [], images: [], draft: false, layout: "article", data: {}, body: "", bodyLine: 3, fieldLines: {},
  };
}

/** One build: each file loaded (from the cache when known), `rendered` bodies rendered and kept, then saved. */
function build(dir: string, files: string[], rendered: Record<string, string>): BuildCache {
  const cache = BuildCache.open(dir);
  for (const path of files) {
    const known = cache.known(path, "UTC");
    if (known && cache.article(path, known.hash, loaded(path), "")) continue;
    cache.rememberArticle(loaded(path), `hash of ${path}`, "UTC", 10);
  }
  for (const [path, html] of Object.entries(rendered)) {
    cache.rememberBody(path, SETTINGS, { html, firstParagraph: html.slice(0, 8), diagnostics: [], dependencies: [] }, `digest of ${html}`, TARGETS);
  }
  cache.save();
  return cache;
}

describe("the build cache's bodies", () => {
  it("keep their HTML (any text) across builds, also when their shard is written again with new bodies", () => {
    const dir = mkdtempSync(join(tmpdir(), "gazette-cache-"));
    removeAfterFile(dir);
    // Enough files that several share a shard (16 shards).
    const files = Array.from({ length: 40 }, (_, i) => `2024/bai-${i}.md`);
    const html = (path: string, round: number) => `<p>Bài ${path} — lần ${round}: “tiếng Việt” 🙂</p>`.repeat(1 + (path.length % 3));
    build(dir, files, Object.fromEntries(files.map((f) => [f, html(f, 1)])));
    // Every other body rendered again: the others are carried over from the first build's buffers.
    build(dir, files, Object.fromEntries(files.filter((_, i) => i % 2 === 0).map((f) => [f, html(f, 2)])));
    const cache = BuildCache.open(dir);
    files.forEach((path, i) => {
      const known = cache.known(path, "UTC")!;
      expect(cache.article(path, known.hash, loaded(path), "")).toBeDefined();
      const body = cache.body(path, SETTINGS, TARGETS)!;
      const expected = html(path, i % 2 === 0 ? 2 : 1);
      expect(htmlText(body.html)).toBe(expected);
      expect(body.digest).toBe(`digest of ${expected}`);
      expect(cache.storedBody(path, known.hash, SETTINGS, TARGETS)?.html).toBe(expected);
    });
  });

  it("are a miss with other settings, and gone with their file", () => {
    const dir = mkdtempSync(join(tmpdir(), "gazette-cache-"));
    removeAfterFile(dir);
    build(dir, ["a.md", "b.md"], { "a.md": "<p>a</p>", "b.md": "<p>b</p>" });
    build(dir, ["b.md"], {});
    const cache = BuildCache.open(dir);
    expect(cache.known("a.md", "UTC")).toBeUndefined();
    const known = cache.known("b.md", "UTC")!;
    cache.article("b.md", known.hash, loaded("b.md"), "");
    expect(cache.body("b.md", "other settings", TARGETS)).toBeUndefined();
    expect(htmlText(cache.body("b.md", SETTINGS, TARGETS)!.html)).toBe("<p>b</p>");
  });
});
