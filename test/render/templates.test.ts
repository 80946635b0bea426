import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { labelsFor } from "../../src/render/labels.js";
import Handlebars from "handlebars";
import { readdirSync } from "node:fs";
import { builtinTemplatesDir, loadTheme, TemplateError, type Theme } from "../../src/render/templates.js";
import { fakeArticleContext, fakeListingContext } from "../helpers/fake-context.js";

const builtinDir = fileURLToPath(new URL("../../templates/", import.meta.url));

function builtinTheme(): Theme {
  const { theme, diagnostics } = loadTheme(builtinDir, undefined, "templates");
  expect(diagnostics).toEqual([]);
  if (!theme) throw new Error("theme did not load");
  return theme;
}

const tempDirs: string[] = [];
/** Makes a site `templates/` folder holding the given files. */
function overrideFolder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "gazette-theme-"));
  tempDirs.push(root);
  const dir = path.join(root, "templates");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** How many templates the built-in theme has (pages and partials). */
function builtinFileCount(): number {
  return readdirSync(builtinDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".hbs")).length;
}

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern.source, "g"))?.length ?? 0;
}

describe("built-in article page", () => {
  const html = builtinTheme().render("article", fakeArticleContext());

  it("declares the site language, viewport, title, description, canonical and feed", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế” năm 2024 – Cổng thông tin điện tử huyện Sa Pa</title>");
    expect(html).toMatch(/<meta name="description" content="Sáng 26\/7, Hội Liên hiệp Phụ nữ/);
    expect(html).toContain('<link rel="canonical" href="https://sapa.example.gov.vn/hoi-thao-sinh-ke/">');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Cổng thông tin điện tử huyện Sa Pa" href="/feed.xml">');
    expect(html).toContain('<link rel="stylesheet" href="/assets/style.css">');
  });

  it("has a skip link, landmarks and exactly one h1", () => {
    expect(html).toContain('<a class="skip-link" href="#main">Chuyển đến nội dung chính</a>');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<nav class="site-nav" aria-label="Điều hướng chính">');
    expect(count(html, /<h1[ >]/)).toBe(1);
    expect(html).toMatch(/<h1 class="article-title">Hội thảo “Giải pháp/);
  });

  it("links home and every category in the navigation, marking the article's category", () => {
    expect(html).toContain('<a class="brand" href="/" rel="home">');
    expect(html).toContain('<a href="/categories/tin-tuc/" class="is-active">Tin tức</a>');
    expect(html).toContain('<a href="/categories/thong-bao/">Thông báo</a>');
  });

  it("shows the date as <time datetime> with the ISO value, then linked authors and the source", () => {
    expect(html).toContain('<time datetime="2024-07-26T09:00:00+07:00">26/07/2024</time>');
    expect(html).toContain('<time datetime="2024-07-27T00:00:00+07:00">27/07/2024</time>');
    expect(html).toContain('<a href="/authors/tuan-nguyen/" rel="author">Tuấn Nguyễn</a>, <a href="/authors/hoang-luyen/" rel="author">Hoàng Luyến</a>');
    expect(html).toContain("Trung tâm VH,TT-TT Sa Pa");
  });

  it("links the category, the tags and the edit page", () => {
    expect(html).toContain('<p class="article-category"><a href="/categories/tin-tuc/">Tin tức</a></p>');
    expect(html).toContain('<a class="tag" href="/tags/sinh-ke/" rel="tag">sinh kế</a>');
    expect(html).toContain('<a href="https://git.example.org/sapa/edit/main/content/2024/2024-07-26-hoi-thao-sinh-ke.md" rel="nofollow">Sửa bài viết này</a>');
  });

  it("shows the cover as a figure with its caption, and the body as given", () => {
    expect(html).toMatch(
      /<figure class="figure article-cover">\n<img src="\/hoi-thao-sinh-ke\/images\/toan-canh.jpg" alt="Toàn cảnh hội thảo"[^>]*>\n<figcaption>Toàn cảnh Hội thảo tại Hội trường Huyện ủy Sa Pa.<\/figcaption>\n<\/figure>/,
    );
    expect(html).toContain('<figure><img src="/hoi-thao-sinh-ke/images/phat-bieu.jpg" alt="Bà Bùi Lan Anh phát biểu"><figcaption>');
  });

  it("has the recent-news sidebar with dates", () => {
    const aside = html.slice(html.indexOf("<aside"), html.indexOf("</aside>"));
    expect(aside).toContain(">Tin tức</h2>");
    expect(count(aside, /<li class="recent-item">/)).toBe(5);
    expect(aside).toContain('<a href="/le-hoi-xuong-dong/">Lễ hội Xuống đồng của đồng bào Dao đỏ xã Tả Phìn</a> <time datetime="2024-07-23T09:00:00+07:00">23/07/2024</time>');
  });

  it("lists other news under its heading", () => {
    const related = html.slice(html.indexOf('<section class="related"'));
    expect(related).toContain("<span>Tin khác</span></h2>");
    expect(related).toContain('<a href="/ra-mat-to-hop-tac-det-tho-cam/">Ra mắt tổ hợp tác dệt thổ cẩm xã Tả Van</a>');
    expect(count(related.slice(0, related.indexOf("</section>")), /<li>/)).toBe(3);
  });

  it("ends with the footer and the analytics slot, which is empty by default", () => {
    expect(html).toContain("© 2024 Cổng thông tin điện tử huyện Sa Pa");
    expect(html).toMatch(/<\/footer>\n<\/body>\n<\/html>\n$/);
  });

  it("leaves optional parts out when the article has none", () => {
    const ctx = fakeArticleContext({ related: [] });
    const a = ctx.article!;
    delete a.cover;
    delete a.category;
    delete a.editUrl;
    delete a.updated;
    a.tags = [];
    const out = builtinTheme().render("article", ctx);
    expect(out).not.toContain("article-cover");
    expect(out).not.toContain("article-category");
    expect(out).not.toContain("Sửa bài viết này");
    expect(out).not.toContain('class="tag"');
    expect(out).not.toContain('class="related"');
  });
});

