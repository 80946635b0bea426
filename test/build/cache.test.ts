import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../src/build.js";
import { plainBuild } from "../helpers/reference.js";
import { BuildCache, type CacheStats } from "../../src/cache/build-cache.js";
import { corpus } from "../helpers/corpus.js";
import { mulberry32 } from "../helpers/random.js";
import { listTree, writeFiles } from "../helpers/site.js";
import { FEED_SIZE } from "../../src/render/feeds.js";

const NOW = Date.UTC(2026, 0, 1);
/** Articles of most generated sites here: enough for links between articles and two listing pages of 10. */
const ARTICLES = 12;
/** Articles of the site built on worker threads, and articles per chunk of bodies there: two chunks. */
const THREADED = 16;
const CHUNK = 8;
/** Articles of the series of random edits: two listing pages or more at every page size it tries. */
const SERIES = 16;

/** Builds with the cache and checks the output against a plain build of the same sources (no cache, no thread). */
async function cachedBuild(options: BuildOptions & { source: string }) {
  const out = options.out ?? join(options.source, "public");
  const result = await build({ now: NOW, cwd: options.source, ...options, out });
  // The reference has no cache and no thread: the options about them do not reach it.
  const plainOptions: BuildOptions = { now: NOW, cwd: options.source, ...options };
  for (const key of ["out", "cacheDir", "workers", "sharedPagesFrom", "articleChunk", "stampMarginMs"] as const) delete plainOptions[key];
  const expected = (await plainBuild(plainOptions)).files;
  const files = listTree(out).filter((f) => f !== ".gazette");
  expect(files).toEqual([...expected.keys()].sort());
  expect(files.filter((f) => !expected.get(f)!.equals(readFileSync(join(out, f))))).toEqual([]);
  // No folder but those of the files (an old page's emptied folder must go too).
  const folders = new Set(files.flatMap((f) => f.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
  expect(listFolders(out).sort()).toEqual([...folders].sort());
  return result.stats.cache!;
}

/** Every folder under `dir`, as POSIX paths relative to it. */
function listFolders(dir: string, rel = ""): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const path = rel ? `${rel}/${e.name}` : e.name;
      return [path, ...listFolders(dir, path)];
    });
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
    const root = corpus(ARTICLES);
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: 0, misses: ARTICLES }, bodies: { hits: 0, misses: ARTICLES } });
    expect(existsSync(join(root, ".gazette-cache"))).toBe(true);
    const again = await cachedBuild({ source: root });
    expect(sources(again)).toEqual({ articles: { hits: ARTICLES, misses: 0 }, bodies: { hits: ARTICLES, misses: 0 } });
    expect(again.pages.misses).toBe(0);
    expect(again.pages.hits).toBeGreaterThan(ARTICLES);
    // The theme's templates as compiled, for the next build to evaluate instead of compiling.
    const templates = BuildCache.open(join(root, ".gazette-cache")).templates();
    expect([...templates.keys()].some((text) => text.includes("<footer"))).toBe(true);
  });

  it("gives the same bytes from the cache on worker threads", async () => {
    const root = corpus(THREADED);
    await cachedBuild({ source: root, workers: 2, sharedPagesFrom: 0, articleChunk: CHUNK });
    expect(sources(await cachedBuild({ source: root, workers: 2, sharedPagesFrom: 0, articleChunk: CHUNK }))).toEqual({ articles: { hits: THREADED, misses: 0 }, bodies: { hits: THREADED, misses: 0 } });
  });

  it("renders again only the edited article's body", async () => {
    const root = corpus(ARTICLES);
    await cachedBuild({ source: root });
    const edited = join(root, "content", articlePaths(root)[10]!);
    writeFileSync(edited, `${readFileSync(edited, "utf8")}\nMột đoạn văn mới.\n`);
    const stats = await cachedBuild({ source: root });
    expect(sources(stats)).toEqual({ articles: { hits: ARTICLES - 1, misses: 1 }, bodies: { hits: ARTICLES - 1, misses: 1 } });
    expect(stats.pages.misses).toBe(1); // its own page: listings show the front-matter summary, which did not change
  });

  it("makes text of cached HTML only where the model needs it: the feed's articles, not the others", async () => {
    const root = corpus(FEED_SIZE + 4);
    await cachedBuild({ source: root });
    const edited = articlePaths(root)[0]!; // the oldest: outside the feed
    writeFileSync(join(root, "content", edited), `${readFileSync(join(root, "content", edited), "utf8")}\nMột đoạn văn mới.\n`);
    const { model, stats } = await build({ now: NOW, cwd: root, source: root, out: join(root, "public") });
    expect(sources(stats.cache!)).toEqual({ articles: { hits: FEED_SIZE + 3, misses: 1 }, bodies: { hits: FEED_SIZE + 3, misses: 1 } });
    const feed = model!.articles.slice(0, FEED_SIZE);
    expect(feed.filter((a) => a.html === "").map((a) => a.contentPath)).toEqual([]);
    // Beyond the feed only the body rendered this build kept its HTML (for the cache); cached ones stayed bytes.
    expect(model!.articles.slice(FEED_SIZE).filter((a) => a.html !== "").map((a) => a.contentPath)).toEqual([edited]);
  });

  it("renders again the bodies that link to an article whose URL changed, and only those", async () => {
    const root = corpus(ARTICLES);
    await cachedBuild({ source: root });
    const paths = articlePaths(root);
    const linking = paths.filter((p) => /\]\(\.\.\/\d{4}\/[^)]+\.md\)/.test(readFileSync(join(root, "content", p), "utf8")));
    const target = /\]\(\.\.\/(\d{4}\/[^)]+\.md)\)/.exec(readFileSync(join(root, "content", linking[0]!), "utf8"))![1]!;
    const linkers = linking.filter((p) => readFileSync(join(root, "content", p), "utf8").includes(`](../${target})`));
    const file = join(root, "content", target);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^---\n/, "---\nslug: duong-dan-moi\n"));
    const stats = await cachedBuild({ source: root });
    expect(stats.articles).toEqual({ hits: ARTICLES - 1, misses: 1 });
    expect(stats.bodies).toEqual({ hits: ARTICLES - 1 - linkers.length, misses: 1 + linkers.length });
  });

  it("keeps every body when a template or an unrelated config key changes, and none when the base path changes", async () => {
    const root = corpus(ARTICLES);
    await cachedBuild({ source: root });
    writeFiles(root, { "templates/partials/footer.hbs": "<footer>{{site.title}} – bản sửa</footer>\n" });
    const retemplated = await cachedBuild({ source: root });
    expect(sources(retemplated)).toEqual({ articles: { hits: ARTICLES, misses: 0 }, bodies: { hits: ARTICLES, misses: 0 } });
    expect(retemplated.pages.hits).toBe(0);
    writeFiles(root, { "gazette.config.yaml": "title: Cổng tin mới\nperPage: 7\n" });
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: ARTICLES, misses: 0 }, bodies: { hits: ARTICLES, misses: 0 } });
    expect((await cachedBuild({ source: root, baseUrl: "https://example.org/tin/" })).bodies).toEqual({ hits: 0, misses: ARTICLES });
    writeFiles(root, { "gazette.config.yaml": "title: Cổng tin mới\ntimezone: Asia/Tokyo\n" });
    expect((await cachedBuild({ source: root, baseUrl: "https://example.org/tin/" })).articles).toEqual({ hits: 0, misses: ARTICLES });
  });

  it("is neither read nor written with cache: false (--no-cache)", async () => {
    const root = corpus(ARTICLES);
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
    const root = corpus(ARTICLES);
    await cachedBuild({ source: root });
    const cacheDir = join(root, ".gazette-cache");
    const shards = readdirSync(cacheDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name); // the image store (a folder) aside
    expect(shards.length).toBeGreaterThan(0);
    for (const [i, shard] of shards.entries()) writeFileSync(join(cacheDir, shard), i % 2 ? "not a cache" : Buffer.from([0xff, 0x0d, 1, 2, 3]));
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: 0, misses: ARTICLES }, bodies: { hits: 0, misses: ARTICLES } });
    expect(sources(await cachedBuild({ source: root }))).toEqual({ articles: { hits: ARTICLES, misses: 0 }, bodies: { hits: ARTICLES, misses: 0 } });
  });
});

