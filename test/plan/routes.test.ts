import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build, BUILTIN_TEMPLATES } from "../../src/build.js";
import { checkSite } from "../../src/check/run.js";
import { BuildFailure } from "../../src/diagnostics.js";
import { loadSite, sitePaths } from "../../src/load/site.js";
import { selectArticles } from "../../src/model/select.js";
import { buildSite } from "../../src/model/site.js";
import { addAssetStep, type AssetStep } from "../../src/plan/assets.js";
import { planRoutes } from "../../src/plan/routes.js";
import { loadTheme } from "../../src/render/templates.js";
import { SiteSession } from "../../src/serve/session.js";
import { runImageStep } from "../../src/images/step.js";
import { PNG, article, listTree, makeSite, read } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);

/** A small site: two articles, an image beside them, a static file. */
function files(config = "title: Tin\n"): Record<string, string | Uint8Array> {
  return {
    "gazette.config.yaml": config,
    "content/2024/hoi-thao.md": article({ title: "Hội thảo", date: "2024-07-26", category: "Tin tức" }, "![Ảnh](anh.png)\n"),
    "content/2024/anh.png": PNG,
    "content/2023/thong-bao.md": article({ title: "Thông báo", date: "2023-05-02" }),
    "static/files/lich.pdf": "%PDF-1.4\n",
  };
}

/** The route table of the site at `root`, as every driver plans it. */
function plan(root: string, context: Parameters<typeof planRoutes>[4] = {}) {
  const loaded = loadSite(sitePaths(root), {}, root);
  const { published } = selectArticles(loaded.articles, { drafts: false, future: false, now: NOW, timezone: loaded.config.timezone });
  const model = buildSite(published, published.map(() => ({ html: "", firstParagraph: "" })), loaded.config);
  const { theme } = loadTheme(BUILTIN_TEMPLATES, join(root, "templates"), root);
  return planRoutes(model, theme!, { content: loaded.assets, static: loaded.staticFiles }, root, context);
}

let removeStep: (() => void) | undefined;
afterEach(() => {
  removeStep?.();
  removeStep = undefined;
});

