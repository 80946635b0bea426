import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";
import { PNG, article, listTree, makeSite, read, writeFiles } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);

async function failures(root: string, options: { baseUrl?: string } = {}): Promise<Diagnostic[]> {
  try {
    await build({ source: root, now: NOW, cwd: root, ...options });
  } catch (cause) {
    if (cause instanceof BuildFailure) return cause.diagnostics.filter((d) => d.severity === "error");
    throw cause;
  }
  throw new Error("the build should have failed");
}

const where = (d: Diagnostic) => `${d.file}:${d.line ?? ""}:${d.column ?? ""} ${d.code}`;

describe("a site with mistakes", () => {
  it("reports every problem of the build together, each with its file and line", async () => {
    const root = makeSite({
      "gazette.config.yaml": "title: A\ncolour: blue\n",
      "content/ok.md": article({ title: "Ok", date: "2024-01-01" }, "Xem [bài](missing.md) và ![ảnh lỗi](images/nope.png)\n"),
      "content/yaml.md": "---\ntitle: A\ndate: [2024\n---\n",
      "content/notitle.md": "---\ndate: 2024-01-01\n---\n",
      "content/baddate.md": "---\ntitle: A\ndate: 2024-02-30\n---\n",
      "content/cover.md": article({ title: "C", date: "2024-01-01", cover: "{src: images/none.png, alt: x}" }),
      "content/wrong.md": "---\ntitle: A\ndate: 2024-01-01\ntags: {a: 1}\n---\n",
    });
    const found = (await failures(root)).map(where).sort();
    expect(found).toEqual([
      "content/baddate.md:3: front-matter",
      "content/cover.md:4: missing-image",
      "content/notitle.md:1: front-matter",
      "content/ok.md:5:26 missing-image",
      "content/ok.md:5:5 broken-link",
      "content/wrong.md:4: front-matter",
      "content/yaml.md:3:7 yaml",
      "gazette.config.yaml:2: config",
    ]);
  });

  it("names both files when two articles claim one URL", async () => {
    const root = makeSite({
      "content/2023/2023-01-01-tin.md": article({ title: "A", date: "2023-01-01" }),
      "content/2024/2024-01-01-tin.md": article({ title: "B", date: "2024-01-01" }),
    });
    const [d] = await failures(root);
    expect(d).toMatchObject({ code: "duplicate-url", file: "content/2024/2024-01-01-tin.md" });
    expect(d!.message).toContain("content/2023/2023-01-01-tin.md");
  });

  it("names the static file and the page that claim one output path", async () => {
    const root = makeSite({ "content/tin.md": article({ title: "A", date: "2023-01-01" }), "static/tin/index.html": "x" });
    const [d] = await failures(root);
    expect(d!.code).toBe("duplicate-url");
    expect(d!.message).toContain("content/tin.md");
    expect(d!.message).toContain("static/tin/index.html");
  });

  it("reports an unknown layout on its line", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2023-01-01", layout: "nope" }) });
    expect((await failures(root)).map(where)).toEqual(["content/a.md:4: layout"]);
  });

  it("reports a template syntax error with its file and line", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2023-01-01" }), "templates/partials/footer.hbs": "<footer>\n{{ foo bar= }}\n</footer>\n" });
    const [d] = await failures(root);
    expect(d).toMatchObject({ code: "template", file: "templates/partials/footer.hbs", line: 2 });
  });

  it("leaves the previous output untouched when a build fails", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2023-01-01" }), "content/i.png": PNG });
    await build({ source: root, now: NOW });
    const before = listTree(`${root}/public`).map((p) => [p, read(`${root}/public`, p)]);
    writeFiles(root, { "content/b.md": "---\ntitle: [\n---\n" });
    await failures(root);
    expect(listTree(`${root}/public`).map((p) => [p, read(`${root}/public`, p)])).toEqual(before);
  });

  it("escapes front-matter values and drops raw HTML from Markdown", async () => {
    const root = makeSite({
      "content/a.md": article({ title: '"<script>alert(1)</script>"', date: "2023-01-01", category: '"<b>x</b>"' }, "Text <script>alert(2)</script> and <iframe src=x></iframe>\n"),
    });
    await build({ source: root, now: NOW });
    const html = read(`${root}/public`, "a/index.html");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<iframe");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });
});
