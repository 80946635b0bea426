/**
 * Search in the build, `check` and the config: the page, the box in every
 * page's header, the index files, `search: false`, output paths claimed
 * twice, and the index following an edit through the build cache.
 */
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { checkSite } from "../../src/check/run.js";
import { BuildFailure } from "../../src/diagnostics.js";
import { plainBuild } from "../helpers/reference.js";
import { article, listTree, makeSite, read, writeFiles } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);

function siteFiles(config = "title: Tin\n"): Record<string, string> {
  return {
    "gazette.config.yaml": config,
    "content/2024/hoi-thao.md": article({ title: "Hội thảo sinh kế", date: "2024-07-26", category: "Tin tức" }, "Đại biểu chia sẻ.\n"),
    "content/2023/the-thao.md": article({ title: "Thể thao", date: "2023-05-02", category: "Văn hóa" }, "Giải chạy.\n"),
  };
}

async function buildSite(root: string) {
  return build({ source: root, cwd: root, now: NOW, out: `${root}/public`, stampMarginMs: 0 });
}

describe("search in the build", () => {
  it("writes the search page, the index and a search box on every page", async () => {
    const root = makeSite(siteFiles("title: Tin\nbaseUrl: https://example.org/news/\n"));
    await buildSite(root);
    const out = `${root}/public`;
    const files = listTree(out);
    expect(files).toEqual(expect.arrayContaining(["search/index.html", "search/meta.json", "search/t/_.json", "search/d/0.json", "assets/search.js"]));
    for (const page of ["index.html", "hoi-thao/index.html", "categories/tin-tuc/index.html", "404.html", "search/index.html"]) {
      expect(read(out, page), page).toContain('<form class="search-box" role="search" action="/news/search/" method="get">');
    }
    const search = read(out, "search/index.html");
    expect(search).toContain("<h1 class=\"section-title\" id=\"search-title\"><span>Tìm kiếm</span></h1>");
    expect(search).toContain('data-search-index="/news/search/"');
    expect(search).toContain('<script src="/news/assets/search.js" defer></script>');
    expect(search).toContain('<li><a href="/news/categories/tin-tuc/">Tin tức</a>');
    expect(JSON.parse(read(out, "search/meta.json")).base).toBe("/news/");
  });

  it("writes the same index as a plain build without the cache", async () => {
    const root = makeSite(siteFiles());
    await buildSite(root);
    const plain = await plainBuild({ source: root, cwd: root, now: NOW });
    const index = [...plain.files].filter(([path]) => path.startsWith("search/"));
    expect(index.length).toBeGreaterThan(0);
    expect(listTree(`${root}/public`).filter((f) => f.startsWith("search/")).sort()).toEqual(index.map(([path]) => path).sort());
    for (const [path, bytes] of index) expect(read(`${root}/public`, path), path).toBe(bytes.toString("utf8"));
  });

  it("builds no search with search: false", async () => {
    const root = makeSite(siteFiles("title: Tin\nsearch: false\n"));
    await buildSite(root);
    expect(listTree(`${root}/public`).filter((f) => f.startsWith("search/"))).toEqual([]);
    expect(read(`${root}/public`, "index.html")).not.toContain("search-box");
  });

  it("reports a config value that is not true or false", async () => {
    const root = makeSite(siteFiles("title: Tin\nsearch: often\n"));
    const failure = await buildSite(root).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual(['gazette.config.yaml:2 config key "search" must be true or false']);
  });

  it("names a static file that claims an index path, in build and check alike", async () => {
    const root = makeSite({ ...siteFiles(), "static/search/meta.json": "{}" });
    const failure = await buildSite(root).then(() => undefined, (e: unknown) => e);
    const built = (failure as BuildFailure).diagnostics.filter((d) => d.code === "duplicate-url").map((d) => d.message);
    expect(built).toEqual(["output file search/meta.json is claimed by both static/search/meta.json and the search index"]);
    const checked = await checkSite({ source: root, cwd: root, now: NOW });
    expect(checked.diagnostics.filter((d) => d.code === "duplicate-url").map((d) => d.message)).toEqual(built);
  });

  it("follows an edited article in a rebuild with the cache", async () => {
    const root = makeSite(siteFiles());
    await buildSite(root);
    const before = read(`${root}/public`, "search/t/_.json");
    expect(before).toContain('"the":[["thể"');
    writeFiles(root, { "content/2023/the-thao.md": article({ title: "Bóng đá", date: "2023-05-02", category: "Văn hóa" }, "Giải chạy.\n") });
    const again = await buildSite(root);
    expect(again.stats.cache?.articles).toEqual({ hits: 1, misses: 1 });
    const after = read(`${root}/public`, "search/t/_.json");
    expect(after).not.toContain('"the":');
    expect(after).toContain('"bong":[["bóng"');
    expect(after).toContain('"hoi":[["hội"');
  });
});