describe("escaping", () => {
  it("escapes front-matter values but keeps the article HTML raw", () => {
    const ctx = fakeArticleContext();
    ctx.article!.title = "<script>alert(1)</script>";
    ctx.page.title = "<script>alert(2)</script>";
    ctx.article!.authors = [{ name: '"><img src=x onerror=alert(3)>', url: "/authors/x/" }];
    ctx.article!.html = "<p>Đoạn <strong>đậm</strong></p>";
    const html = builtinTheme().render("article", ctx);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<p>Đoạn <strong>đậm</strong></p>");
  });
});

describe("built-in listing page", () => {
  const html = builtinTheme().render("listing", fakeListingContext());

  it("shows the heading and one card per article with title link, date, summary, thumbnail and category", () => {
    expect(count(html, /<h1[ >]/)).toBe(1);
    expect(html).toContain("<span>Tin mới nhất</span></h1>");
    expect(count(html, /<article class="card/)).toBe(5);
    expect(html).toContain('<h2 class="card-title"><a href="/le-hoi-xuong-dong/">Lễ hội Xuống đồng của đồng bào Dao đỏ xã Tả Phìn</a></h2>');
    expect(html).toContain('<img src="/le-hoi-xuong-dong/images/le-hoi.jpg" alt="Ảnh: Lễ hội Xuống đồng của đồng bào Dao đỏ xã Tả Phìn"');
    expect(html).toContain('<a class="card-category" href="/categories/van-hoa-du-lich/">Văn hóa - Du lịch</a>');
    expect(html).toContain("Lễ hội Xuống đồng là dịp để đồng bào Dao đỏ");
    expect(html).toContain('<article class="card card-no-media">');
  });

  it("titles pages other than the home page's first with the page title", () => {
    expect(html).toContain("<title>Trang 4 – Cổng thông tin điện tử huyện Sa Pa</title>");
    const home = fakeListingContext();
    home.page.url = "/";
    expect(builtinTheme().render("listing", home)).toContain("<title>Cổng thông tin điện tử huyện Sa Pa</title>");
  });

  it("paginates with rel prev/next, first and last, gaps and the current page marked", () => {
    const nav = html.slice(html.indexOf('<nav class="pagination"'), html.indexOf("</nav>", html.indexOf('<nav class="pagination"')));
    expect(nav).toContain('aria-label="Phân trang"');
    expect(nav).toMatch(/<a href="\/page\/3\/" rel="prev">/);
    expect(nav).toMatch(/<a href="\/page\/5\/" rel="next">/);
    expect(nav).toContain("Trang đầu");
    expect(nav).toContain('<a href="/page/9/"><span class="page-text">Trang cuối</span>');
    expect(nav).toContain('<a href="/page/4/" aria-current="page" aria-label="Trang 4">4</a>');
    expect(count(nav, /aria-current="page"/)).toBe(1);
    expect(count(nav, /…/)).toBe(2);
  });

  it("omits the pagination bar when there is only one page", () => {
    const ctx = fakeListingContext();
    const p = ctx.listing!.pagination;
    Object.assign(p, { current: 1, total: 1, show: false, last: { number: 1, url: "/" }, slots: [{ gap: false, number: 1, url: "/", current: true }] });
    delete p.prev;
    delete p.next;
    const out = builtinTheme().render("listing", ctx);
    expect(out).not.toContain('class="pagination"');
    expect(out).not.toContain('rel="next"');
  });

  it("says so when a listing has no articles", () => {
    const ctx = fakeListingContext();
    ctx.listing!.items = [];
    expect(builtinTheme().render("listing", ctx)).toContain('<p class="empty">Chưa có bài viết nào.</p>');
  });
});

describe("404 page", () => {
  it("shows the not-found text and a link home", () => {
    const ctx = fakeListingContext({ page: { kind: "404", title: "Không tìm thấy trang", url: "/404.html", description: "", data: {} } });
    delete ctx.listing;
    const html = builtinTheme().render("404", ctx);
    expect(html).toContain(">Không tìm thấy trang</h1>");
    expect(html).toContain('<a class="button" href="/">Về trang chủ</a>');
  });
});

describe("loadTheme", () => {
  it("lists the built-in page templates and assets", () => {
    const theme = builtinTheme();
    expect(theme.has("article")).toBe(true);
    expect(theme.has("listing")).toBe(true);
    expect(theme.has("404")).toBe(true);
    expect(theme.has("special")).toBe(false);
    expect(theme.has("partials/base")).toBe(false);
    expect(theme.assets.map((a) => a.path)).toContain("assets/style.css");
    expect(theme.assets.every((a) => path.isAbsolute(a.absPath))).toBe(true);
  });

  it("finds the built-in theme from the module", () => {
    expect(path.resolve(builtinTemplatesDir())).toBe(path.resolve(builtinDir));
  });

  it("lets a site override a partial and an asset, and add a page template", () => {
    const dir = overrideFolder({
      "partials/footer.hbs": "<footer>Ban biên tập {{site.title}}</footer>\n",
      "special.hbs": "{{#> base}}<p class=\"special\">{{page.data.note}}</p>{{/base}}",
      "assets/style.css": "body{}",
      "assets/extra.css": "p{}",
      "README.md": "not a template",
      ".DS_Store": "junk",
    });
    const { theme, diagnostics } = loadTheme(builtinDir, dir, "templates");
    expect(diagnostics).toEqual([]);
    expect(theme!.has("special")).toBe(true);
    expect(theme!.has("README")).toBe(false);
    const html = theme!.render("article", fakeArticleContext());
    expect(html).toContain("<footer>Ban biên tập Cổng thông tin điện tử huyện Sa Pa</footer>");
    expect(html).not.toContain('class="site-footer"');
    const ctx = fakeArticleContext();
    ctx.page.data = { note: "Ghi chú" };
    expect(theme!.render("special", ctx)).toContain('<p class="special">Ghi chú</p>');
    const assets = Object.fromEntries(theme!.assets.map((a) => [a.path, a.absPath]));
    expect(assets["assets/style.css"]).toBe(path.join(dir, "assets", "style.css"));
    expect(assets["assets/extra.css"]).toBe(path.join(dir, "assets", "extra.css"));
    expect(assets["assets/logo.svg"]).toBe(path.join(builtinDir, "assets", "logo.svg"));
  });

  it("accepts an override folder that does not exist", () => {
    const { theme, diagnostics } = loadTheme(builtinDir, path.join(tmpdir(), "gazette-no-such-folder"), "templates");
    expect(diagnostics).toEqual([]);
    expect(theme?.has("article")).toBe(true);
  });

  it("reports a syntax error in an override with its file and line, and returns no theme", () => {
    const dir = overrideFolder({ "partials/sidebar.hbs": "<aside>\n<ul>\n{{#each sidebar.recent}\n</ul>\n</aside>\n" });
    const { theme, diagnostics } = loadTheme(builtinDir, dir, "templates");
    expect(theme).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "template", severity: "error", file: "templates/partials/sidebar.hbs", line: 3 });
    expect(diagnostics[0]!.message).not.toContain("\n");
  });

  it("reports every broken template at once, with the column where Handlebars gives one", () => {
    const dir = overrideFolder({
      "article.hbs": "<p>\n  {{#if article}}\n  x {{/each}}\n",
      "partials/header.hbs": "{{> }}",
    });
    const { diagnostics } = loadTheme(builtinDir, dir, "site/templates");
    expect(diagnostics.map((d) => [d.file, d.line])).toEqual([
      ["site/templates/article.hbs", 2],
      ["site/templates/partials/header.hbs", 1],
    ]);
    expect(diagnostics[0]!.message).toContain("if doesn't match each");
    expect(diagnostics[1]!.column).toBe(5);
  });

  it("shows override paths relative to the working directory when no display base is given", () => {
    const dir = overrideFolder({ "404.hbs": "{{#if}}" });
    const { diagnostics } = loadTheme(builtinDir, dir, "");
    expect(diagnostics[0]!.file).toBe(path.relative(process.cwd(), path.join(dir, "404.hbs")).split(path.sep).join("/"));
  });

  it("throws a TemplateError naming the file when a partial is missing at render time", () => {
    const dir = overrideFolder({ "listing.hbs": "<h1>{{listing.heading}}</h1>\n{{> nope}}\n" });
    const { theme } = loadTheme(builtinDir, dir, "templates");
    let caught: unknown;
    try {
      theme!.render("listing", fakeListingContext());
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    const d = (caught as TemplateError).diagnostic;
    expect(d).toMatchObject({ code: "template", severity: "error", file: "templates/listing.hbs", line: 2, column: 1 });
    expect(d.message).toContain('partial "nope"');
  });

  it("names the partial that holds a missing partial, and the page template being rendered", () => {
    const dir = overrideFolder({ "partials/footer.hbs": "<footer>\n  {{> counter}}</footer>" });
    const { theme } = loadTheme(builtinDir, dir, "templates");
    expect(() => theme!.render("article", fakeArticleContext())).toThrow(TemplateError);
    try {
      theme!.render("article", fakeArticleContext());
    } catch (e) {
      const d = (e as TemplateError).diagnostic;
      expect(d).toMatchObject({ file: "templates/partials/footer.hbs", line: 2, column: 3 });
      expect(d.message).toContain("article.hbs");
    }
  });

  it("reports an unknown helper when the theme loads, at its line, even in a page never rendered", () => {
    const dir = overrideFolder({ "x.hbs": "{{#if page}}\n  {{shout page.title}}{{/if}}", "partials/p.hbs": "{{#with page}}{{{loud ../site}}}{{/with}}" });
    const { theme, diagnostics } = loadTheme(builtinDir, dir, "templates");
    expect(theme).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "template", file: "templates/partials/p.hbs", line: 1, column: 15, message: expect.stringMatching(/unknown helper "loud" \(available: eq, join,/) }),
      expect.objectContaining({ code: "template", file: "templates/x.hbs", line: 2, column: 3, message: expect.stringMatching(/unknown helper "shout"/) }),
    ]);
  });

  it("reads a field named like a helper as a field, and still calls the theme's helpers", () => {
    const dir = overrideFolder({ "x.hbs": "{{page.eq}}|{{join page.tags \"+\"}}|{{#if (eq page.kind \"a\")}}yes{{/if}}" });
    const { theme } = loadTheme(builtinDir, dir, "templates");
    expect(theme!.render("x", { page: { eq: "field", tags: ["a", "b"], kind: "a" } } as never)).toBe("field|a+b|yes");
  });

  it("throws a TemplateError for an unknown page template", () => {
    const { theme } = loadTheme(builtinDir, overrideFolder({}), "templates");
    expect(() => theme!.render("nope", fakeArticleContext())).toThrow(TemplateError);
  });

  it("gives each theme its own Handlebars environment", () => {
    const a = loadTheme(builtinDir, overrideFolder({ "partials/footer.hbs": "<footer>A</footer>" }), "templates").theme!;
    const b = builtinTheme();
    expect(a.render("article", fakeArticleContext())).toContain("<footer>A</footer>");
    expect(b.render("article", fakeArticleContext())).not.toContain("<footer>A</footer>");
  });

  it("renders the same context to the same bytes", () => {
    expect(builtinTheme().render("listing", fakeListingContext())).toBe(builtinTheme().render("listing", fakeListingContext()));
  });

  it("takes a template's tree and code from an earlier run instead of compiling it, and lists the texts it used", () => {
    const footer = "<footer>{{site.title}} {{! kept between runs }}</footer>";
    const folder = () => overrideFolder({ "partials/footer.hbs": footer });
    // Another text's code, given as that of the footer: the theme must run it as given, not compile the footer.
    const other = "<footer>EARLIER {{site.title}}</footer>";
    const earlier = new Map([[footer, { ast: Handlebars.parse(footer), code: Handlebars.precompile(other) as unknown as string }]]);
    const { theme, texts } = loadTheme(builtinDir, folder(), "templates", earlier);
    expect(theme!.render("article", fakeArticleContext())).toContain("<footer>EARLIER ");
    expect(texts.has(footer)).toBe(true);
    expect(texts.size).toBe(builtinFileCount()); // the built-in templates, the footer being the site's
    // A text the earlier run did not give is compiled.
    expect(loadTheme(builtinDir, overrideFolder({ "partials/footer.hbs": `${footer} ` }), "templates", new Map()).theme!.render("article", fakeArticleContext())).not.toContain("EARLIER");
  });
});