describe("the route table", () => {
  it("lists pages, then generated files, then theme, content and static files, then the asset steps' files, each with its source", () => {
    const table = plan(makeSite(files()));
    expect(table.diagnostics).toEqual([]);
    const kinds = table.routes.map((r) => r.kind);
    expect(kinds.indexOf("generated")).toBe(kinds.lastIndexOf("page") + 1);
    expect(table.routes.filter((r) => r.kind === "generated").map((r) => r.path)).toEqual(["robots.txt"]); // no baseUrl: no feed, no sitemap
    expect(table.byPath.get("hoi-thao/index.html")).toMatchObject({ kind: "page", source: "content/2024/hoi-thao.md" });
    expect(table.byPath.get("2024/anh.png")).toMatchObject({ kind: "file", source: "content/2024/anh.png" });
    expect(table.byPath.get("files/lich.pdf")).toMatchObject({ kind: "file", source: "static/files/lich.pdf" });
    // The asset steps' routes come last: here the search index (an asset step), built from the model.
    const last = table.routes.findIndex((r) => r.kind === "derived");
    expect(table.routes[last - 1]!.path).toBe("files/lich.pdf");
    expect(table.routes.slice(last).map((r) => r.path)).toEqual(expect.arrayContaining(["search/meta.json", "search/d/0.json"]));
    expect(table.routes.slice(last).every((r) => r.kind === "derived" && r.path.startsWith("search/") && r.source === "the search index")).toBe(true);
  });

  it("publishes a photo as file routes to its derivatives in the image store, given the image step's result", async () => {
    const root = makeSite(files());
    const loaded = loadSite(sitePaths(root), {}, root);
    const images = await runImageStep(loaded.assets, loaded.config, { cacheDir: join(root, ".gazette-cache"), decode: true });
    try {
      const table = plan(root, { images });
      expect(table.diagnostics).toEqual([]);
      expect(table.byPath.has("2024/anh.png")).toBe(false);
      const photo = table.routes.filter((r) => r.path.startsWith("2024/anh"));
      expect(photo.length).toBeGreaterThan(0);
      for (const route of photo) {
        expect(route).toMatchObject({ kind: "file", source: "content/2024/anh.png" });
        expect(route.kind === "file" && route.absPath.startsWith(join(root, ".gazette-cache", "images"))).toBe(true);
      }
    } finally {
      images.store.dispose();
    }
  });

  it("plans only the search index's fixed files with pathsOnly, and none with search: false", () => {
    const fixed = plan(makeSite(files()), { pathsOnly: true }).routes.filter((r) => r.kind === "derived").map((r) => r.path);
    expect(fixed).toEqual(["search/meta.json", "search/d/0.json"]);
    expect(plan(makeSite(files("title: Tin\nsearch: false\n"))).routes.filter((r) => r.path.startsWith("search/"))).toEqual([]); // nor the page
  });

  it("has a feed and a sitemap only with baseUrl", () => {
    const table = plan(makeSite(files("title: Tin\nbaseUrl: https://example.org/\n")));
    expect(table.routes.filter((r) => r.kind === "generated").map((r) => r.path)).toEqual(["feed.xml", "sitemap.xml", "robots.txt"]);
  });

  it("reports an output path claimed twice and an unknown layout, with the same messages in build, check and serve", async () => {
    const root = makeSite({
      ...files(),
      "static/hoi-thao/index.html": "<p>tĩnh</p>\n",
      "content/2023/thong-bao.md": article({ title: "Thông báo", date: "2023-05-02", layout: "khong-co" }),
    });
    const planned = plan(root).diagnostics.map((d) => `${d.code} ${d.file}:${d.line ?? ""} ${d.message}`);
    expect(planned).toEqual([
      'layout content/2023/thong-bao.md:4 unknown layout "khong-co": no templates/khong-co.hbs in the site or the built-in theme',
      "duplicate-url static/hoi-thao/index.html: output file hoi-thao/index.html is claimed by both content/2024/hoi-thao.md and static/hoi-thao/index.html",
    ]);
    const codes = (list: { code: string; severity: string }[]) => list.filter((d) => d.severity === "error").map((d) => d.code).sort();
    const failure = await build({ source: root, cwd: root, now: NOW, cache: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect(codes((failure as BuildFailure).diagnostics)).toEqual(["duplicate-url", "layout"]);
    expect(codes((await checkSite({ source: root, cwd: root, now: NOW })).diagnostics)).toEqual(["duplicate-url", "layout"]);
    const { report } = await SiteSession.open({ source: root, cwd: root, now: () => NOW });
    expect(codes(report.diagnostics)).toEqual(["duplicate-url", "layout"]);
  });
});

describe("an asset step (the hook for image derivatives and the search index)", () => {
  const titles: AssetStep = ({ model }) => [
    { kind: "derived", path: "titles.txt", source: "the titles step", produce: () => model.articles.map((a) => a.title).join("\n") + "\n" },
  ];

  it("adds files that build writes and serve serves, from the complete model", async () => {
    removeStep = addAssetStep(titles);
    const root = makeSite(files());
    const out = join(root, "public");
    await build({ source: root, out, now: NOW, cache: false });
    expect(listTree(out)).toContain("titles.txt");
    expect(read(out, "titles.txt")).toBe("Hội thảo\nThông báo\n");
    const { session } = await SiteSession.open({ source: root, cwd: root, now: () => NOW });
    expect(session.lookup("titles.txt")).toEqual({ kind: "text", text: "Hội thảo\nThông báo\n" });
  });

  it("sees the complete model (every body's HTML and summary) in build, on threads or not, and in serve alike", async () => {
    removeStep = addAssetStep(({ model }) => [
      { kind: "derived", path: "index.json", source: "the index step", produce: () => JSON.stringify(model.articles.map((a) => [a.title, a.summaryText, a.html])) },
    ]);
    const site: Record<string, string> = { "gazette.config.yaml": "title: Tin\n" };
    // More articles than the feed shows, without front-matter summaries: each summary is its body's first paragraph.
    for (let i = 1; i <= 30; i++) site[`content/2024/bai-${i}.md`] = article({ title: `Bài ${i}`, date: `2024-01-${String(i).padStart(2, "0")}` }, `Đoạn đầu của bài ${i}.\n\nĐoạn sau *${i}*.\n`);
    const root = makeSite(site);
    const outputs: string[] = [];
    for (const workers of [0, 1]) {
      const out = join(root, `out-${workers}`);
      await build({ source: root, out, now: NOW, cache: false, workers });
      outputs.push(read(out, "index.json"));
    }
    const { session } = await SiteSession.open({ source: root, cwd: root, now: () => NOW });
    const served = session.lookup("index.json");
    outputs.push(served?.kind === "text" ? String(served.text) : "");
    const entries = JSON.parse(outputs[0]!) as [string, string, string][];
    expect(entries).toHaveLength(30);
    expect(entries.at(-1)).toEqual(["Bài 1", "Đoạn đầu của bài 1.", "<p>Đoạn đầu của bài 1.</p>\n<p>Đoạn sau <em>1</em>.</p>\n"]);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it("has its paths checked like any other: a static file at the same path is reported", async () => {
    removeStep = addAssetStep(titles);
    const root = makeSite({ ...files(), "static/titles.txt": "tĩnh\n" });
    const result = await checkSite({ source: root, cwd: root, now: NOW });
    expect(result.diagnostics.filter((d) => d.code === "duplicate-url").map((d) => d.message)).toEqual([
      "output file titles.txt is claimed by both static/titles.txt and the titles step",
    ]);
  });
});
