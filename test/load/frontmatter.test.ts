import { describe, expect, it } from "vitest";
import matter from "gray-matter";
import { fileSlugSource, parseArticle, splitFrontMatter } from "../../src/load/frontmatter.js";

const file = { contentPath: "2024/2024-07-26-hoi-thao.md", displayPath: "content/2024/2024-07-26-hoi-thao.md", sitePath: "content/2024/2024-07-26-hoi-thao.md" };
const config = { timezone: "Asia/Ho_Chi_Minh" };
const parse = (text: string) => parseArticle(text, file, config);

describe("parseArticle", () => {
  it("reads every documented field", () => {
    const { article, diagnostics } = parse(`---
title: Hội thảo “Sinh kế” năm 2024
date: 2024-07-26T09:00:00+07:00
updated: 2024-07-27
authors: [Tuấn Nguyễn, {name: Hoàng Luyến, url: "https://example.org/hl"}]
source: Trung tâm VH,TT-TT Sa Pa
category: Tin tức
tags: [sinh kế, phụ nữ]
summary: Tóm tắt.
cover: {src: images/a.png, alt: Toàn cảnh, caption: Toạ đàm.}
images:
  - {src: images/b.png, alt: Phát biểu, caption: Bà Bùi Lan Anh phát biểu.}
slug: hoi-thao-sinh-ke
layout: special
highlight: yes
---
Body line.
`);
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({
      title: "Hội thảo “Sinh kế” năm 2024",
      date: Date.UTC(2024, 6, 26, 2),
      updated: Date.UTC(2024, 6, 26, 17),
      authors: [{ name: "Tuấn Nguyễn" }, { name: "Hoàng Luyến", url: "https://example.org/hl" }],
      source: "Trung tâm VH,TT-TT Sa Pa",
      category: "Tin tức",
      tags: ["sinh kế", "phụ nữ"],
      summary: "Tóm tắt.",
      cover: { src: "images/a.png", alt: "Toàn cảnh", caption: "Toạ đàm." },
      images: [{ src: "images/b.png", alt: "Phát biểu", caption: "Bà Bùi Lan Anh phát biểu." }],
      slug: "hoi-thao-sinh-ke",
      layout: "special",
      draft: false,
      data: { highlight: "yes" },
      body: "Body line.\n",
      bodyLine: 17,
    });
    expect(article!.fieldLines.cover).toBe(10);
  });

  it("reads a date without offset in the site timezone, not UTC", () => {
    const { article } = parse("---\ntitle: A\ndate: 2024-07-26\n---\n");
    expect(article!.date).toBe(Date.UTC(2024, 6, 25, 17));
    const { article: b } = parse('---\ntitle: A\ndate: "2024-07-26 09:00"\n---\n');
    expect(b!.date).toBe(Date.UTC(2024, 6, 26, 2));
  });

  it("takes the slug from the file name without its date prefix", () => {
    expect(parse("---\ntitle: A\ndate: 2024-07-26\n---\n").article!.slug).toBe("hoi-thao");
    expect(fileSlugSource("2024/2024-07-26-Hội-thảo.md")).toBe("Hội-thảo");
  });

  it("accepts a single author", () => {
    expect(parse("---\ntitle: A\ndate: 2024-07-26\nauthor: Đặng Văn Đức\n---\n").article!.authors).toEqual([{ name: "Đặng Văn Đức" }]);
  });

  it("reports broken YAML with the file line and column", () => {
    const { article, diagnostics } = parse("---\ntitle: A\ndate: [2024\nfoo: 1\n---\nbody\n");
    expect(article).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "yaml", file: "content/2024/2024-07-26-hoi-thao.md", line: 3, column: 7 });
  });

  it("reports a missing title and a missing date together", () => {
    const { diagnostics } = parse("---\ncategory: Tin tức\n---\n");
    expect(diagnostics.map((d) => d.message)).toEqual(['missing required field "title"', 'missing required field "date"']);
    expect(diagnostics.every((d) => d.file === file.displayPath && d.severity === "error")).toBe(true);
  });

  it("reports an impossible date on the line of the date field", () => {
    const { diagnostics } = parse("---\ntitle: A\n\ndate: 2024-02-30\n---\n");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.line).toBe(4);
    expect(diagnostics[0]!.message).toContain('"date"');
  });

  it("reports wrong types naming the field", () => {
    const { diagnostics } = parse("---\ntitle: [a, b]\ndate: 2024-07-26\ncategory: [a, b]\ndraft: maybe\ncover: 5\n---\n");
    expect(diagnostics.map((d) => [d.line, d.message.split(" ").slice(0, 2).join(" ")])).toEqual([
      [2, 'field "title"'],
      [4, 'field "category"'],
      [6, 'field "cover"'],
      [5, 'field "draft"'],
    ]);
  });

  it("reports a title that cannot make a slug", () => {
    const text = "---\ntitle: “”\ndate: 2024-07-26\nslug: “”\n---\n";
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 4 });
    expect(diagnostics[0]!.message).toContain("cannot make a URL slug");
  });

  it("reports a category name that cannot make a slug", () => {
    const { diagnostics } = parse("---\ntitle: A\ndate: 2024-07-26\ncategory: “…”\n---\n");
    expect(diagnostics[0]).toMatchObject({ line: 4 });
  });

  it("treats a file without front-matter as missing its title and date", () => {
    const { diagnostics } = parse("Just text\n");
    expect(diagnostics.map((d) => d.line)).toEqual([1, 1]);
  });
});

describe("splitFrontMatter", () => {
  // What gray-matter gives for the whole text is the reference: the build hands it the block alone.
  const cases = [
    "---\ntitle: A\n---\nBody\n",
    "---\r\ntitle: A\r\n---\r\nBody\r\n",
    "---\ntitle: A\n---\n\nBody after a blank line\n",
    "---\ntitle: A\n---\r\r\nTwo CRs\n",
    "---\ntitle: A\n---",
    "---\ntitle: A\n---\n",
    "---\ntitle: A\n---x trailing on the closing line\nBody\n",
    "---\ntitle: A\n----\nFour dashes close it too\n",
    "---yaml\ntitle: A\n---\nWith a language\n",
    "---\n---\nEmpty block\n",
    "---\ntitle: A\n---\nBody\n---\nA rule later\n",
  ];
  it.each(cases)("cuts %j where gray-matter does", (text) => {
    const split = splitFrontMatter(text)!;
    expect(split).toBeDefined();
    const whole = matter(text, {});
    const block = matter(text.slice(0, split.end), {});
    expect(text.slice(split.bodyStart)).toBe(whole.content);
    expect(block.matter).toBe(whole.matter);
    expect(block.data).toEqual(whole.data);
  });
  it.each(["No front-matter\n", "----\ntitle: A\n---\n", "---\ntitle: A\nnever closed\n", ""])("leaves %j to gray-matter", (text) => {
    expect(splitFrontMatter(text)).toBeUndefined();
  });
  it("gives the body and its line as before", () => {
    const { article } = parse("---\r\ntitle: T\r\ndate: 2024-01-02\r\n---\r\n\r\nBody\r\n");
    expect(article).toMatchObject({ body: "\r\nBody\r\n", bodyLine: 5 });
  });
});
