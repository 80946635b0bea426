/**
 * The portal's parts in a real headless Chromium, on a small built site:
 * the phone menu by keyboard, click-to-load videos that request nothing
 * from the video host before the click, the visitor counter fed by a local
 * stand-in for GoatCounter, focus and contrast, tables on a phone, and
 * axe-core and html-validate on the home page and an article at 1280 and
 * 390 px. Needs Debian's /usr/bin/chromium, like the live-reload tests.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import axe from "axe-core";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { closeContexts, sharedBrowser } from "../helpers/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { htmlErrors } from "../helpers/html-validate.js";
import { article, makeSite, PNG } from "../helpers/site.js";
import { listen, serveFolder } from "../helpers/static-server.js";

const NOW = Date.UTC(2026, 10, 29);
const VIDEO_ARTICLE = "du-lich-xanh/";
const COUNTS = { total: "12,345", year: "4,321", month: "321" };

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let stats: { url: string; close: () => Promise<void> };
let out: string;
const statsRequests: string[] = [];

beforeAll(async () => {
  // A stand-in for a GoatCounter site: the counter JSON (`{"count": "1,234"}`), count.js and /count.
  const year = new Date().getFullYear();
  stats = await listen(
    createServer((req, res) => {
      statsRequests.push(req.url ?? "");
      const url = new URL(req.url ?? "/", "http://x");
      const cors = { "access-control-allow-origin": "*" };
      if (url.pathname === "/counter/TOTAL.json") {
        const start = url.searchParams.get("start") ?? "";
        const count = start === "" ? COUNTS.total : start === `${year}-01-01` ? COUNTS.year : /^\d{4}-\d{2}-01$/.test(start) ? COUNTS.month : undefined;
        if (count === undefined) return void res.writeHead(400, cors).end();
        return void res.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify({ count, count_unique: count }));
      }
      if (url.pathname === "/count.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end("window.goatcounter = window.goatcounter || {};");
      res.writeHead(204).end();
    }),
  );
  const categories = ["Tin tức", "Hội Phụ nữ", "Thông báo", "Hướng dẫn", "Văn hóa - Du lịch", "Chuyển đổi số"];
  const files: Record<string, string | Uint8Array> = {
    "gazette.config.yaml": [
      "title: Tin tức Sa Pa",
      "description: Trang tin của Trung tâm Văn hóa, Thể thao và Truyền thông Sa Pa, tin tức, thông báo và hướng dẫn.",
      "baseUrl: https://tin.example.org/",
      "perPage: 4",
      "sidebar:\n  recent: 4\n  source: Thông báo",
      `analytics:\n  goatcounter: ${stats.url}`,
      "login:\n  url: https://quantri.example.org/",
      'footer:\n  organisation: Trung tâm VH-TT-TT Sa Pa\n  address: Số 1 đường Mẫu, phường Sa Pa\n  phone: "0214 000 0000"\n  email: lienhe@example.org\n  editor: Ông Nguyễn Văn A\n  licence: Giấy phép số 00/GP-TTĐT',
    ].join("\n") + "\n",
    "content/images/anh.png": PNG,
    [`content/2026/du-lich-xanh.md`]: article(
      { title: "Phụ nữ Sa Pa chung tay làm du lịch xanh", date: "2026-07-28", author: "Lò Thị Mai", category: "Hội Phụ nữ", cover: "{src: ../images/anh.png, alt: Ruộng bậc thang, caption: Ruộng bậc thang.}" },
      [
        "Mở đầu bài viết về du lịch xanh.",
        "| Tiêu chí homestay xanh | Cách làm của các hộ | Số hộ đạt |",
        "| --- | --- | ---: |",
        "| Giảm rác nhựa trong homestay | Dùng bình nước thủy tinh, không dùng chai nhựa một lần | 18 |",
        "| Phân loại rác tại nguồn | Bố trí thùng rác phân loại, ủ rác hữu cơ làm phân bón | 21 |",
        "",
        "Phóng sự ngắn:",
        "",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "",
        "Xem thêm [trang chủ](../2025/bai-0.md).",
      ].join("\n") + "\n",
    ),
  };
  categories.forEach((category, c) => {
    for (let i = 0; i < 3; i++) {
      const n = c * 3 + i;
      files[`content/2025/bai-${n}.md`] = article({ title: `Bài số ${n} của chuyên mục ${category}`, date: `2025-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 27) + 1).padStart(2, "0")}`, author: "Tuấn Nguyễn", category });
    }
  });
  const root = makeSite(files);
  const result = await build({ source: root, now: NOW, cache: false });
  expect(result.diagnostics).toEqual([]);
  out = join(root, "public");
  site = await serveFolder(out);
  browser = await sharedBrowser();
  await openTab();
}, 60_000);

afterAll(async () => {
  await closeContexts(browser);
  await site?.close();
  await stats?.close();
});

/**
 * The tab the tests read pages in, as a reader goes from page to page (a
 * context per test would start a renderer process each time): its context
 * lets requests reach only this machine and records every URL asked for.
 */
