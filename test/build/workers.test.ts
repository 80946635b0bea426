import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, BUILTIN_TEMPLATES, type BuildOptions } from "../../src/build.js";
import { BuildFailure } from "../../src/diagnostics.js";
import { sitePaths } from "../../src/load/site.js";
import { runBuild } from "../../src/build/run.js";
import { ArticleFeed } from "../../src/build/runner.js";
import type { MarkdownEnv } from "../../src/markdown/bodies.js";
import type { ArticleItem } from "../../src/write/pages.js";
import { loadFiles } from "../../src/load/batch.js";
import { renderBodyChunk } from "../../src/markdown/bodies.js";
import { corpus } from "../helpers/corpus.js";
import { plainBuild } from "../helpers/reference.js";
import { listTree } from "../helpers/site.js";

/** Every file of a plain single-threaded build without the cache, by output path. */
async function reference(options: BuildOptions): Promise<Map<string, Buffer>> {
  const site = await plainBuild(options);
  expect(site.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return site.files;
}

/** Asserts that the folder holds exactly the expected files, byte for byte (the write stage's marker aside). */
function expectSameFiles(out: string, expected: Map<string, Buffer>): void {
  const files = listTree(out).filter((f) => f !== ".gazette");
  expect(files).toEqual([...expected.keys()].sort());
  const different = files.filter((f) => !expected.get(f)!.equals(readFileSync(join(out, f))));
  expect(different).toEqual([]);
}

/** Articles of the sites built here, and articles per chunk of bodies: four chunks, so that every lane (the main thread, two workers) takes some. */
const ARTICLES = 32;
const CHUNK = 8;

/** The site most tests here build: two articles in three without a front-matter summary. */
let summariesFromBodies: { root: string; firstParagraphs: string[] } | undefined;

/**
 * Two articles in three lose their front-matter summary: their cards show their first paragraph,
 * known only once their body is rendered, so listing pages showing them must wait for it. Made
 * once: the tests that share it build it without changing it, into folders of their own.
 */
function sharedSite(): { root: string; firstParagraphs: string[] } {
  if (summariesFromBodies) return summariesFromBodies;
  const root = corpus(ARTICLES);
  let seen = 0;
  const firstParagraphs: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md") && seen++ % 3 !== 0) {
        const text = readFileSync(path, "utf8");
        writeFileSync(path, text.replace(/^summary: .*\n/m, ""));
        firstParagraphs.push(text.split("\n---\n")[1]!.trim().split("\n")[0]!.slice(0, 40));
      }
    }
  };
  walk(join(root, "content"));
  return (summariesFromBodies = { root, firstParagraphs });
}

/** A new output folder outside the site. */
function outFolder(): string {
  return join(mkdtempSync(join(tmpdir(), "gazette-workers-out-")), "public");
}

const NOW = Date.UTC(2026, 0, 1);

describe("the feed of bodies", () => {
  it("hands them out in chunks of 25, or of the size a test asks for, in order", () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ i }) as unknown as ArticleItem);
    const sizes = (feed: ArticleFeed) => {
      const taken: [number, number][] = [];
      for (let next = feed.take(); next; next = feed.take()) taken.push([next[0], next[1].length]);
      return taken;
    };
    expect(sizes(new ArticleFeed(items(60), {} as MarkdownEnv, undefined, undefined))).toEqual([[0, 25], [1, 25], [2, 10]]);
    const feed = new ArticleFeed(items(ARTICLES), {} as MarkdownEnv, undefined, undefined, CHUNK);
    const first = feed.take()!;
    expect(first[1].map((item) => (item as unknown as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(sizes(feed)).toEqual([[1, 8], [2, 8], [3, 8]]);
  });
});

