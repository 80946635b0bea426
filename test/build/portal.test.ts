/**
 * The portal's parts in built pages: the sidebar's source and pager, the
 * pager under "other news", the featured listing, footer, login link,
 * visitor counter, video embeds and the home page's social tags.
 */
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { findBrokenLinks } from "../helpers/links.js";
import { article, makeSite, read } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);

/** 7 notices, 5 news items (2 featured unless `featured: false`), 1 guide; perPage 2; `sidebar` lines under `sidebar:`, `extra` config at the end. */
function portalSite(options: { sidebar?: string; extra?: string; featured?: boolean; language?: string } = {}): string {
  const files: Record<string, string> = {
    "gazette.config.yaml": `title: Tin Sa Pa\ndescription: Trang tin của phường.\nbaseUrl: https://example.org/\nlanguage: ${options.language ?? "vi"}\nperPage: 2\nsidebar:\n  recent: 3\n${options.sidebar ?? ""}related:\n  count: 3\n${options.extra ?? ""}`,
  };
  const day = (n: number) => String(n).padStart(2, "0");
  for (let i = 1; i <= 7; i++) files[`content/tb-${i}.md`] = article({ title: `Thông báo ${i}`, date: `2024-01-${day(i * 2)}`, category: "Thông báo" });
  for (let i = 1; i <= 5; i++) {
    const featured = options.featured !== false && i <= 2 ? { featured: "true" } : {};
    files[`content/tt-${i}.md`] = article({ title: `Tin ${i}`, date: `2024-01-${day(i * 2 + 1)}`, category: "Tin tức", ...featured });
  }
  files["content/hd-1.md"] = article({ title: "Hướng dẫn 1", date: "2023-12-01", category: "Hướng dẫn" });
  files["static/admin/index.html"] = "<!DOCTYPE html><title>Admin</title>"; // where login.url: /admin/ leads
  return makeSite(files);
}

async function built(options: Parameters<typeof portalSite>[0] = {}) {
  const root = portalSite(options);
  const result = await build({ source: root, now: NOW });
  expect(result.diagnostics).toEqual([]);
  expect(findBrokenLinks(`${root}/public`, "/").broken).toEqual([]);
  return { out: `${root}/public`, model: result.model! };
}

