/**
 * `gazette serve` in a real headless Chromium: saving a file changes the open
 * page by itself; a broken save shows the error overlay over the last good
 * page; the fix removes it. Needs Debian's /usr/bin/chromium (`.ci/run`
 * installs it); without it these tests fail rather than skip.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type Page } from "playwright-core";
import { closeContexts, sharedBrowser } from "../helpers/browser.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OVERLAY_ID } from "../../src/serve/reload-client.js";
import { startServe, type ServeHandle } from "../../src/serve/serve.js";
import { makeSite } from "../helpers/site.js";
import { NOW, newsSiteFiles } from "../serve/helpers.js";

const ARTICLE = "content/2024/2024-07-26-hoi-thao.md";
const WAIT = { timeout: 10_000 };

let browser: Browser;
const running: ServeHandle[] = [];

beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await closeContexts(browser);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

/** Serves a fresh news site and opens its article in a new tab, listening for reloads. */
async function openArticle(): Promise<{ page: Page; file: string; original: string }> {
  const root = makeSite(newsSiteFiles());
  const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW });
  running.push(handle);
  const page = await browser.newPage();
  const listening = page.waitForResponse((res) => res.url().endsWith("/__gazette/events"), WAIT);
  await page.goto(`${handle.url}hoi-thao/`);
  await listening;
  const file = join(root, ARTICLE);
  return { page, file, original: readFileSync(file, "utf8") };
}

describe("live reload in a browser", () => {
  it("shows a saved edit in the open page by itself", async () => {
    const { page, file, original } = await openArticle();
    expect(await page.locator("h1").innerText()).toBe("Hội thảo “Sinh kế” năm 2024");
    writeFileSync(file, original.replace("Đoạn mở đầu của bài.", "Đoạn vừa được lưu từ trình soạn thảo."));
    await page.getByText("Đoạn vừa được lưu từ trình soạn thảo.").waitFor(WAIT);
    writeFileSync(file, original.replace("Hội thảo “Sinh kế” năm 2024", "Hội thảo đổi tên"));
    await page.locator("h1", { hasText: "Hội thảo đổi tên" }).waitFor(WAIT);
  });

  it("shows a broken save as an overlay over the last good page, and removes it once fixed", async () => {
    const { page, file, original } = await openArticle();
    writeFileSync(file, original.replace("title:", "layout: x<b>y</b>\ntitle:"));
    const overlay = page.locator(`#${OVERLAY_ID}`);
    await overlay.waitFor({ state: "visible", ...WAIT });
    const message = await overlay.innerText();
    expect(message).toContain('content/2024/2024-07-26-hoi-thao.md:2: error: field "layout" must be a template name like "article", not "x<b>y</b>" [front-matter]');
    expect(await overlay.locator("b").count()).toBe(0); // shown as text, never as HTML
    expect(await page.locator("h1").innerText()).toBe("Hội thảo “Sinh kế” năm 2024");
    writeFileSync(file, original.replace("Đoạn mở đầu của bài.", "Đã sửa xong."));
    await page.getByText("Đã sửa xong.").waitFor(WAIT);
    expect(await overlay.count()).toBe(0);
  });
});