describe("builds on worker threads", () => {
  it("write the same bytes as a build on the main thread alone, whatever the number of threads", async () => {
    const options = { source: sharedSite().root, baseUrl: "https://example.org/news/", now: NOW };
    const expected = await reference(options);
    // Listings go to the workers too in the first build (by default only from 4,000 listing pages).
    for (const [workers, sharedPagesFrom] of [[2, 0], [1, undefined]] as const) {
      const out = outFolder();
      const result = await build({ ...options, out, workers, cache: false, articleChunk: CHUNK, ...(sharedPagesFrom !== undefined ? { sharedPagesFrom } : {}) });
      expect(result.stats.threads).toBe(workers);
      const index = [...expected.keys()].filter((path) => path.startsWith("search/") && path.endsWith(".json")).length;
      expect(result.stats.pages).toBe(expected.size - 16 - 5 - 3 - index); // the 8 images' derivatives (WebP and PNG), 5 theme assets, 3 feed files and search index aside
      expectSameFiles(out, expected);
    }
  }, 120_000); // three builds, each making the 8 images' derivatives
});

describe("listing pages rendered while the workers render bodies", () => {
  it("show the summaries taken from bodies (articles without one in front-matter) exactly as a plain build does", async () => {
    // The site of the test above, also built there on one thread and on two sharing the listings.
    const { root, firstParagraphs } = sharedSite();
    const options = { source: root, baseUrl: "https://example.org/news/", now: NOW };
    const expected = await reference(options);
    // The plain build's home page shows first paragraphs as summaries.
    const home = expected.get("index.html")!.toString();
    expect(firstParagraphs.filter((p) => home.includes(p)).length).toBeGreaterThan(0);
    const out = outFolder();
    await build({ ...options, out, workers: 2, cache: false, articleChunk: CHUNK });
    expectSameFiles(out, expected);
  });
});

describe("template problems of listing pages (rendered between article pages on threads)", () => {
  it("are reported alike, in the same order, with and without a worker", async () => {
    const root = corpus(ARTICLES);
    // The oldest article has no summary: the home listing's last page waits for its body, and the
    // listings after it are left for the end, so problems come from pages rendered early and late.
    const years = readdirSync(join(root, "content")).filter((d) => /^\d{4}$/.test(d)).sort();
    const oldest = join(root, "content", years[0]!, readdirSync(join(root, "content", years[0]!)).sort()[0]!);
    writeFileSync(oldest, readFileSync(oldest, "utf8").replace(/^summary: .*\n/m, ""));
    mkdirSync(join(root, "templates"));
    // Two problems, on the home page (rendered early) and on tag listings (late): their order is the pages'.
    writeFileSync(join(root, "templates", "listing.hbs"), '{{#unless page.title}}{{> missing-on-home}}{{/unless}}{{#if (eq listing.kind "tag")}}{{> missing-on-tags}}{{/if}}\n');
    const reports: string[][] = [];
    for (const workers of [0, 1]) {
      const failure: unknown = await build({ source: root, out: join(root, `out-${workers}`), workers, cache: false, articleChunk: CHUNK, now: Date.UTC(2026, 0, 1) }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(BuildFailure);
      reports.push((failure as BuildFailure).diagnostics.map((d) => `${d.file}:${d.line ?? ""}: ${d.message}`));
      expect(existsSync(join(root, `out-${workers}`))).toBe(false);
    }
    expect(reports[0]!.filter((line) => line.includes("missing-"))).toHaveLength(2);
    expect(reports[1]).toEqual(reports[0]);
  });
});

describe("a build refused after the workers started on the bodies", () => {
  it("fails with its message, leaves the folder alone and ends (no task left hanging)", async () => {
    const root = corpus(ARTICLES);
    const out = join(root, "mine");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "keep me");
    // Bodies go to the worker before the output folder is looked at; the refusal must still end the build.
    const failure: unknown = await build({ source: root, out, workers: 1, cache: false, articleChunk: CHUNK, now: Date.UTC(2026, 0, 1) }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).diagnostics.map((d) => d.message).join("\n")).toMatch(/refusing to replace/);
    expect(listTree(out)).toEqual(["notes.txt"]);
  });
});

