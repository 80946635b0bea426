import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { findBrokenLinks } from "../helpers/links.js";
import { PNG, article, listTree, makeSite, read } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29, 0, 0);

function newsSite() {
  return makeSite({
    "gazette.config.yaml": "title: Tin Sa Pa\nbaseUrl: https://example.org/\nperPage: 2\nsidebar:\n  recent: 3\nrelated:\n  count: 2\n",
    "content/images/a.png": PNG,
    "content/2024/images/b.png": PNG,
    "content/2024/2024-07-26-hoi-thao.md": article(
      {
        title: "Hội thảo “Sinh kế” năm 2024",
        date: "2024-07-26T09:00:00+07:00",
        authors: "[Tuấn Nguyễn, Hoàng Luyến]",
        source: "Trung tâm VH,TT-TT Sa Pa",
        category: "Tin tức",
        tags: "[sinh kế, phụ nữ]",
        cover: "{src: ../images/a.png, alt: Toàn cảnh hội thảo, caption: Toạ đàm tại Hội thảo.}",
        images: "\n  - {src: images/b.png, alt: Bà Lan Anh phát biểu, caption: Bà Bùi Lan Anh phát biểu tại Hội thảo.}",
      },
      "Đoạn mở đầu của bài.\n\n![](images/b.png)\n\nXem thêm [thông báo](../2023/2023-05-02-thong-bao.md).\n",
    ),
    "content/2023/2023-05-02-thong-bao.md": article({ title: "Thông báo lịch tiếp dân", date: "2023-05-02", author: "Đặng Văn Đức", category: "Thông báo", tags: "[phụ nữ]" }),
    "content/2023/2023-01-10-le-hoi.md": article({ title: "Lễ hội Xuân", date: '"2023-01-10 08:30"', author: "Tuấn Nguyễn", category: "Văn hóa - Du lịch" }),
    "content/2022/2022-12-01-huong-dan.md": article({ title: "Hướng dẫn thủ tục", date: "2022-12-01", author: "Tuấn Nguyễn", category: "Tin tức" }),
    "content/2022/2022-06-01-nhap.md": article({ title: "Bản nháp", date: "2022-06-01", draft: "true" }),
  });
}

