/**
 * The search stage's pure parts: folding and tokenising Vietnamese, the text
 * of a Markdown body, an article's terms, the id encoding, and how the index
 * is split into shards and files.
 */
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/model/site.js";
import { validateConfig } from "../../src/load/config.js";
import { accentKey, fold, hasAccents, tokenize, TokenTable } from "../../src/search/fold.js";
import { postingTable, shardFileName, shardTerms, SHARD_BUDGET } from "../../src/search/index-files.js";
import { decodeIds, encodeIds } from "../../src/search/postings.js";
import { searchFiles } from "../../src/search/search.js";
import { articleTerms, type ArticleTerms } from "../../src/search/terms.js";
import { firstParagraphText, markdownWords } from "../../src/search/text.js";
import type { LoadedArticle } from "../../src/types.js";

function loaded(fields: Partial<LoadedArticle> & { title: string; slug: string }): LoadedArticle {
  return {
    contentPath: `${fields.slug}.md`, displayPath: `content/${fields.slug}.md`, sitePath: `content/${fields.slug}.md`,
    date: Date.UTC(2024, 6, 26), authors: [], tags: [], images: [], draft: false, layout: "article", data: {},
    body: "", bodyLine: 1, fieldLines: {},
    ...fields,
  };
}

describe("folding and tokenising", () => {
  it("folds case, tone and shape marks, and đ/Đ to d", () => {
    expect(fold("Hội thảo")).toBe("hoi thao");
    expect(fold("Đường")).toBe("duong");
    expect(fold("đường")).toBe("duong");
    expect(fold("ĐẠI HỘI ĐẢNG")).toBe("dai hoi dang");
    expect(fold("Thể thao")).toBe("the thao");
    expect(fold("Ưu tiên")).toBe("uu tien");
  });

  it("gives one accent key to both tone placements and tells accents apart", () => {
    expect(accentKey("hóa")).toBe(accentKey("hoá"));
    expect(accentKey("thủy")).toBe(accentKey("thuỷ"));
    expect(accentKey("Thảo")).toBe("thảo");
    expect(accentKey("thảo")).not.toBe(accentKey("thao"));
    expect(accentKey("Đường")).toBe("đường");
    expect(accentKey("hóa")).toBe("hoá");
    expect(accentKey("thủy")).toBe("thuỷ");
    for (const word of ["gì", "giá", "quý", "người", "ngoài", "khuya", "hỏi", "thuộc", "Đảng"]) expect(accentKey(word)).toBe(word.toLowerCase());
    expect(hasAccents("thảo")).toBe(true);
    expect(hasAccents("Đ")).toBe(true);
    expect(hasAccents("Thao")).toBe(false);
  });

  it("splits text into runs of letters and digits, composing decomposed text first", () => {
    expect(tokenize("Hội thảo “Sinh kế” năm 2024 (số 1.234)!")).toEqual(["Hội", "thảo", "Sinh", "kế", "năm", "2024", "số", "1", "234"]);
    // As macOS writes file names and some editors text: letters and combining marks apart.
    expect(tokenize("Ho\u0302\u0323i tha\u0309o")).toEqual(["Hội", "thảo"]);
  });

  it("gives each distinct token of a group once, with the same id across groups", () => {
    const table = new TokenTable();
    const first: number[] = [];
    table.nextGroup();
    table.add("hội thảo hội", first);
    table.add("thảo Hội", first);
    expect(first.map((id) => table.tokens[id])).toEqual(["hội", "thảo", "Hội"]);
    const second: number[] = [];
    table.nextGroup();
    table.add("thảo mới", second);
    expect(second).toEqual([first[1], 3]);
    expect(table.tokens[3]).toBe("mới");
  });

  it("numbers space-separated words as they are, every occurrence, with the ids tokens have", () => {
    const table = new TokenTable();
    const tokens: number[] = [];
    table.nextGroup();
    table.add("hội thảo", tokens);
    const words: number[] = [];
    table.addWords("thảo hội.x thảo  hội", words);
    expect(words.map((id) => table.tokens[id])).toEqual(["thảo", "hội.x", "thảo", "hội"]);
    expect(words[0]).toBe(tokens[1]);
    expect(words[3]).toBe(tokens[0]);
    table.addWords("", words);
    expect(words).toHaveLength(4);
  });
});