const between = (html: string, start: string, end: string) => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));
const sidebarOf = (html: string) => between(html, '<aside class="sidebar"', "</aside>");
const titles = (html: string) => [...html.matchAll(/<li class="recent-item"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);

describe("the sidebar", () => {
  it("lists the featured articles by default and links to their listing", async () => {
    const { out, model } = await built();
    expect(model.sidebar.kind).toBe("featured");
    const sidebar = sidebarOf(read(out, "index.html"));
    expect(sidebar).toContain('<h2 class="widget-title" id="sidebar-recent-title"><a href="/featured/">Tin nổi bật</a></h2>');
    expect(titles(sidebar)).toEqual(["Tin 2", "Tin 1"]);
    expect(sidebar).not.toContain('class="pager"'); // one page of featured articles
    expect(read(out, "featured/index.html")).toContain('<h1 class="section-title" id="listing-title"><span>Tin nổi bật</span></h1>');
  });

  it("lists the largest category by default when nothing is featured, so the home page does not show its main list twice", async () => {
    const { out, model } = await built({ featured: false });
    expect(model.sidebar).toMatchObject({ kind: "category", name: "Thông báo" });
    expect(titles(sidebarOf(read(out, "index.html")))).toEqual(["Thông báo 7", "Thông báo 6", "Thông báo 5"]);
  });

  it("lists the category named in sidebar.source (spelled loosely) with a pager to every page of its listing", async () => {
    const { out } = await built({ sidebar: "  source: thong bao\n" });
    const sidebar = sidebarOf(read(out, "tt-1/index.html"));
    expect(sidebar).toContain('<a href="/categories/thong-bao/">Thông báo</a></h2>');
    expect(sidebar).toContain('<nav class="pager" aria-label="Thông báo: các trang">');
    expect([...sidebar.matchAll(/<a href="([^"]*)" aria-label="([^"]*)">(\d+)<\/a>/g)].map((m) => [m[1], m[2], m[3]])).toEqual([
      ["/categories/thong-bao/", "Thông báo, trang 1", "1"],
      ["/categories/thong-bao/page/2/", "Thông báo, trang 2", "2"],
      ["/categories/thong-bao/page/3/", "Thông báo, trang 3", "3"],
      ["/categories/thong-bao/page/4/", "Thông báo, trang 4", "4"],
    ]);
  });

  it("lists every article with source recent, and shows an empty block for a category with no article yet", async () => {
    expect(titles(sidebarOf(read((await built({ sidebar: "  source: recent\n" })).out, "index.html")))).toEqual(["Thông báo 7", "Thông báo 6", "Tin 5"]);
    const empty = sidebarOf(read((await built({ sidebar: "  source: Sự kiện\n" })).out, "index.html"));
    expect(empty).toContain('<h2 class="widget-title" id="sidebar-recent-title">Sự kiện</h2>');
    expect(empty).toContain("Chưa có bài viết nào.");
  });
});

describe("other news", () => {
  it("has a pager to the pages of the article's category listing, around where the list continues", async () => {
    const { out } = await built();
    const related = between(read(out, "tb-2/index.html"), '<section class="related"', "</section>");
    expect(related).toContain('<nav class="pager" aria-label="Tin khác: các trang">');
    // Thông báo 2 is 6th of 7 notices: the list continues on page 4 of 4.
    expect([...related.matchAll(/aria-label="(Thông báo, trang \d)">/g)].map((m) => m[1])).toEqual(["Thông báo, trang 1", "Thông báo, trang 2", "Thông báo, trang 3", "Thông báo, trang 4"]);
    expect(read(out, "hd-1/index.html")).not.toContain('class="pager"'); // a category of one page
  });
});

describe("site-wide parts from the config", () => {
  const extra = [
    "analytics:\n  goatcounter: https://stats.example.org",
    "login:\n  url: /admin/",
    'footer:\n  organisation: Trung tâm VH-TT Sa Pa\n  address: Số 1 đường Mẫu\n  phone: "0214 000 0000"\n  email: lienhe@example.org\n  editor: Ông Nguyễn Văn A\n  licence: Giấy phép số 00/GP',
  ].join("\n") + "\n";

  it("shows the login link, the footer lines, the counter block and GoatCounter's script", async () => {
    const html = read((await built({ extra })).out, "index.html");
    expect(html).toContain('<a class="login-link" href="/admin/" rel="nofollow">Đăng nhập</a>');
    expect(html).toContain('<span class="footer-label">Điện thoại:</span> <a href="tel:02140000000">0214\u00a0000\u00a00000</a>');
    expect(html).toContain('<span class="footer-label">Email:</span> <a href="mailto:lienhe@example.org">lienhe@example.org</a>');
    expect(html).toContain('<span class="footer-label">Chịu trách nhiệm nội dung:</span> Ông Nguyễn Văn A');
    expect(html).toContain('<p class="footer-licence">Giấy phép số 00/GP</p>');
    expect(html).toContain("© 2024 Trung tâm VH-TT Sa Pa");
    expect(html).toContain('<section class="widget widget-visits" aria-labelledby="visits-title" data-goatcounter="https://stats.example.org">');
    expect(html).toContain("<dt>Trong tháng</dt>");
    expect(html).toContain('<script data-goatcounter="https://stats.example.org/count" async src="https://stats.example.org/count.js"></script>');
  });

  it("shows none of them unless configured", async () => {
    const html = read((await built()).out, "index.html");
    for (const part of ["login-link", "footer-contact", "footer-licence", "widget-visits", "data-goatcounter", "counter.js", "video.js"]) expect(html).not.toContain(part);
  });

  it("uses English labels on an English site", async () => {
    const html = read((await built({ extra, language: "en" })).out, "tt-1/index.html");
    expect(html).toContain(">Log in</a>");
    expect(html).toContain("<dt>This month</dt>");
    expect(html).toContain('<span class="footer-label">Responsible for content:</span>');
    expect(html).toContain('aria-label="Other news: pages"');
  });
});

describe("pages", () => {
  it("gives the home page an og:title and og:description", async () => {
    const html = read((await built()).out, "index.html");
    expect(html).toContain('<meta property="og:title" content="Tin Sa Pa">');
    expect(html).toContain('<meta property="og:description" content="Trang tin của phường.">');
  });

  it("loads the video script only on pages with a video, and labels the video in the site's language", async () => {
    const root = makeSite({
      "gazette.config.yaml": "title: T\nbaseUrl: https://example.org/\n",
      "content/a.md": article({ title: "Có video", date: "2024-01-01" }, "Mở đầu.\n\nhttps://youtu.be/dQw4w9WgXcQ\n"),
      "content/b.md": article({ title: "Không video", date: "2024-01-02" }),
    });
    expect((await build({ source: root, now: NOW })).diagnostics).toEqual([]);
    const withVideo = read(`${root}/public`, "a/index.html");
    expect(withVideo).toContain('<script src="/assets/video.js" defer></script>');
    expect(withVideo).toContain('<span class="video-on">Xem video trên</span> YouTube');
    expect(read(`${root}/public`, "b/index.html")).not.toContain("video.js");
    expect(read(`${root}/public`, "feed.xml")).toContain("&lt;span class=&quot;video-on&quot;&gt;Xem video trên&lt;/span&gt; YouTube");
    expect(read(`${root}/public`, "assets/video.js")).toContain("data-video-embed");
  });
});