/** The spare output folder(s) in a site's cache folder. */
function spares(root: string): string[] {
  const cacheDir = join(root, ".gazette-cache");
  return existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.startsWith("output-")).map((n) => join(cacheDir, n)) : [];
}

/** Every file of a folder with its bytes. */
function snapshot(dir: string): Map<string, string> {
  return new Map(listTree(dir).map((f) => [f, readFileSync(join(dir, f), "latin1")]));
}

describe("the spare output (the output before last, recycled as the staging folder)", () => {
  it("is kept in the cache folder and rebuilt in, giving the same files as a fresh folder", async () => {
    const root = corpus(ARTICLES);
    const paths = articlePaths(root);
    await cachedBuild({ source: root });
    expect(spares(root)).toEqual([]); // nothing was replaced yet
    const edited = join(root, "content", paths[5]!);
    writeFileSync(edited, `${readFileSync(edited, "utf8")}
Đoạn thêm.
`);
    await cachedBuild({ source: root });
    const [spare] = spares(root);
    expect(spare).toBeDefined();
    expect(existsSync(join(spare!, ".gazette"))).toBe(true);
    // Whatever the spare holds is the writer's to replace: stray entries, a page with other bytes, a folder where a file goes.
    writeFiles(spare!, { "stray.txt": "x", "stray/deep/index.html": "x" });
    const page = listTree(spare!).find((f) => /^[^/]+\/index\.html$/.test(f) && !f.startsWith("stray"))!;
    rmSync(join(spare!, page));
    writeFileSync(join(spare!, page), "stale"); // a new file: the live output keeps its own
    rmSync(join(spare!, "robots.txt"));
    mkdirSync(join(spare!, "robots.txt"));
    // The newest article: none links to it (the corpus links each article to the one before). Its page must go too.
    const newest = [...paths].sort((a, b) => Number(/bai-(\d+)/.exec(b)![1]) - Number(/bai-(\d+)/.exec(a)![1]))[0]!;
    rmSync(join(root, "content", newest));
    await cachedBuild({ source: root }); // compares every file, and the file list, with a plain build
    expect(spares(root)).toEqual([spare]);
    const again = await cachedBuild({ source: root }); // unchanged: every page is the hard link already in the spare
    expect(again.pages.misses).toBe(0);
  });

  it("renders again a page edited in place in the live output, although the spare holds the same file", async () => {
    const root = corpus(ARTICLES);
    await cachedBuild({ source: root });
    await cachedBuild({ source: root }); // the spare now shares every page's file with the live output
    const page = join(root, "public", "index.html");
    writeFileSync(page, `${readFileSync(page, "utf8")}<!-- edited by hand -->`); // written through: both names see it
    const stats = await cachedBuild({ source: root }); // compares every file with a plain build
    expect(stats.pages.misses).toBe(1);
    expect(readFileSync(page, "utf8")).not.toContain("edited by hand");
  });

  it("leaves the live output as it was when a build fails after writing pages into the spare", async () => {
    const root = corpus(ARTICLES);
    const paths = articlePaths(root);
    await cachedBuild({ source: root });
    await cachedBuild({ source: root });
    const out = join(root, "public");
    const before = snapshot(out);
    for (const p of paths.slice(0, 10)) {
      const file = join(root, "content", p);
      writeFileSync(file, `${readFileSync(file, "utf8")}
Đoạn văn sửa đổi.
`);
    }
    // Listings are rendered after every article page: this one fails at render time.
    writeFiles(root, { "templates/listing.hbs": "{{#> base}}{{#with}}{{/with}}{{/base}}\n" });
    await expect(build({ source: root, out, now: NOW })).rejects.toThrow();
    expect(snapshot(out)).toEqual(before);
    rmSync(join(root, "templates"), { recursive: true });
    await cachedBuild({ source: root });
    expect(readFileSync(join(out, listTree(out).find((f) => f.endsWith("index.html") && readFileSync(join(out, f), "utf8").includes("Đoạn văn sửa đổi"))!), "utf8")).toContain("Đoạn văn sửa đổi");
  });

  /** A writable folder on another file system than the temp folder's (the tests' may be on /dev/shm, or on the disk). */
  const otherDevice = ["/dev/shm", "/tmp", "/var/tmp", homedir()].find((dir) => {
    try {
      accessSync(dir, constants.W_OK);
      return statSync(dir).dev !== statSync(tmpdir()).dev;
    } catch {
      return false;
    }
  });
  it.skipIf(!otherDevice)("is not kept when the output is on another file system, which is then replaced as before (needs a second file system: /dev/shm, say)", async () => {
    const root = corpus(ARTICLES);
    const parent = mkdtempSync(join(otherDevice!, "gazette-out-"));
    const out = join(parent, "public");
    try {
      for (let i = 0; i < 3; i++) {
        const file = join(root, "content", articlePaths(root)[i]!);
        writeFileSync(file, `${readFileSync(file, "utf8")}\nĐoạn ${i}.\n`);
        await cachedBuild({ source: root, out });
      }
      expect(spares(root)).toEqual([]);
      expect(readdirSync(parent)).toEqual(["public"]); // no staging or old folder left behind
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("is kept for the output folder last built only: those of other folders are deleted", async () => {
    const root = corpus(ARTICLES);
    const cacheDir = join(root, ".gazette-cache");
    for (const name of ["a", "b", "a", "c", "c"]) await cachedBuild({ source: root, out: join(root, name) });
    // Building into c replaced c's previous output: its spare alone is left; a's (kept when a was
    // rebuilt) went when c was built.
    expect(spares(root).map((p) => basename(p))).toEqual([basename(BuildCache.open(cacheDir).spareFor(join(root, "c")))]);
    expect(readdirSync(spares(root)[0]!)).toContain(".gazette");
    // What is being deleted is out of the way at once, and gone soon after.
    for (let i = 0; i < 100 && readdirSync(cacheDir).some((n) => n.startsWith("deleting-")); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(cacheDir).filter((n) => n.startsWith("deleting-"))).toEqual([]);
  });

  it("is not used with cache: false", async () => {
    const root = corpus(ARTICLES);
    for (let i = 0; i < 3; i++) await build({ source: root, now: NOW, cache: false });
    expect(spares(root)).toEqual([]);
  });
});

describe("file stamps", () => {
  it("skip reading files unchanged since a build, and still see a same-size edit with the old modification time", async () => {
    const root = corpus(ARTICLES);
    const paths = articlePaths(root);
    await cachedBuild({ source: root, stampMarginMs: 0 });
    const second = await cachedBuild({ source: root, stampMarginMs: 0 });
    expect(second.articles).toEqual({ hits: ARTICLES, misses: 0 });
    expect(second.unread).toBe(ARTICLES);
    const file = join(root, "content", paths[4]!);
    const { mtime, size } = statSync(file);
    const text = readFileSync(file, "utf8");
    const changed = text.replace(/(title: ")(.)/u, (_m, a: string, c: string) => a + (c === "X" ? "Y" : "X"));
    expect(Buffer.byteLength(changed)).toBe(size); // only the change time can tell
    writeFileSync(file, changed);
    utimesSync(file, mtime, mtime);
    const third = await cachedBuild({ source: root, stampMarginMs: 0 }); // the output is compared with a plain build
    expect(third.articles).toEqual({ hits: ARTICLES - 1, misses: 1 });
    expect(third.unread).toBe(ARTICLES - 1);
  });

  it("read an unread file again when its body has to be rendered", async () => {
    const root = corpus(ARTICLES);
    await cachedBuild({ source: root, stampMarginMs: 0 });
    await cachedBuild({ source: root, stampMarginMs: 0 });
    const paths = articlePaths(root);
    const linking = paths.filter((p) => /\]\(\.\.\/\d{4}\/[^)]+\.md\)/.test(readFileSync(join(root, "content", p), "utf8")));
    const target = /\]\(\.\.\/(\d{4}\/[^)]+\.md)\)/.exec(readFileSync(join(root, "content", linking[0]!), "utf8"))![1]!;
    const file = join(root, "content", target);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^---\n/, "---\nslug: duong-dan-moi\n"));
    const stats = await cachedBuild({ source: root, stampMarginMs: 0 }); // linking bodies render from files not read at load
    expect(stats.unread).toBe(ARTICLES - 1);
    expect(stats.bodies.misses).toBeGreaterThan(1);
  });

  it("are not trusted for files changed just before the build", async () => {
    const root = corpus(ARTICLES);
    await cachedBuild({ source: root });
    expect((await cachedBuild({ source: root })).unread).toBe(0); // written a moment ago: hashed every time
  });
});