let tab: Page;
/** The URLs asked for since the last `visit`. */
const requests: string[] = [];

async function openTab(): Promise<void> {
  const context: BrowserContext = await browser.newContext();
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    return new URL(url).hostname === "127.0.0.1" ? route.continue() : route.abort();
  });
  tab = await context.newPage();
}

/** Opens `path` in the tab, `width` px wide, once loaded. */
async function visit(path: string, width: number): Promise<Page> {
  await tab.goto("about:blank"); // the last page's requests stay out of this one's
  await tab.setViewportSize({ width, height: 900 });
  requests.length = 0;
  await tab.goto(new URL(path, site.url).href, { waitUntil: "load" });
  return tab;
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("the phone menu", () => {
  it("opens by keyboard without JavaScript and reaches every category in full", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url, { waitUntil: "load" });
    expect(await page.locator(".nav-wide").isVisible()).toBe(false);
    const toggle = page.locator("summary.nav-toggle");
    expect(await toggle.innerText()).toBe("DANH MỤC");
    for (let i = 0; i < 10 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator("details.nav-menu").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await page.keyboard.press("Enter");
    expect(await page.locator("details.nav-menu").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return { text: el.textContent ?? "", inMenu: !!el.closest(".nav-narrow"), left: box.left, right: box.right, clipped: el.scrollWidth > el.clientWidth };
      });
      expect(focused).toMatchObject({ inMenu: true, clipped: false });
      expect(focused.left).toBeGreaterThanOrEqual(0);
      expect(focused.right).toBeLessThanOrEqual(390);
      names.push(focused.text);
    }
    expect(names).toEqual(["Trang chủ", "Hội Phụ nữ", "Chuyển đổi số", "Hướng dẫn", "Thông báo", "Tin tức", "Văn hóa - Du lịch"]);
    // Shift+Tab back to the button and Enter closes the menu again.
    for (let i = 0; i < 7; i++) await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    expect(await page.locator("details.nav-menu").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await context.close();
  });
});