describe("a theme that fails to compile once the workers have started on the bodies", () => {
  it("is reported where a single-threaded build reports it, with the bodies' problems, and the build ends", async () => {
    const root = corpus(ARTICLES);
    mkdirSync(join(root, "templates"), { recursive: true });
    writeFileSync(join(root, "templates", "article.hbs"), "{{#if page}}\n{{nosuch page}}\n{{/if}}\n");
    const first = listTree(join(root, "content")).find((f) => f.endsWith(".md"))!;
    writeFileSync(join(root, "content", first), readFileSync(join(root, "content", first), "utf8") + "\n![](missing-photo.jpg)\n");
    const out = join(root, "public");
    const failures: string[][] = [];
    for (const workers of [1, 0]) {
      const failure: unknown = await build({ source: root, out, workers, cache: false, articleChunk: CHUNK, now: Date.UTC(2026, 0, 1) }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(BuildFailure);
      failures.push((failure as BuildFailure).diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`));
      expect(existsSync(out)).toBe(false);
    }
    expect(failures[0]).toEqual(failures[1]);
    expect(failures[0]!.some((d) => d.startsWith("template ") && d.endsWith("article.hbs:2"))).toBe(true);
    expect(failures[0]!.some((d) => d.startsWith("missing-image "))).toBe(true);
  });
});

describe("bodies read again from their files (how sites of 8,000 articles and more are built)", () => {
  it("give the same bytes, on threads and with the cache", async () => {
    // The shared site (and its reference): bodies without a summary read again for listings too.
    const { root } = sharedSite();
    const baseUrl = "https://example.org/news/";
    const expected = await reference({ source: root, baseUrl, now: NOW });
    const cacheDir = join(mkdtempSync(join(tmpdir(), "gazette-workers-cache-")), "cache");
    for (const [workers, cache] of [[1, false], [0, true], [0, true]] as const) {
      const out = outFolder();
      await runBuild({
        paths: sitePaths(root), outDir: out, cwd: process.cwd(), builtinTemplates: BUILTIN_TEMPLATES,
        drafts: false, future: false, now: NOW, cache, cacheDir, workers, rereadBodiesFrom: 0, baseUrl, articleChunk: CHUNK,
      });
      expectSameFiles(out, expected);
    }
  });

  it("fail the build cleanly when a worker's task fails, leaving no output (files deleted while building)", async () => {
    const root = corpus(ARTICLES);
    const out = join(root, "public");
    let deleted = false;
    const build = runBuild({
      paths: sitePaths(root), outDir: out, cwd: process.cwd(), builtinTemplates: BUILTIN_TEMPLATES,
      drafts: false, future: false, now: Date.UTC(2026, 0, 1), cache: false, workers: 1, rereadBodiesFrom: 0, articleChunk: CHUNK,
      // Once every file is loaded, the bodies are gone: the worker's first chunks fail, and so does the main thread's.
      onProgress: (stage, done, total) => {
        if (stage !== "load" || done !== total || deleted) return;
        deleted = true;
        for (const year of readdirSync(join(root, "content")).filter((d) => /^\d{4}$/.test(d))) rmSync(join(root, "content", year), { recursive: true });
      },
    });
    const failure = await build.then(() => undefined, (err: unknown) => err);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).diagnostics.map((d) => d.message).join("\n")).toMatch(/ENOENT|no such file/);
    expect(deleted).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).filter((n) => n.includes("gazette-tmp"))).toEqual([]);
  });

  it("report a file changed since it was loaded instead of mixing two versions", () => {
    const root = mkdtempSync(join(tmpdir(), "gazette-reread-"));
    const file = join(root, "a.md");
    writeFileSync(file, "---\ntitle: A\ndate: 2024-01-02\n---\nMột đoạn.\n");
    const where = { contentPath: "a.md", displayPath: "content/a.md", sitePath: "content/a.md", absPath: file };
    const [loaded] = loadFiles([where], { timezone: "Asia/Ho_Chi_Minh", hash: true, keepBodies: false });
    expect(loaded!.article!.body).toBe("");
    const input = { body: "", bodyLine: 5, contentPath: "a.md", displayPath: "content/a.md", basePath: "/", allowHtml: false, images: [] };
    const source = { absPath: file, hash: loaded!.hash, bodyStart: loaded!.bodyStart! };
    const env = { articleUrls: {}, assets: [] };
    expect(renderBodyChunk([{ ...input, source }], env)[0]!.html).toBe("<p>Một đoạn.</p>\n");
    writeFileSync(file, "---\ntitle: A\ndate: 2024-01-02\n---\nĐoạn khác.\n");
    const [changed] = renderBodyChunk([{ ...input, source }], env);
    expect(changed!.diagnostics.map((d) => [d.code, d.file])).toEqual([["changed", "content/a.md"]]);
  });
});
