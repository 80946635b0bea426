/**
 * The search page in a real headless Chromium, on a small Vietnamese site
 * served by `gazette serve`: words typed with or without accents find their
 * articles, accents typed rank exact words first, the last word matches as a
 * prefix, titles are shown as text, filters and order work, the page works
 * without JavaScript as a list of categories, and an edit shows in the results.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { closeContexts, sharedBrowser } from "../helpers/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type ServeHandle } from "../../src/serve/serve.js";
import { article, makeSite } from "../helpers/site.js";

const WAIT = { timeout: 15_000 };
const NOW = Date.UTC(2026, 10, 29);

/** Articles whose titles exercise folding, đ, accents, prefixes and escaping. */
function searchSiteFiles(): Record<string, string> {
  const a = (date: string, title: string, category: string, body: string) => article({ title: JSON.stringify(title), date, category, author: "Lò Thị Mai" }, body);
  return {
    "gazette.config.yaml": "title: Tin Sa Pa\nbaseUrl: https://example.org/\n",
    "content/2024/hoi-thao.md": a("2024-07-26", "Hội thảo giải pháp hỗ trợ sinh kế", "Tin tức", "Các đại biểu chia sẻ kinh nghiệm tại hội thảo.\n"),
    "content/2024/the-thao.md": a("2024-05-10", "Thể thao quần chúng sôi nổi", "Văn hóa - Du lịch", "Giải chạy địa hình thu hút đông đảo người dân.\n"),
    "content/2023/con-duong.md": a("2023-09-01", "Con đường mới về bản", "Tin tức", "Đoạn đường dài 5 km được bê tông hóa.\n"),
    "content/2023/duong-len.md": a("2023-03-15", "Đường lên Tả Van mùa lúa chín", "Văn hóa - Du lịch", "Du khách đi bộ ngắm ruộng bậc thang.\n"),
    "content/2022/dai-hoi.md": a("2022-10-20", "Đại hội Đảng bộ xã lần thứ XX", "Tin tức", "Đại hội đã bầu Ban Chấp hành nhiệm kỳ mới.\n"),
    "content/2022/hoi-dap.md": a("2022-06-01", "Hỏi đáp về thủ tục hành chính", "Thông báo", "Người dân gửi câu hỏi qua cổng dịch vụ công.\n"),
    "content/2021/script.md": a("2021-01-05", "<script>window.pwned = 1</script> Tin lạ <b>đậm</b>", "Thông báo", "Một bài có tiêu đề lạ.\n"),
  };
}

let browser: Browser;
let handle: ServeHandle;
let root: string;
/** One tab for the searches, taken from page to page as a reader would (a new context per search would start a renderer process each time). */
let context: BrowserContext;
let tab: Page;

beforeAll(async () => {
  browser = await sharedBrowser();
  context = await browser.newContext();
  tab = await context.newPage();
  root = makeSite(searchSiteFiles());
  handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW });
});
afterAll(async () => {
  await handle?.close();
  await closeContexts(browser);
});

/** Opens the search page for `query` in the tab and waits for its results; returns the tab and the result titles in order. */
async function searchFor(query: string, extra = ""): Promise<{ page: Page; titles: string[] }> {
  const page = tab;
  const requests: string[] = [];
  const record = (request: Request) => requests.push(request.url());
  page.on("request", record);
  await page.goto(`${handle.url}search/?q=${encodeURIComponent(query)}${extra}`);
  await page.locator("[data-search-done]").waitFor({ state: "attached", ...WAIT });
  const titles = await page.locator(".search-result-title").allInnerTexts();
  page.off("request", record);
  // Something was asked for, and nothing from another host.
  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests) expect(url.startsWith(handle.url)).toBe(true);
  return { page, titles };
}