describe("click-to-load videos", () => {
  it("request nothing from another host before the click, then load the privacy-enhanced player", async () => {
    const page = await visit(VIDEO_ARTICLE, 1280);
    await page.waitForLoadState("networkidle");
    const foreign = requests.filter((url) => new URL(url).hostname !== "127.0.0.1");
    expect(foreign).toEqual([]);
    expect(await page.locator("iframe").count()).toBe(0);
    const link = page.locator("figure.video a.video-link");
    expect(await link.innerText()).toContain("Xem video trên YouTube");
    await link.click();
    const frame = page.locator("figure.video iframe");
    await frame.waitFor({ timeout: 10_000 });
    expect(await frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    expect(await frame.getAttribute("title")).toBe("Xem video trên YouTube");
    await expect.poll(() => requests.some((url) => url.startsWith("https://www.youtube-nocookie.com/embed/"))).toBe(true);
    expect(page.url()).toBe(new URL(VIDEO_ARTICLE, site.url).href); // the page stayed
  });
});

describe("the visitor counter", () => {
  it("shows this month's, this year's and all visits from GoatCounter's counter JSON", async () => {
    const page = await visit("/", 1280);
    const cell = (which: string) => page.locator(`.widget-visits dd[data-visits="${which}"]`);
    await expect.poll(() => cell("total").innerText(), { timeout: 10_000 }).toBe("12.345");
    await expect.poll(() => cell("year").innerText()).toBe("4.321");
    await expect.poll(() => cell("month").innerText()).toBe("321");
    expect(await page.locator(".widget-visits h2").innerText()).toBe("LƯỢT TRUY CẬP");
    expect(statsRequests).toContain("/count.js");
  });
});

describe("focus, contrast and tables", () => {
  it("draws the focus ring at 3:1 or more against the page and the navigation bar", async () => {
    const page = await visit(VIDEO_ARTICLE, 1280);
    await page.keyboard.press("Tab"); // keyboard use: focus rings show
    const ring = async (selector: string, background: string) => {
      await page.locator(selector).first().focus();
      return page.evaluate(([sel, bg]) => {
        const el = document.querySelector(sel!)!;
        return { outline: getComputedStyle(el).outlineColor, style: getComputedStyle(el).outlineStyle, background: getComputedStyle(document.querySelector(bg!)!).backgroundColor };
      }, [selector, background]);
    };
    const inBody = await ring(".article-body p a", ".main");
    expect(inBody.style).toBe("solid");
    expect(contrast(inBody.outline, inBody.background)).toBeGreaterThanOrEqual(3);
    const inNav = await ring(".nav-wide a", ".site-nav");
    expect(contrast(inNav.outline, inNav.background)).toBeGreaterThanOrEqual(3);
    const tagline = await page.evaluate(() => ({ color: getComputedStyle(document.querySelector(".brand-tagline")!).color, background: getComputedStyle(document.querySelector(".masthead")!).backgroundColor }));
    expect(contrast(tagline.color, tagline.background)).toBeGreaterThanOrEqual(4.5);
  });

  it("lets a wide table scroll sideways on a 390 px phone, its columns readable and aligned as written", async () => {
    const page = await visit(VIDEO_ARTICLE, 390);
    const table = await page.evaluate(() => {
      const box = document.querySelector(".table-scroll") as HTMLElement;
      const first = document.querySelector(".table-scroll td") as HTMLElement;
      const last = document.querySelector(".table-scroll td.align-right") as HTMLElement;
      return { scrolls: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0, firstWidth: first.getBoundingClientRect().width, align: getComputedStyle(last).textAlign };
    });
    expect(table).toMatchObject({ scrolls: true, focusable: true, align: "right" });
    expect(table.firstWidth).toBeGreaterThanOrEqual(150); // 10rem: three or four words a line
  });
});

describe("axe-core and html-validate", () => {
  for (const width of [1280, 390]) {
    for (const path of ["/", VIDEO_ARTICLE]) {
      it(`find no problem on ${path} at ${width} px`, async () => {
        const page = await visit(path, width);
        await expect.poll(() => page.locator('.widget-visits dd[data-visits="total"]').innerText(), { timeout: 10_000 }).not.toBe("–");
        await page.addScriptTag({ content: axe.source });
        const run = (only?: string) =>
          page.evaluate((rule) => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations", "incomplete"], ...(rule ? { runOnly: [rule] } : {}) }), only);
        const unknownContrast = (result: axe.AxeResults) => result.incomplete.filter((i) => i.id === "color-contrast").flatMap((i) => i.nodes.map((n) => n.target.join(" ")));
        const result = await run();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
        // Colour contrast included: every text's contrast can be computed (no gradient or image behind
        // text). Cells a table's scroll box hides are checked with the box scrolled to its other end.
        const unknown = unknownContrast(result);
        if (unknown.length > 0) {
          await page.evaluate(() => document.querySelectorAll(".table-scroll").forEach((box) => box.scrollTo({ left: box.scrollWidth })));
          const scrolled = await run("color-contrast");
          expect(scrolled.violations).toEqual([]);
          expect(unknown.filter((target) => unknownContrast(scrolled).includes(target))).toEqual([]);
        }
        const file = path === "/" ? "index.html" : `${path}index.html`;
        expect(await htmlErrors(readFileSync(join(out, file), "utf8"), file)).toEqual([]);
      });
    }
  }
});
