import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, generateSite, type BuildOptions } from "../../src/build.js";
import type { CacheStats } from "../../src/cache/build-cache.js";
import { listTree, writeFiles } from "../helpers/site.js";

const GENERATOR = join(import.meta.dirname, "..", "fixtures", "make-corpus.mjs");
const NOW = Date.UTC(2026, 0, 1);

/** A generated site of `articles` articles. */
function corpus(articles: number): string {
  const root = mkdtempSync(join(tmpdir(), "gazette-cache-"));
  execFileSync(process.execPath, [GENERATOR, "--out", root, "--articles", String(articles)]);
  return root;
}

/** Builds with the cache and checks the output against a plain in-memory build of the same sources. */
async function cachedBuild(options: BuildOptions & { source: string }) {
  const out = join(options.source, "public");
  const result = await build({ now: NOW, ...options, out });
  const plain = generateSite({ now: NOW, ...options });
  const expected = new Map(plain.files.map((f) => [f.path, "data" in f ? Buffer.from(f.data) : readFileSync(f.copyFrom)]));
  const files = listTree(out).filter((f) => f !== ".gazette");
  expect(files).toEqual([...expected.keys()].sort());
  expect(files.filter((f) => !expected.get(f)!.equals(readFileSync(join(out, f))))).toEqual([]);
  return result.stats.cache!;
}

/** The front-matter and body counts of cache stats. */
function sources(stats: CacheStats) {
  return { articles: stats.articles, bodies: stats.bodies };
}

/** The content path of every article, sorted. */
function articlePaths(root: string): string[] {
  const content = join(root, "content");
  return readdirSync(content)
    .filter((d) => /^\d{4}$/.test(d))
    .flatMap((y) => readdirSync(join(content, y)).map((f) => `${y}/${f}`))
    .sort();
}

describe("the build cache", () => {
  it("reuses every article's front-matter and body on an unchanged rebuild, with the same output", async () => {
    const root = corpus(60);
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: 0, misses: 60 }, bodies: { hits: 0, misses: 60 } });
    expect(existsSync(join(root, ".gazette-cache"))).toBe(true);
    const again = await cachedBuild({ source: root });
    expect(sources(again)).toEqual({ articles: { hits: 60, misses: 0 }, bodies: { hits: 60, misses: 0 } });
    expect(again.pages.misses).toBe(0);
    expect(again.pages.hits).toBeGreaterThan(60);
  });

  it("gives the same bytes from the cache on worker threads", async () => {
    const root = corpus(60);
    await cachedBuild({ source: root, workers: 2 });
    expect(sources(await cachedBuild({ source: root, workers: 2 }))).toEqual({ articles: { hits: 60, misses: 0 }, bodies: { hits: 60, misses: 0 } });
  });

  it("renders again only the edited article's body", async () => {
    const root = corpus(60);
    await cachedBuild({ source: root });
    const edited = join(root, "content", articlePaths(root)[10]!);
    writeFileSync(edited, `${readFileSync(edited, "utf8")}\nMột đoạn văn mới.\n`);
    const stats = await cachedBuild({ source: root });
    expect(sources(stats)).toEqual({ articles: { hits: 59, misses: 1 }, bodies: { hits: 59, misses: 1 } });
    expect(stats.pages.misses).toBe(1); // its own page: listings show the front-matter summary, which did not change
  });

  it("renders again the bodies that link to an article whose URL changed, and only those", async () => {
    const root = corpus(60);
    await cachedBuild({ source: root });
    const paths = articlePaths(root);
    const linking = paths.filter((p) => /\]\(\.\.\/\d{4}\/[^)]+\.md\)/.test(readFileSync(join(root, "content", p), "utf8")));
    const target = /\]\(\.\.\/(\d{4}\/[^)]+\.md)\)/.exec(readFileSync(join(root, "content", linking[0]!), "utf8"))![1]!;
    const linkers = linking.filter((p) => readFileSync(join(root, "content", p), "utf8").includes(`](../${target})`));
    const file = join(root, "content", target);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^---\n/, "---\nslug: duong-dan-moi\n"));
    const stats = await cachedBuild({ source: root });
    expect(stats.articles).toEqual({ hits: 59, misses: 1 });
    expect(stats.bodies).toEqual({ hits: 60 - 1 - linkers.length, misses: 1 + linkers.length });
  });

  it("keeps every body when a template or an unrelated config key changes, and none when the base path changes", async () => {
    const root = corpus(40);
    await cachedBuild({ source: root });
    writeFiles(root, { "templates/partials/footer.hbs": "<footer>{{site.title}} – bản sửa</footer>\n" });
    const retemplated = await cachedBuild({ source: root });
    expect(sources(retemplated)).toEqual({ articles: { hits: 40, misses: 0 }, bodies: { hits: 40, misses: 0 } });
    expect(retemplated.pages.hits).toBe(0);
    writeFiles(root, { "gazette.config.yaml": "title: Cổng tin mới\nperPage: 7\n" });
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: 40, misses: 0 }, bodies: { hits: 40, misses: 0 } });
    expect((await cachedBuild({ source: root, baseUrl: "https://example.org/tin/" })).bodies).toEqual({ hits: 0, misses: 40 });
    writeFiles(root, { "gazette.config.yaml": "title: Cổng tin mới\ntimezone: Asia/Tokyo\n" });
    expect((await cachedBuild({ source: root, baseUrl: "https://example.org/tin/" })).articles).toEqual({ hits: 0, misses: 40 });
  });

  it("is neither read nor written with cache: false (--no-cache)", async () => {
    const root = corpus(20);
    const result = await build({ source: root, now: NOW, cache: false });
    expect(result.stats.cache).toBeUndefined();
    expect(existsSync(join(root, ".gazette-cache"))).toBe(false);
    await build({ source: root, now: NOW });
    const cacheDir = join(root, ".gazette-cache");
    const before = readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs]);
    const edited = join(root, "content", articlePaths(root)[3]!);
    writeFileSync(edited, `${readFileSync(edited, "utf8")}\nThêm một câu.\n`);
    expect((await build({ source: root, now: NOW, cache: false })).stats.cache).toBeUndefined();
    expect(readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs])).toEqual(before);
  });

  it("ignores a corrupt cache file instead of failing", async () => {
    const root = corpus(30);
    await cachedBuild({ source: root });
    const cacheDir = join(root, ".gazette-cache");
    const shards = readdirSync(cacheDir);
    expect(shards.length).toBeGreaterThan(0);
    for (const [i, shard] of shards.entries()) writeFileSync(join(cacheDir, shard), i % 2 ? "not a cache" : Buffer.from([0xff, 0x0d, 1, 2, 3]));
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: 0, misses: 30 }, bodies: { hits: 0, misses: 30 } });
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: 30, misses: 0 }, bodies: { hits: 30, misses: 0 } });
  });
});
