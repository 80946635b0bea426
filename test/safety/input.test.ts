import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, listTree, makeSite, read } from "../helpers/site.js";
import { at, check, errors, FORBIDDEN, parseXmlStrictly, tryBuild } from "./helpers.js";

const CONFIG = "title: Tin\nbaseUrl: https://example.org/\n";

describe("control characters (issue 10, case 3)", () => {
  it("never reach HTML or XML, and build and check warn at the line", async () => {
    const root = makeSite({
      "gazette.config.yaml": CONFIG + "description: \"Mô tả\\x01\"\n",
      "content/tin.md": `---\ntitle: Thông báo\u000B lịch nghỉ\u0007 Tết\ndate: 2024-01-01\nauthor: "Tuấn\\x01 Nguyễn"\ntags: [a\u0001b]\n---\nĐoạn một\u000B dòng hai\u0007.\n\nĐoạn \u001B hai \u007F ba.\n`,
    });
    const built = await tryBuild(root);
    expect(built.ok).toBe(true);
    const out = join(root, "public");
    for (const file of listTree(out).filter((f) => /\.(html|xml|txt)$/.test(f))) {
      expect(FORBIDDEN.test(read(out, file)), file).toBe(false);
    }
    parseXmlStrictly(read(out, "feed.xml"));
    parseXmlStrictly(read(out, "sitemap.xml"));
    expect(read(out, "feed.xml")).toContain("<title>Thông báo  lịch nghỉ Tết</title>");
    const warned = built.diagnostics.filter((d) => d.code === "control-character").map(at);
    expect(warned).toEqual(expect.arrayContaining(["content/tin.md:2 control-character", "content/tin.md:4 control-character", "content/tin.md:5 control-character", "content/tin.md:7 control-character", "content/tin.md:9 control-character"]));
    expect(warned.some((w) => w.startsWith("gazette.config.yaml:"))).toBe(true);
    const checked = (await check(root)).filter((d) => d.code === "control-character").map(at);
    expect(checked.sort()).toEqual(warned.sort());
  });

  it("never reach a page through a character reference in Markdown or a character in a template", async () => {
    const root = makeSite({
      "gazette.config.yaml": CONFIG,
      "content/tin.md": article({ title: "Tin", date: "2024-01-01" }, "Chuông &#7; và tab dọc &#x0B; trong bài.\n\nĐoạn hai.\n"),
      "templates/partials/head-extra.hbs": "<meta name=\"x\" content=\"a\u0007b\">\n",
    });
    const built = await tryBuild(root);
    expect(errors(built.diagnostics)).toEqual([]);
    const out = join(root, "public");
    for (const file of listTree(out).filter((f) => /\.(html|xml|txt)$/.test(f))) {
      expect(FORBIDDEN.test(read(out, file)), file).toBe(false);
    }
    // CommonMark turns a reference to a control character into U+FFFD.
    expect(read(out, "tin/index.html")).toContain("<p>Chuông \uFFFD và tab dọc \uFFFD trong bài.</p>");
    expect(read(out, "tin/index.html")).toContain('<meta name="x" content="ab">');
  });

  it("reads a file with old Mac line ends (lone carriage returns) as lines", async () => {
    const root = makeSite({ "gazette.config.yaml": CONFIG, "content/mac.md": "---\rtitle: Mac\rdate: 2024-01-01\r---\rDòng một.\r\rĐoạn hai.\r" });
    const built = await tryBuild(root);
    expect(errors(built.diagnostics)).toEqual([]);
    expect(read(join(root, "public"), "mac/index.html")).toContain("<p>Đoạn hai.</p>");
  });
});

describe("deep or pathological Markdown (issue 10, case 4)", () => {
  const bodies: [string, string, string][] = [
    ["1,000 nested lists", "- ".repeat(1000) + "x\n", "markdown-too-deep"],
    ["1,500 nested quotes", ">".repeat(1500) + " x\n", "markdown-too-deep"],
    ["4,000 crossed emphasis markers", "*a ".repeat(4000) + "x" + " a*".repeat(4000) + "\n", "markdown-too-complex"],
  ];
  for (const [name, body, code] of bodies) {
    it(`refuses ${name} with an error at the file and line, in build (main thread and a worker) and check`, async () => {
      const root = makeSite({ "gazette.config.yaml": CONFIG, "content/sau.md": article({ title: "Sâu", date: "2024-01-01" }, `Mở đầu.\n\n${body}`), "content/ok.md": article({ title: "Ổn", date: "2024-01-02" }) });
      for (const workers of [0, 1]) {
        const built = await tryBuild(root, { workers, cache: false });
        expect(built.ok).toBe(false);
        expect(errors(built.diagnostics).map(at)).toEqual([`content/sau.md:7 ${code}`]);
      }
      expect(errors(await check(root)).map(at)).toEqual([`content/sau.md:7 ${code}`]);
    });
  }

  it("still renders ordinary nesting and emphasis", async () => {
    const body = "- a\n  - b\n    > c *d* **e** [f](https://example.org)\n\n" + "Chữ *nghiêng* và **đậm** ".repeat(40) + "\n";
    const root = makeSite({ "gazette.config.yaml": CONFIG, "content/tin.md": article({ title: "Tin", date: "2024-01-01" }, body) });
    const built = await tryBuild(root);
    expect(errors(built.diagnostics)).toEqual([]);
    expect(read(join(root, "public"), "tin/index.html")).toContain("<blockquote>");
  });
});