describe("labelsFor", () => {
  it("has Vietnamese labels with diacritics", () => {
    const vi = labelsFor("vi");
    expect(vi.recentNews).toBe("Tin tức");
    expect(vi.otherNews).toBe("Tin khác");
    expect(labelsFor("vi-VN").home).toBe("Trang chủ");
  });

  it("falls back to English for unknown languages", () => {
    expect(labelsFor("fr")).toEqual(labelsFor("en"));
    expect(labelsFor("fr").recentNews).toBe("Recent news");
    expect(labelsFor("").otherNews).toBe("Other news");
  });

  it("defines the same keys in every language", () => {
    expect(Object.keys(labelsFor("vi")).sort()).toEqual(Object.keys(labelsFor("en")).sort());
  });
});

describe("pages rendered to bytes", () => {
  it("give the bytes of the page text, for every built-in page, first and again", () => {
    const theme = builtinTheme();
    const contexts: [string, ReturnType<typeof fakeArticleContext>][] = [
      ["article", fakeArticleContext()],
      ["listing", fakeListingContext()],
      ["404", fakeArticleContext({ article: undefined })],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [name, context] of contexts) {
        const bytes = theme.renderBytes(name, context);
        expect(bytes.equals(Buffer.from(theme.render(name, context))), `${name}, round ${round}`).toBe(true);
        expect(bytes.includes(0)).toBe(false);
      }
    }
  });

  it("keep a NUL of the page's own text, and give the same bytes as the text", () => {
    const theme = builtinTheme();
    const context = fakeArticleContext();
    context.article!.html = "<p>a\u0000b</p><p>\u00000\u0000</p>";
    const bytes = theme.renderBytes("article", context);
    expect(bytes.equals(Buffer.from(theme.render("article", context)))).toBe(true);
    expect(bytes.toString("utf8")).toContain("<p>a\u0000b</p><p>\u00000\u0000</p>");
  });

  it("never keep a mark in the HTML a shared partial keeps, even one holding another", () => {
    const dir = overrideFolder({
      "partials/footer.hbs": "<footer>{{> footer-inner}}</footer>\n",
      "partials/footer-inner.hbs": "<small>{{site.title}}</small>",
    });
    const { theme } = loadTheme(builtinDir, dir, "templates");
    const context = fakeArticleContext();
    // Bytes first: the footer and its inner partial are rendered (and kept) during a render with marks.
    const bytes = theme!.renderBytes("article", context);
    const text = theme!.render("article", context);
    expect(text).toContain("<footer><small>Cổng thông tin điện tử huyện Sa Pa</small></footer>");
    expect(text).not.toContain("\u0000");
    expect(bytes.equals(Buffer.from(text))).toBe(true);
  });
});

describe("partials whose HTML is reused", () => {
  it("are, in the built-in theme, the header, sidebar and footer with what they hold, and the article card", () => {
    const theme = builtinTheme();
    expect([...theme.reused.perState].sort()).toEqual(["analytics", "footer", "head-extra", "header", "nav-items", "search-box", "sidebar", "visitor-counter"]);
    expect([...theme.reused.perContext]).toEqual(["article-card"]);
  });

  it("are found from the templates as written, whichever was compiled first", () => {
    // The compiler adds a context parameter to every `{{> name}}` of the tree it compiles; a second theme
    // from the same sources (compiled once per process) must still see calls without parameters.
    builtinTheme();
    expect(builtinTheme().reused.perState.has("header")).toBe(true);
  });
});