describe("the text of a Markdown body", () => {
  it("keeps what readers see and drops link targets, image paths, tags and URLs", () => {
    const body = "## Tiêu đề\n\nĐoạn **đầu** với [liên kết](../2023/bai.md \"tựa\") và <span>thẻ</span>.\n\n![Ảnh hội thảo](images/a.png \"Chú thích ảnh\")\n\nXem https://example.org/trang.\n\n[ref]: https://example.org/\n";
    const words = tokenize(markdownWords(body));
    expect(words).toEqual(expect.arrayContaining(["Tiêu", "đề", "đầu", "liên", "kết", "thẻ", "Ảnh", "Chú", "thích"]));
    for (const junk of ["md", "bai", "2023", "png", "images", "https", "example", "span", "ref"]) expect(words).not.toContain(junk);
  });

  it("takes the first paragraph after headings, lists and lone images as the excerpt source", () => {
    const body = "# Tiêu đề\n\n![a](b.png)\n\n- mục\n\nĐoạn _đầu_ với [liên kết](x.md)\nvà dòng hai &amp; hết.\n\nĐoạn sau.\n";
    expect(firstParagraphText(body)).toBe("Đoạn đầu với liên kết và dòng hai & hết.");
  });

  it("passes over code, reference definitions and paragraphs with no readable text, and reads CRLF lines", () => {
    const body = "```\nmã nguồn\n```\n\n[tham khảo]: https://example.org/\n\nhttps://example.org/chi-co-lien-ket\n\nĐoạn **thật**\r\ndòng hai.\r\n\r\nĐoạn sau.";
    expect(firstParagraphText(body)).toBe("Đoạn thật dòng hai.");
    expect(firstParagraphText("Một dòng, không xuống dòng")).toBe("Một dòng, không xuống dòng");
    expect(firstParagraphText("## Chỉ tiêu đề\n")).toBe("");
  });
});

describe("an article's terms", () => {
  it("keeps title words apart from the rest, once each, as accent keys", () => {
    const terms = articleTerms(
      loaded({ slug: "a", title: "Hội thảo sinh kế", category: "Tin tức", tags: ["phụ nữ"], authors: [{ name: "Lò Thị Mai" }] }),
      "Hội thảo diễn ra tại Sa Pa. Sa Pa đẹp.\n",
    );
    expect(terms.title.split(" ")).toEqual(["hội", "thảo", "sinh", "kế"]);
    const text = terms.text.split(" ");
    expect(text).toEqual(expect.arrayContaining(["diễn", "ra", "tại", "sa", "pa", "đẹp", "tin", "tức", "phụ", "nữ", "lò", "thị", "mai"]));
    expect(text).not.toContain("hội");
    expect(new Set(text).size).toBe(text.length);
    expect(terms.excerpt).toBe("Hội thảo diễn ra tại Sa Pa. Sa Pa đẹp.");
  });

  it("uses the summary as the excerpt, cut at a word under 300 characters", () => {
    const summary = "từ ".repeat(150).trim();
    const terms = articleTerms(loaded({ slug: "b", title: "Tin", summary }), "Thân bài.\n");
    expect(terms.excerpt.length).toBeLessThanOrEqual(301);
    expect(terms.excerpt.endsWith("từ…")).toBe(true);
  });
});