describe("a series of cached rebuilds", () => {
  it("gives, after every kind of change, the same files as a plain build (seeded random sequence)", async () => {
    const root = corpus(SERIES);
    const next = mulberry32(7);
    const random = (n: number) => Math.floor(next() * n);
    const content = (p: string) => join(root, "content", p);
    /** Articles no other article links to: they can go or move without breaking a link. */
    const unlinked = () => {
      const paths = articlePaths(root);
      const texts = paths.map((p) => readFileSync(content(p), "utf8"));
      return paths.filter((p) => !texts.some((t) => t.includes(`/${p})`)));
    };
    const steps: ((n: number) => void)[] = [
      (n) => { // a body edit
        const p = articlePaths(root)[random(articlePaths(root).length)]!;
        writeFileSync(content(p), `${readFileSync(content(p), "utf8")}\nĐoạn thêm ${n}.\n`);
      },
      (n) => { // a title edit
        const p = articlePaths(root)[random(articlePaths(root).length)]!;
        writeFileSync(content(p), readFileSync(content(p), "utf8").replace(/^title: "/m, `title: "Sửa ${n} – `));
      },
      (n) => { // a new slug: the article's URL moves, and the bodies linking to it change
        const p = articlePaths(root)[random(articlePaths(root).length)]!;
        const text = readFileSync(content(p), "utf8").replace(/^slug: .*\n/m, "");
        writeFileSync(content(p), text.replace(/^---\n/, `---\nslug: duong-dan-${n}\n`));
      },
      () => { // an article deleted
        const candidates = unlinked();
        rmSync(content(candidates[random(candidates.length)]!));
      },
      (n) => { // an article added
        const p = articlePaths(root)[random(articlePaths(root).length)]!;
        writeFileSync(content(`2024/2024-12-${String(1 + (n % 28)).padStart(2, "0")}-moi-${n}.md`), readFileSync(content(p), "utf8").replace(/^title: "/m, `title: "Bài mới ${n} `));
      },
      (n) => writeFiles(root, { "gazette.config.yaml": `title: Cổng tin\nperPage: ${[5, 8, 12][n % 3]}\n` }), // listings re-paginated
      (n) => writeFiles(root, { "templates/partials/footer.hbs": `<footer>{{site.title}} – bản ${n}</footer>\n` }), // a template
      () => undefined, // nothing: every page is reused
    ];
    // Every kind of change twice, in a shuffled order.
    const order = [...steps.keys(), ...steps.keys()];
    for (let i = order.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const [n, kind] of order.entries()) {
      mkdirSync(join(root, "content", "2024"), { recursive: true });
      steps[kind]!(n);
      await cachedBuild({ source: root, stampMarginMs: 0 }); // every file compared with a plain build
    }
    expect(spares(root)).toHaveLength(1);
  });
});

