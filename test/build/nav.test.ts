/**
 * The category bar in built pages: which link is the page shown
 * (`aria-current`) and which category the page belongs to (`is-active`), on
 * every kind of page, in the wide bar and the phone menu alike. The header
 * is rendered once per state of the bar and shared by the pages in it, so
 * these also prove that no page gets another state's header.
 */
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { article, makeSite, read } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);

function navSite(): string {
  const files: Record<string, string> = { "gazette.config.yaml": "title: Tin Sa Pa\nbaseUrl: https://example.org/\nperPage: 2\nlanguage: vi\n" };
  for (let i = 1; i <= 3; i++) files[`content/tb-${i}.md`] = article({ title: `Thông báo ${i}`, date: `2024-01-0${i}`, category: "Thông báo", tags: "[lễ hội]" });
  files["content/tt-1.md"] = article({ title: "Tin 1", date: "2024-01-05", category: "Tin tức" });
  files["content/khac.md"] = article({ title: "Bài không chuyên mục", date: "2024-01-06" });
  return makeSite(files);
}

/** The links of the category bar, as `text[:current][:active]`, once per bar (wide and phone menu). */
function bar(html: string): string[][] {
  const lists = [...html.matchAll(/<ul class="nav-list nav-(?:wide|narrow)">([\s\S]*?)<\/ul>/g)].map((m) => m[1]!);
  expect(lists).toHaveLength(2);
  return lists.map((list) =>
    [...list.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map(([, attrs, text]) => `${text}${/aria-current="page"/.test(attrs!) ? ":current" : ""}${/is-active/.test(attrs!) ? ":active" : ""}`),
  );
}

describe("the category bar", () => {
  it("marks the page shown and the category it belongs to, on every kind of page", async () => {
    const root = navSite();
    const result = await build({ source: root, now: NOW });
    expect(result.diagnostics).toEqual([]);
    const out = `${root}/public`;
    const expectBar = (path: string, links: string[]) => expect(bar(read(out, path)), path).toEqual([links, links]);
    // Categories by number of articles: Thông báo (3), Tin tức (1).
    expectBar("index.html", ["Trang chủ:current:active", "Thông báo", "Tin tức"]);
    expectBar("page/2/index.html", ["Trang chủ", "Thông báo", "Tin tức"]);
    expectBar("categories/thong-bao/index.html", ["Trang chủ", "Thông báo:current:active", "Tin tức"]);
    expectBar("categories/thong-bao/page/2/index.html", ["Trang chủ", "Thông báo:active", "Tin tức"]);
    expectBar("categories/tin-tuc/index.html", ["Trang chủ", "Thông báo", "Tin tức:current:active"]);
    expectBar("tb-1/index.html", ["Trang chủ", "Thông báo:active", "Tin tức"]);
    expectBar("tt-1/index.html", ["Trang chủ", "Thông báo", "Tin tức:active"]);
    expectBar("khac/index.html", ["Trang chủ", "Thông báo", "Tin tức"]);
    expectBar("tags/le-hoi/index.html", ["Trang chủ", "Thông báo", "Tin tức"]);
    expectBar("404.html", ["Trang chủ", "Thông báo", "Tin tức"]);
  });
});