describe("postings and shards", () => {
  it("encodes ascending ids as gaps and decodes them back", () => {
    const ids = [0, 1, 2, 40, 41, 1000, 70000, 70001];
    const text = encodeIds(ids);
    expect(text.startsWith("000")).toBe(true);
    expect(decodeIds(text)).toEqual(ids);
    expect(encodeIds([])).toBe("");
  });

  it("groups accent variants under their folded word, with title ids apart", () => {
    const terms: ArticleTerms[] = [
      { title: "hội thảo", text: "sa pa", excerpt: "" },
      { title: "thể thao", text: "hội", excerpt: "" },
      { title: "hỏi đáp", text: "thảo", excerpt: "" },
    ];
    const table = postingTable(terms);
    expect([...table.get("hoi")!.keys()]).toEqual(["hỏi", "hội"]);
    expect(table.get("hoi")!.get("hội")).toEqual({ docs: [0, 1], title: [0] });
    expect(table.get("thao")!.get("thảo")).toEqual({ docs: [0, 2], title: [0] });
    expect(table.get("thao")!.get("thao")).toEqual({ docs: [1], title: [1] });
  });

  it("keeps a small index in one shard and splits a big one by letters until each fits", () => {
    const small = shardTerms(postingTable([{ title: "hội thảo", text: "", excerpt: "" }]));
    expect([...small.keys()]).toEqual([""]);
    // Many words with long postings: the index no longer fits one shard.
    const words = Array.from({ length: 400 }, (_, i) => `th${String.fromCharCode(97 + (i % 26))}${i}`);
    const docs = Array.from({ length: 300 }, (_, d): ArticleTerms => ({ title: "", text: words.filter((_, i) => (i + d) % 3 === 0).join(" "), excerpt: "" }));
    const table = postingTable(docs);
    const shards = shardTerms(table);
    expect(shards.size).toBeGreaterThan(1);
    const all = [...shards.values()].flat().sort();
    expect(all).toEqual([...table.keys()].sort());
    // Each word is found in the shard of the longest key that begins it, as the browser looks it up.
    const keys = [...shards.keys()];
    for (const word of table.keys()) {
      const key = keys.filter((k) => word.startsWith(k)).sort((a, b) => b.length - a.length)[0]!;
      expect(shards.get(key)).toContain(word);
    }
    for (const [key, group] of shards) {
      const size = JSON.stringify(group.map((w) => [...table.get(w)!].map(([k, p]) => [k, encodeIds(p.docs), encodeIds(p.title)]))).length;
      if (group.length > 1) expect(size, key).toBeLessThanOrEqual(SHARD_BUDGET * 1.1);
    }
  });

  it("names shard files with ASCII only", () => {
    expect(shardFileName("")).toBe("_");
    expect(shardFileName("th")).toBe("th");
    expect(shardFileName("ø1")).toBe("~f81");
  });
});

describe("index files", () => {
  const config = validateConfig({ title: "Tin" }, "site", { report: () => undefined });
  const articles = [
    loaded({ slug: "hoi-thao", title: "Hội thảo sinh kế", category: "Tin tức", date: Date.UTC(2024, 6, 26) }),
    loaded({ slug: "the-thao", title: "Thể thao", category: "Văn hóa", date: Date.UTC(2023, 1, 2) }),
  ];
  const model = buildSite(articles, articles.map(() => ({ html: "", firstParagraph: "" })), config);

  it("writes meta, one shard and a record chunk for a small site, the same bytes every time", () => {
    const files = searchFiles(model, { body: () => "Nội dung.\n" });
    expect(files.map((f) => f.path)).toEqual(["search/meta.json", "search/t/_.json", "search/d/0.json"]);
    const meta = JSON.parse(files[0]!.data);
    expect(meta).toMatchObject({ v: 1, base: "/", n: 2, shards: [""], files: ["_"], years: [[2024, 0], [2023, 1]] });
    expect(meta.categories.map((c: string[]) => c[0])).toEqual(["Tin tức", "Văn hóa"]);
    expect(meta.cats).toBe("12");
    expect(JSON.parse(files[2]!.data)[0]).toEqual(["Hội thảo sinh kế", "hoi-thao/", "26/07/2024", "2024-07-26T07:00:00+07:00", 1, "Nội dung."]);
    expect(searchFiles(model, { body: () => "Nội dung.\n" })).toEqual(files);
  });

  it("writes nothing with search: false", () => {
    const off = { ...model, config: { ...model.config, search: false } };
    expect(searchFiles(off, { body: () => "" })).toEqual([]);
  });
});