describe("build of a small news site", () => {
  it("writes articles, paginated listings, taxonomies, feeds and assets", async () => {
    const root = newsSite();
    const result = await build({ source: root, now: NOW });
    expect(result.diagnostics).toEqual([]);
    const files = listTree(`${root}/public`);
    expect(files).toEqual(expect.arrayContaining([
      ".gazette",
      "404.html",
      "assets/style.css",
      "authors/dang-van-duc/index.html",
      "authors/hoang-luyen/index.html",
      "authors/tuan-nguyen/index.html",
      "authors/tuan-nguyen/page/2/index.html",
      "categories/thong-bao/index.html",
      "categories/tin-tuc/index.html",
      "categories/van-hoa-du-lich/index.html",
      "feed.xml",
      "hoi-thao/index.html",
      "huong-dan-thu-tuc/index.html".replace("huong-dan-thu-tuc", "huong-dan"),
      "images/a-1.png",
      "images/a-1.webp",
      "index.html",
      "le-hoi/index.html",
      "page/2/index.html",
      "robots.txt",
      "sitemap.xml",
      "tags/phu-nu/index.html",
      "tags/sinh-ke/index.html",
      "thong-bao/index.html",
      "2024/images/b-1.png",
      "2024/images/b-1.webp",
    ]));
    // Photos are published as derivatives only (a 1 px PNG: one width, its own).
    expect(files).not.toContain("images/a.png");
    expect(files).not.toContain("nhap/index.html");
    expect(files).not.toContain("page/3/index.html");
  });

  it("renders an article page with date, authors, category, tags, figures and other news", async () => {
    const root = newsSite();
    await build({ source: root, now: NOW });
    const html = read(`${root}/public`, "hoi-thao/index.html");
    expect(html).toContain('<html lang="vi"');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain("Hội thảo “Sinh kế” năm 2024");
    expect(html).toMatch(/<time[^>]*datetime="2024-07-26T09:00:00\+07:00"[^>]*>26\/07\/2024<\/time>/);
    expect(html).toContain('href="/authors/tuan-nguyen/"');
    expect(html).toContain('href="/authors/hoang-luyen/"');
    expect(html).toContain("Trung tâm VH,TT-TT Sa Pa");
    expect(html).toContain('href="/categories/tin-tuc/"');
    expect(html).toContain('href="/tags/sinh-ke/"');
    expect(html).toMatch(/<figure[^>]*>\s*<a[^>]*href="\/images\/a-1.png"[^>]*><picture>[\s\S]*?<img[^>]*src="\/images\/a-1.png"[^>]*width="1" height="1" alt="Toàn cảnh hội thảo"[^>]*>[\s\S]*?<figcaption>Toạ đàm tại Hội thảo.<\/figcaption>/);
    expect(html).toContain('src="/2024/images/b-1.png"');
    expect(html).toContain("<figcaption>Bà Bùi Lan Anh phát biểu tại Hội thảo.</figcaption>");
    expect(html).toContain('href="/thong-bao/"');
    // Other news: the older article in the same category first, then any category.
    const other = html.slice(html.indexOf("Tin khác"));
    expect(other.indexOf('href="/huong-dan/"')).toBeGreaterThan(-1);
    expect(other.indexOf('href="/thong-bao/"')).toBeGreaterThan(other.indexOf('href="/huong-dan/"'));
    expect(html).toMatch(/<aside[\s\S]*Tin tức[\s\S]*<\/aside>/);
  });

  it("paginates the home listing with rel links and aria-current", async () => {
    const root = newsSite();
    await build({ source: root, now: NOW });
    const page1 = read(`${root}/public`, "index.html");
    const page2 = read(`${root}/public`, "page/2/index.html");
    expect(page1).toMatch(/rel="next"[^>]*|href="\/page\/2\/"[^>]*rel="next"/);
    expect(page1).toMatch(/aria-current="page"/);
    expect(page2).toMatch(/href="\/"[^>]*rel="prev"|rel="prev"[^>]*href="\/"/);
    // newest first: page 1 holds the two newest articles
    expect(page1.indexOf('href="/hoi-thao/"')).toBeGreaterThan(-1);
    expect(page1.indexOf('href="/thong-bao/"')).toBeGreaterThan(-1);
    expect(page2).toContain('href="/le-hoi/"');
  });

  it("writes an Atom feed and a sitemap with absolute URLs", async () => {
    const root = newsSite();
    await build({ source: root, now: NOW });
    const feed = read(`${root}/public`, "feed.xml");
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed).toContain("<id>https://example.org/hoi-thao/</id>");
    expect(feed.match(/<entry>/g)).toHaveLength(4);
    const sitemap = read(`${root}/public`, "sitemap.xml");
    expect(sitemap).toContain("<loc>https://example.org/categories/tin-tuc/</loc>");
    expect(sitemap).toContain("<loc>https://example.org/le-hoi/</loc>");
    expect(read(`${root}/public`, "robots.txt")).toContain("Sitemap: https://example.org/sitemap.xml");
  });

  it("leaves every internal link resolvable, at the root and under a base path", async () => {
    const root = newsSite();
    await build({ source: root, now: NOW });
    const atRoot = findBrokenLinks(`${root}/public`, "/");
    expect(atRoot.broken).toEqual([]);
    expect(atRoot.checked).toBeGreaterThan(100);
    await build({ source: root, now: NOW, baseUrl: "https://example.org/news/" });
    const html = read(`${root}/public`, "hoi-thao/index.html");
    expect(html).toContain('href="/news/categories/tin-tuc/"');
    expect(html).toContain('src="/news/images/a-1.png"');
    expect(findBrokenLinks(`${root}/public`, "/news/").broken).toEqual([]);
    expect(read(`${root}/public`, "feed.xml")).toContain("<id>https://example.org/news/hoi-thao/</id>");
  });

  it("builds drafts and future articles only when asked, warning about each skipped future one", async () => {
    const root = newsSite();
    const { writeFiles } = await import("../helpers/site.js");
    writeFiles(root, { "content/2027/2027-03-01-sap-toi.md": article({ title: "Sắp tới", date: "2027-03-01" }) });
    const plain = await build({ source: root, now: NOW });
    expect(plain.diagnostics.map((d) => [d.code, d.file?.endsWith("2027-03-01-sap-toi.md")])).toEqual([["future", true]]);
    expect(listTree(`${root}/public`)).not.toContain("sap-toi/index.html");
    const all = await build({ source: root, now: NOW, drafts: true, future: true });
    expect(all.diagnostics).toEqual([]);
    expect(listTree(`${root}/public`)).toEqual(expect.arrayContaining(["sap-toi/index.html", "nhap/index.html"]));
  });

  it("publishes an article dated minutes ago in the site timezone", async () => {
    const root = makeSite({ "content/a.md": article({ title: "Vừa đăng", date: '"2026-11-29 06:50"' }) });
    // 06:55 in Vietnam is 23:55 UTC the day before.
    const result = await build({ source: root, now: Date.UTC(2026, 10, 28, 23, 55) });
    expect(result.diagnostics.filter((d) => d.code === "future")).toEqual([]);
    expect(listTree(`${root}/public`)).toContain("a/index.html");
  });

  it("gives byte-identical output for the same sources", async () => {
    const root = newsSite();
    await build({ source: root, now: NOW });
    const first = listTree(`${root}/public`).map((p) => [p, read(`${root}/public`, p)]);
    await build({ source: root, now: NOW + 86_400_000 });
    const second = listTree(`${root}/public`).map((p) => [p, read(`${root}/public`, p)]);
    expect(second).toEqual(first);
  });
});

describe("names from macOS and the edit link", () => {
  it("gives the same URL to a file name in decomposed Unicode", async () => {
    const root = makeSite({ [`content/${"2024-01-02-Hội-thảo-Đặng.md".normalize("NFD")}`]: article({ title: "A", date: "2024-01-02" }) });
    const result = await build({ source: root, now: NOW, baseUrl: "https://example.org/" });
    expect(result.diagnostics).toEqual([]);
    expect(listTree(`${root}/public`)).toContain("hoi-thao-dang/index.html");
  });

  it("links each article to its source with editUrl and shows the updated date", async () => {
    const root = makeSite({
      "gazette.config.yaml": "editUrl: https://git.example.org/site/edit/main/{path}\n",
      "content/2024/tin tức.md": article({ title: "A", date: "2024-01-02", updated: "2024-01-05" }),
    });
    await build({ source: root, now: NOW });
    const html = read(`${root}/public`, "tin-tuc/index.html");
    expect(html).toContain('href="https://git.example.org/site/edit/main/content/2024/tin%20t%E1%BB%A9c.md"');
    expect(html).toContain('datetime="2024-01-05T00:00:00+07:00"');
  });
});
