import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { checkSite } from "../../src/check/run.js";
import type { Io } from "../../src/commands/io.js";
import { registerNewCommand } from "../../src/commands/new.js";
import { UsageError } from "../../src/diagnostics.js";
import { parseArticle } from "../../src/load/frontmatter.js";
import { articleSkeleton, createArticle } from "../../src/scaffold/new.js";
import { ScaffoldError } from "../../src/scaffold/write.js";
import { listTree, makeSite } from "../helpers/site.js";
import { gazette } from "../check/helpers.js";

const VN = "Asia/Ho_Chi_Minh";
/** 25 Jul 2024, 17:30 UTC: already 26 Jul, 00:30 in Vietnam. */
const NEAR_MIDNIGHT = Date.UTC(2024, 6, 25, 17, 30);

describe("the article skeleton", () => {
  it("is named after the title and today's date in the site timezone", () => {
    expect(articleSkeleton({ title: "Tiêu đề bài viết", now: NEAR_MIDNIGHT, timezone: VN }).path).toBe("content/2024/2024-07-26-tieu-de-bai-viet.md");
    expect(articleSkeleton({ title: "Tiêu đề bài viết", now: NEAR_MIDNIGHT, timezone: "UTC" }).path).toBe("content/2024/2024-07-25-tieu-de-bai-viet.md");
    expect(articleSkeleton({ title: "Chúc mừng năm mới", now: Date.UTC(2024, 11, 31, 17, 5), timezone: VN }).path).toBe("content/2025/2025-01-01-chuc-mung-nam-moi.md");
  });

  it("fills title, date, category and author and comments out every other field", () => {
    const { path, text } = articleSkeleton({ title: "Hội thảo “sinh kế”: năm 2024", now: NEAR_MIDNIGHT, timezone: VN, category: "Tin tức", author: "Tuấn Nguyễn" });
    const parsed = parseArticle(text, { contentPath: path.slice("content/".length), displayPath: path, sitePath: path }, { timezone: VN });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.article).toMatchObject({ title: "Hội thảo “sinh kế”: năm 2024", date: Date.UTC(2024, 6, 25, 17, 30), draft: true, category: "Tin tức", authors: [{ name: "Tuấn Nguyễn" }] });
    expect(text).toContain("date: 2024-07-26T00:30:00+07:00");
    for (const key of ["source", "tags", "summary", "cover", "images", "updated", "slug", "layout"]) expect(text).toMatch(new RegExp(`^# ${key}:`, "m"));
  });

  it("comments out category and author when not given", () => {
    const { text } = articleSkeleton({ title: "Tin", now: NEAR_MIDNIGHT, timezone: VN });
    expect(text).toMatch(/^# author:/m);
    expect(text).toMatch(/^# category:/m);
  });

  it("refuses a title without letters or digits", () => {
    expect(() => articleSkeleton({ title: "“…”", now: NEAR_MIDNIGHT, timezone: VN })).toThrow(UsageError);
  });

  it("keeps long titles to a short file name cut at a word", () => {
    const { path } = articleSkeleton({ title: "Hội nghị ".repeat(30), now: NEAR_MIDNIGHT, timezone: VN });
    const slug = path.replace(/^content\/2024\/2024-07-26-/, "").replace(/\.md$/, "");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(hoi-nghi-)*hoi-nghi$/);
  });
});

describe("gazette new", () => {
  it("writes the article in the config's timezone, and the draft builds", async () => {
    const root = makeSite({ "gazette.config.yaml": "timezone: Europe/Berlin\n" });
    const path = createArticle({ source: ".", cwd: root, title: "Tin mới", now: Date.UTC(2024, 6, 25, 22, 30), category: "Tin tức" });
    expect(path).toBe("content/2024/2024-07-26-tin-moi.md");
    const result = await build({ source: root, cwd: root, drafts: true, now: Date.UTC(2024, 6, 26) });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(listTree(join(root, "public"))).toContain("tin-moi/index.html");
    const checked = await checkSite({ source: root, cwd: root, drafts: true, now: Date.UTC(2024, 6, 26) });
    expect(checked.diagnostics.map((d) => d.code).sort()).toEqual(["missing-author", "summary-length"]);
  });

  it("refuses to overwrite an existing article", () => {
    const root = makeSite({});
    const path = createArticle({ source: ".", cwd: root, title: "Tin", now: NEAR_MIDNIGHT });
    writeFileSync(join(root, path), "edited by a writer");
    expect(() => createArticle({ source: ".", cwd: root, title: "Tin", now: NEAR_MIDNIGHT })).toThrow(ScaffoldError);
    expect(readFileSync(join(root, path), "utf8")).toBe("edited by a writer");
  });

  it("prints the path on stdout with the injected clock", async () => {
    const root = makeSite({});
    let stdout = "";
    let code = -1;
    const io: Io = { stdout: (t) => void (stdout += t), stderr: () => {}, isTTY: false, env: {}, cwd: root };
    const program = new Command().exitOverride();
    registerNewCommand(program, io, (c) => (code = c), () => NEAR_MIDNIGHT);
    await program.parseAsync(["new", "Tiêu đề bài viết", "--author", "Hoàng Luyến"], { from: "user" });
    expect(code).toBe(0);
    expect(stdout).toBe("content/2024/2024-07-26-tieu-de-bai-viet.md\n");
    expect(readFileSync(join(root, "content/2024/2024-07-26-tieu-de-bai-viet.md"), "utf8")).toContain('author: "Hoàng Luyến"');
  });

  it("exits 1 when the file exists and 2 on usage errors, through the real CLI", () => {
    const root = makeSite({ "site/gazette.config.yaml": "title: Tin\n" });
    const first = gazette(["new", "Tiêu đề bài viết", "--source", "site"], root);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^site\/content\/\d{4}\/\d{4}-\d{2}-\d{2}-tieu-de-bai-viet\.md\n$/);
    const again = gazette(["new", "Tiêu đề bài viết", "--source", "site"], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists; not overwriting it");
    expect(gazette(["new", "Tin", "--source", "nowhere"], root).code).toBe(2);
    expect(gazette(["new", "!!!", "--source", "site"], root).code).toBe(2);
    expect(gazette(["new"], root).code).toBe(2);
  });
});