describe("YAML aliases (issue 10, case 5)", () => {
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`)].join("\n");

  it("an alias bomb is an error at the first alias, with and without the cache", async () => {
    const root = makeSite({ "gazette.config.yaml": CONFIG, "content/bom.md": `---\ntitle: Bom\ndate: 2024-01-01\n${bomb}\n---\nThân bài.\n` });
    for (const cache of [true, false]) {
      const built = await tryBuild(root, { cache });
      expect(built.ok).toBe(false);
      expect(errors(built.diagnostics).map(at)).toEqual(["content/bom.md:5 yaml"]);
      expect(built.diagnostics[0]!.key).toBe("yaml.aliases");
    }
    expect(errors(await check(root)).map(at)).toEqual(["content/bom.md:5 yaml"]);
  });
});

describe("names too long for the file system (issue 10, case 6)", () => {
  it("a 300-character slug and a 400-byte tag are front-matter errors at their lines, in check as in build", async () => {
    const root = makeSite({
      "gazette.config.yaml": CONFIG,
      "content/dai.md": article({ title: "Dài", date: "2024-01-01", slug: "a".repeat(300) }),
      "content/the.md": article({ title: "Thẻ", date: "2024-01-02", tags: `[ngắn, "${"Đường ".repeat(57)}"]` }),
      "content/tac-gia.md": article({ title: "Tác giả", date: "2024-01-03", author: "Nguyễn ".repeat(40) }),
    });
    const expected = ["content/dai.md:4 front-matter", "content/tac-gia.md:4 front-matter", "content/the.md:4 front-matter"];
    const built = await tryBuild(root);
    expect(built.ok).toBe(false);
    expect(errors(built.diagnostics).map(at).sort()).toEqual(expected);
    expect(errors(await check(root)).map(at).sort()).toEqual(expected);
  });
});

describe("template errors in partials (issue 10, case 7)", () => {
  it("names the partial that has the error, with its line, and the page template being rendered", async () => {
    const root = makeSite({
      "gazette.config.yaml": CONFIG,
      "content/tin.md": article({ title: "Tin", date: "2024-01-01" }),
      "templates/partials/head-extra.hbs": "<meta name=\"x\">\n{{#if}}x{{/if}}\n",
    });
    const built = await tryBuild(root);
    expect(built.ok).toBe(false);
    const found = errors(built.diagnostics);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(at(d)).toBe("templates/partials/head-extra.hbs:2 template");
      expect(d.message).toMatch(/#if requires exactly one argument \(in templates\/partials\/head-extra\.hbs, while rendering page template .*templates\/(404|article|listing|search)\.hbs\)/);
    }
  });
});

describe("a config that is not a readable file (issue 10, case 8)", () => {
  it("a folder in its place is an error naming it", async () => {
    const root = makeSite({ "content/tin.md": article({ title: "Tin", date: "2024-01-01" }) });
    mkdirSync(join(root, "gazette.config.yaml"));
    const built = await tryBuild(root);
    expect(built.ok).toBe(false);
    expect(errors(built.diagnostics).map(at)).toEqual(["gazette.config.yaml: config"]);
    expect(errors(built.diagnostics)[0]!.message).toContain("is a folder");
    expect(errors(await check(root)).map(at)).toEqual(["gazette.config.yaml: config"]);
  });

  it("a dangling symbolic link is an error naming it and its target", async () => {
    const root = makeSite({ "content/tin.md": article({ title: "Tin", date: "2024-01-01" }) });
    symlinkSync("shared/gazette.config.yaml", join(root, "gazette.config.yaml"));
    const built = await tryBuild(root);
    expect(built.ok).toBe(false);
    expect(errors(built.diagnostics).map(at)).toEqual(["gazette.config.yaml: config"]);
    expect(errors(built.diagnostics)[0]!.message).toContain("shared/gazette.config.yaml, which does not exist");
    expect(readFileSync(join(root, "content/tin.md"), "utf8")).toContain("Tin");
  });
});