describe("search in a browser", () => {
  it('finds "Hội thảo …" typed without accents ("hoi thao")', async () => {
    const { page, titles } = await searchFor("hoi thao");
    expect(titles[0]).toBe("Hội thảo giải pháp hỗ trợ sinh kế");
    expect(await page.locator(".search-result-title").first().locator("mark").allInnerTexts()).toEqual(["Hội", "thảo"]);
  });

  it('finds "đường" and "Đường" from "duong"', async () => {
    const { page, titles } = await searchFor("duong");
    expect(titles).toEqual(expect.arrayContaining(["Con đường mới về bản", "Đường lên Tả Van mùa lúa chín"]));
  });

  it('finds "Đại hội Đảng" from "dai hoi dang"', async () => {
    const { page, titles } = await searchFor("dai hoi dang");
    expect(titles).toEqual(["Đại hội Đảng bộ xã lần thứ XX"]);
  });

  it('finds both "Thể thao" and "Hội thảo" from "thao"; accents typed rank the exact word first', async () => {
    const plain = await searchFor("thao");
    expect(plain.titles).toEqual(expect.arrayContaining(["Thể thao quần chúng sôi nổi", "Hội thảo giải pháp hỗ trợ sinh kế"]));
    const accented = await searchFor("thảo");
    expect(accented.titles[0]).toBe("Hội thảo giải pháp hỗ trợ sinh kế");
    expect(accented.titles).toContain("Thể thao quần chúng sôi nổi");
    const sport = await searchFor("thể thao");
    expect(sport.titles[0]).toBe("Thể thao quần chúng sôi nổi");
  });

  it('finds "hội" and "hỏi" from "hoi", and the last word as a prefix', async () => {
    const { page, titles } = await searchFor("hoi");
    expect(titles).toEqual(expect.arrayContaining(["Hội thảo giải pháp hỗ trợ sinh kế", "Đại hội Đảng bộ xã lần thứ XX", "Hỏi đáp về thủ tục hành chính"]));
    // "co" is no word of it: "cổng" and "công" begin with it.
    const typing = await searchFor("dich vu co");
    expect(typing.titles).toEqual(["Hỏi đáp về thủ tục hành chính"]);
  });

  it("shows a title with <script> as text", async () => {
    const { page, titles } = await searchFor("window pwn");
    expect(titles).toEqual(["<script>window.pwned = 1</script> Tin lạ <b>đậm</b>"]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator(".search-results script, .search-results b").count()).toBe(0);
  });

  it("filters by category and year and orders by date", async () => {
    const { page, titles } = await searchFor("duong", "&order=newest");
    expect(titles).toEqual(["Con đường mới về bản", "Đường lên Tả Van mùa lúa chín"]);
    const byCategory = await searchFor("hoi", "&category=thong-bao");
    expect(byCategory.titles).toEqual(["Hỏi đáp về thủ tục hành chính"]);
    const byYear = await searchFor("hoi", "&year=2024");
    expect(byYear.titles).toEqual(["Hội thảo giải pháp hỗ trợ sinh kế"]);
  });

  it("has a search box in the header of every page, which works as a plain form", async () => {
    const page = tab;
    await page.goto(`${handle.url}con-duong/`);
    await page.locator(".search-box-input").fill("Đại hội");
    await page.locator(".search-box-input").press("Enter");
    await page.waitForURL(/\/search\/\?q=/, WAIT);
    await page.locator("[data-search-done]").waitFor({ state: "attached", ...WAIT });
    expect((await page.locator(".search-result-title").allInnerTexts())[0]).toBe("Đại hội Đảng bộ xã lần thứ XX");
  });

  it("says search needs JavaScript and lists the categories when it is off", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${handle.url}search/?q=hoi`);
    expect(await page.locator(".search-nojs").isVisible()).toBe(true);
    expect(await page.locator(".search-nojs").innerText()).toContain("JavaScript");
    expect(await page.locator(".search-categories a").allInnerTexts()).toEqual(expect.arrayContaining(["Tin tức", "Thông báo", "Văn hóa - Du lịch"]));
    expect(await page.locator("h1").textContent()).toBe("Tìm kiếm");
    await noScript.close();
  });

  it("follows edits in serve", async () => {
    // The tab leaves the served pages first: the edit's reload message would otherwise race the next search.
    await tab.goto("about:blank");
    const file = join(root, "content/2023/con-duong.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Con đường mới về bản", "Cây cầu mới về bản"));
    await handle.session.update([{ event: "change", path: file }]);
    const { page, titles } = await searchFor("cau moi");
    expect(titles).toEqual(["Cây cầu mới về bản"]);
  });
});
