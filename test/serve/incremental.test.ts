import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SiteSession } from "../../src/serve/session.js";
import { mulberry32, randomCases } from "../helpers/random.js";
import { PNG, article, makeSite } from "../helpers/site.js";
import { Editor, NOW, expectCleanBuild, lines, newsSiteFiles } from "./helpers.js";

async function open(files = newsSiteFiles(), options: { drafts?: boolean; future?: boolean } = {}) {
  const root = makeSite(files);
  const { session, report } = await SiteSession.open({ source: root, cwd: root, now: () => NOW, ...options });
  return { root, session, report, edit: new Editor(root) };
}

const HOI_THAO = "content/2024/2024-07-26-hoi-thao.md";
const read = (root: string, path: string) => readFileSync(join(root, path), "utf8");

describe("a serve session", () => {
  it("builds in memory what a clean build writes", async () => {
    const { root, session, report } = await open();
    expect(report.ok).toBe(true);
    expect(report.totalPages).toBeGreaterThan(10);
    expect(report.pages).toBeLessThan(report.totalPages); // the rest render when requested
    await expectCleanBuild(session, root);
  });

  it("re-renders only the edited body and the pages that show it", async () => {
    const { root, session, edit } = await open();
    await expectCleanBuild(session, root); // every page rendered once
    const report = await edit.write(HOI_THAO, read(root, HOI_THAO).replace("Xem thêm", "Đọc thêm")).apply(session);
    expect(report).toMatchObject({ ok: true, changed: { articles: 1 }, bodies: 1, pages: 1 });
    expect(session.lookup("hoi-thao/index.html")).toMatchObject({ html: expect.stringContaining("Đọc thêm") });
    await expectCleanBuild(session, root);
  });

  it("updates listings, feed and summaries when a first paragraph changes", async () => {
    const { root, session, edit } = await open();
    await expectCleanBuild(session, root);
    const report = await edit.write(HOI_THAO, read(root, HOI_THAO).replace("Đoạn mở đầu của bài.", "Mở đầu mới.")).apply(session);
    expect(report.pages).toBeGreaterThan(1);
    expect(session.lookup("index.html")).toMatchObject({ html: expect.stringContaining("Mở đầu mới.") });
    await expectCleanBuild(session, root);
  });

  it("follows front-matter edits: title, date, category, tags, authors, slug, draft, layout", async () => {
    const { root, session, edit } = await open();
    const original = read(root, HOI_THAO);
    const steps = [
      original.replace("Hội thảo “Sinh kế” năm 2024", "Hội thảo đổi tên"),
      original.replace("2024-07-26T09:00:00+07:00", "2021-01-01"),
      original.replace("category: Tin tức", "category: Văn hóa - Du lịch"),
      original.replace("tags: [sinh kế, phụ nữ]", "tags: [du lịch]"),
      original.replace("authors: [Tuấn Nguyễn, Hoàng Luyến]", "author: Lò Thị Mai"),
      original.replace("title:", "slug: hoi-thao-moi\ntitle:"),
      original.replace("title:", "draft: true\ntitle:"),
      original.replace("title:", "layout: 404\ntitle:"),
      original,
    ];
    let previous = session.output();
    for (const text of steps) {
      await edit.write(HOI_THAO, text).apply(session);
      previous = await expectCleanBuild(session, root, {}, previous); // a draft breaks the link to it: the last good site stays
    }
  });

  it("follows added, renamed and deleted articles, and links between them", async () => {
    const { root, session, edit } = await open();
    await edit.write("content/2025/2025-01-02-moi.md", article({ title: "Tin mới nhất", date: "2025-01-02", category: "Tin tức", tags: "[phụ nữ]" })).apply(session);
    await expectCleanBuild(session, root);
    // Renaming the linked-to article breaks the link: the last good site stays, with the clean build's errors.
    const good = session.output();
    const broken = await edit.rename("content/2023/2023-05-02-thong-bao.md", "content/2023/2023-05-03-thong-bao-moi.md").apply(session);
    expect(broken.ok).toBe(false);
    expect(lines(broken.diagnostics).join("\n")).toContain("link to missing article: ../2023/2023-05-02-thong-bao.md [broken-link]");
    await expectCleanBuild(session, root, {}, good);
    await edit.write(HOI_THAO, read(root, HOI_THAO).replace("2023-05-02-thong-bao.md", "2023-05-03-thong-bao-moi.md")).apply(session);
    await expectCleanBuild(session, root);
    await edit.remove("content/2025/2025-01-02-moi.md").apply(session);
    await expectCleanBuild(session, root);
    await edit.remove("content/2023").apply(session);
    await expectCleanBuild(session, root, {}, session.output());
  });

  it("re-renders a body that linked to a missing article once that article exists", async () => {
    const { root, session, edit } = await open();
    const good = session.output();
    await edit.write("content/2025/a.md", article({ title: "A", date: "2025-01-01" }, "Xem [B](b.md).\n")).apply(session);
    await expectCleanBuild(session, root, {}, good);
    const report = await edit.write("content/2025/b.md", article({ title: "B", date: "2025-01-02" })).apply(session);
    expect(report.ok).toBe(true);
    expect(session.lookup("a/index.html")).toMatchObject({ html: expect.stringContaining('href="/b/"') });
    await expectCleanBuild(session, root);
  });

  it("follows images: referenced before they exist, added, removed", async () => {
    const { root, session, edit } = await open();
    const good = session.output();
    await edit.write(HOI_THAO, read(root, HOI_THAO) + "\n![Ảnh mới](images/c.png)\n").apply(session);
    await expectCleanBuild(session, root, {}, good);
    expect((await edit.write("content/2024/images/c.png", PNG).apply(session)).ok).toBe(true);
    await expectCleanBuild(session, root);
    const before = session.output();
    expect((await edit.remove("content/images/a.png").apply(session)).ok).toBe(false); // the cover is gone
    await expectCleanBuild(session, root, {}, before);
    await edit.write("content/images/a.png", PNG).apply(session);
    expect((await edit.remove("content/2024/images/c.png").apply(session)).ok).toBe(false);
    await expectCleanBuild(session, root, {}, session.output());
  });

  it("re-renders every page with the theme when a partial changes, and reports template errors", async () => {
    const { root, session, edit } = await open();
    await expectCleanBuild(session, root);
    const footer = readFileSync(join(import.meta.dirname, "..", "..", "templates", "partials", "footer.hbs"), "utf8");
    await edit.write("templates/partials/footer.hbs", footer.replace("</footer>", "<p>Chân trang riêng</p></footer>")).apply(session);
    expect(session.lookup("le-hoi/index.html")).toMatchObject({ html: expect.stringContaining("Chân trang riêng") });
    await expectCleanBuild(session, root);
    const good = session.output();
    const report = await edit.write("templates/partials/footer.hbs", "{{#if site.title}}\n<p>oops</p>\n").apply(session);
    expect(report.ok).toBe(false);
    await expectCleanBuild(session, root, {}, good);
    await edit.write("templates/special.hbs", "<p>{{page.title}}</p>\n").remove("templates/partials/footer.hbs").apply(session);
    await edit.write(HOI_THAO, read(root, HOI_THAO).replace("title:", "layout: special\ntitle:")).apply(session);
    expect(session.lookup("hoi-thao/index.html")).toMatchObject({ html: "<p>Hội thảo “Sinh kế” năm 2024</p>\n" });
    await expectCleanBuild(session, root);
    await edit.remove("templates/special.hbs").apply(session); // unknown layout now
    await expectCleanBuild(session, root, {}, session.output());
  });

  it("reports a template error found only when a page is requested, like a clean build would", async () => {
    const { root, session, edit } = await open();
    const listing = readFileSync(join(import.meta.dirname, "..", "..", "templates", "listing.hbs"), "utf8");
    await edit.write("templates/listing.hbs", `{{#if (eq page.url "/tags/sinh-ke/")}}{{> nope}}{{/if}}\n${listing}`).apply(session);
    const problems: string[] = [];
    session.onPageProblem = (d) => problems.push(lines([d])[0]!);
    expect(session.lookup("tags/sinh-ke/index.html")).toMatchObject({ kind: "page", status: 500 });
    expect(session.lookup("tags/sinh-ke/index.html")).toMatchObject({ status: 500 });
    expect(problems).toEqual(['templates/listing.hbs:1:39: error: partial "nope" not found (no templates/partials/nope.hbs) [template]']);
    await expectCleanBuild(session, root, {}, session.output());
  });

  it("rebuilds everything when the config changes, base path included", async () => {
    const { root, session, edit } = await open();
    const configs = [
      "title: Tin mới\nbaseUrl: https://example.org/tin/\nperPage: 3\nlanguage: en\n",
      "title: Không baseUrl\nperPage: 1\nmarkdown:\n  allowHtml: true\n",
      "title: Sai\ncolour: blue\n",
      "title: Lại đúng\nbaseUrl: https://example.org/\n",
    ];
    let good = session.output();
    for (const config of configs) {
      await edit.write("gazette.config.yaml", config).apply(session);
      good = await expectCleanBuild(session, root, {}, good);
    }
    expect(session.basePath).toBe("/");
    await edit.remove("gazette.config.yaml").apply(session);
    await expectCleanBuild(session, root);
  });

  it("serves static files as they come and go, and reports paths claimed twice", async () => {
    const { root, session, edit } = await open();
    await edit.write("static/data/report.json", "{}\n").apply(session);
    await expectCleanBuild(session, root);
    const good = session.output();
    await edit.write("static/robots.txt", "User-agent: *\n").apply(session);
    await expectCleanBuild(session, root, {}, good);
    await edit.remove("static/robots.txt").remove("static/files").apply(session);
    await expectCleanBuild(session, root);
  });

  it("keeps the last good site while a file is broken, and recovers when it is fixed", async () => {
    const { root, session, edit } = await open();
    const good = await expectCleanBuild(session, root);
    const original = read(root, HOI_THAO);
    const report = await edit.write(HOI_THAO, "---\ntitle: [Hội thảo\n---\nx\n").apply(session);
    expect(report.ok).toBe(false);
    expect(lines(report.diagnostics)).toContain(
      "content/2024/2024-07-26-hoi-thao.md:2:8: error: the [ opened on this line is never closed: end the list with ] on the same line [yaml]",
    );
    await expectCleanBuild(session, root, {}, good);
    await edit.write(HOI_THAO, original.replace("Đoạn mở đầu", "Đoạn đã sửa")).apply(session);
    await expectCleanBuild(session, root);
  });

  it("builds drafts and future articles when asked", async () => {
    const { root, session, edit } = await open(newsSiteFiles(), { drafts: true, future: true });
    await expectCleanBuild(session, root, { drafts: true, future: true });
    await edit.write("content/2022/2022-06-01-nhap.md", article({ title: "Bản nháp sửa", date: "2022-06-01", draft: "true" })).apply(session);
    await expectCleanBuild(session, root, { drafts: true, future: true });
  });

  it("publishes a future article once its date has come, at the next rebuild", async () => {
    const root = makeSite(newsSiteFiles());
    let now = Date.UTC(2027, 1, 28, 16, 0); // 23:00 on 28/02/2027 in Vietnam
    const { session } = await SiteSession.open({ source: root, cwd: root, now: () => now });
    expect(session.has("sap-toi/index.html")).toBe(false);
    now = Date.UTC(2027, 1, 28, 17, 0); // midnight: 01/03/2027 has begun
    await new Editor(root).write(HOI_THAO, read(root, HOI_THAO).replace("Xem thêm", "Đọc thêm")).apply(session);
    expect(session.has("sap-toi/index.html")).toBe(true);
  });

  it("equals a clean build after any sequence of edits, additions, renames and deletions", async () => {
    const { root, session, edit } = await open();
    const next = mulberry32(7);
    const random = (n: number) => Math.floor(next() * n);
    const names = ["a", "b", "c", "d", "e", "f"];
    const live = new Map<string, string>(); // name → path
    const categories = ["Tin tức", "Thông báo", "Kinh tế"];
    const text = (name: string, n: number) =>
      article(
        { title: `Bài ${name} ${n}`, date: `2025-0${1 + random(9)}-1${random(10)}`, category: categories[random(3)]!, tags: `[thẻ ${random(4)}]` },
        `Mở đầu ${n}.\n\n${random(2) ? `[liên kết](${[...live.values()][0]?.replace("content/2025/", "") ?? "x.md"})\n` : "Không liên kết.\n"}`,
      );
    let previous = session.output();
    // The first steps of the seeded sequence: with seed 7, 15 steps add, edit, rename and delete (GAZETTE_RANDOM_CASES for more).
    for (let step = 0, steps = randomCases(15); step < steps; step++) {
      const name = names[random(names.length)]!;
      const path = live.get(name);
      const action = random(4);
      if (!path) {
        live.set(name, `content/2025/${name}.md`);
        edit.write(`content/2025/${name}.md`, text(name, step));
      } else if (action === 0) {
        const to = `content/2025/${name}-${step}.md`;
        edit.rename(path, to);
        live.set(name, to);
      } else if (action === 1) {
        edit.remove(path);
        live.delete(name);
      } else edit.write(path, text(name, step));
      await edit.apply(session);
      previous = await expectCleanBuild(session, root, {}, previous);
    }
  });
});
