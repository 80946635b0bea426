/**
 * The workshop article of the sample site on a 390 px phone in headless
 * Chromium, images delayed: every photo has its box before it arrives,
 * nothing shifts while they arrive (CLS 0), and the photos it downloads stay
 * within a phone's budget. Needs Debian's /usr/bin/chromium, like the
 * live-reload tests.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, posix } from "node:path";
import { type Browser } from "playwright-core";
import { closeContexts, sharedBrowser } from "../helpers/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { writeFiles } from "../helpers/site.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp", ".avif": "image/avif" };
const IMAGE_DELAY_MS = 1200;

let browser: Browser;
let server: Server;
let base = "";
let out = "";

/** The workshop article and the one it links to, as in the sample site. */
const ARTICLES = ["2024/2024-07-26-hoi-thao-giai-phap-nang-cao-chat-luong-mo-hinh-ho-tro-sinh-ke.md", "2023/2023-09-28-tap-huan-ky-nang-phong-chong-mua-ban-nguoi.md"];

/**
 * The sample site's config and the workshop article with the article it links to and their photos, in
 * `dir`: the page a phone opens here is the sample site's, without deriving the sample's other photos.
 */
function workshopSite(dir: string): void {
  const files: Record<string, string | Buffer> = { "gazette.config.yaml": readFileSync(join(ROOT, "gazette.config.yaml")) };
  for (const path of ARTICLES) {
    const text = readFileSync(join(ROOT, "content", path), "utf8");
    files[`content/${path}`] = text;
    for (const [, photo] of text.matchAll(/(?:src: |\]\()([^\s)"]+\.(?:png|jpe?g))/g)) {
      const photoPath = posix.join(posix.dirname(path), photo!);
      files[`content/${photoPath}`] = readFileSync(join(ROOT, "content", photoPath));
    }
  }
  writeFiles(dir, files);
}

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "gazette-photos-browser-"));
  out = join(work, "public");
  workshopSite(join(work, "site"));
  await build({ source: join(work, "site"), out, cacheDir: join(work, "cache"), now: Date.UTC(2026, 11, 1) });
  // A static server that holds every image back, as a slow phone connection would.
  server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^\/+/, "");
    if (path === "" || path.endsWith("/")) path += "index.html";
    const file = join(out, path);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const send = () => res.writeHead(200, { "content-type": type, "content-length": body.length }).end(body);
    if (type.startsWith("image/") && !file.endsWith(".svg")) setTimeout(send, IMAGE_DELAY_MS);
    else send();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  browser = await sharedBrowser();
  return () => rmSync(work, { recursive: true, force: true });
}, 120_000);

afterAll(async () => {
  await closeContexts(browser);
  await new Promise((done) => server?.close(done));
});

describe("the workshop article on a 390 px phone", () => {
  it("loads small photos, the lead one first, and does not shift while they arrive", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const images: { url: string; bytes: number; atScroll: number }[] = [];
    let scrolled = 0;
    page.on("response", (response) => {
      const url = response.url();
      if (/\.(png|jpe?g|webp|avif)$/.test(url)) images.push({ url, bytes: Number(response.headers()["content-length"] ?? 0), atScroll: scrolled });
    });
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number; shifts: string[] };
      w.cls = 0;
      w.shifts = [];
      new PerformanceObserver((list) => {
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
        for (const entry of list.getEntries() as Shift[]) {
          if (entry.hadRecentInput) continue;
          w.cls += entry.value;
          // What moved, for the report: a shift is a bug in the theme's markup to find.
          const nodes = (entry.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName)));
          w.shifts.push(`${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms: ${nodes.join(", ")}`);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${base}hoi-thao-giai-phap-nang-cao-chat-luong-mo-hinh-ho-tro-sinh-ke/`, { waitUntil: "domcontentloaded" });
    // Every photo has its box before its bytes arrive (all held back): what keeps the text still, whenever they come.
    const boxes = await page.evaluate(() => [...document.querySelectorAll("main figure img")].map((img) => {
      const box = img.getBoundingClientRect();
      return { src: img.getAttribute("src"), width: Math.round(box.width), height: Math.round(box.height) };
    }));
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    expect(boxes.filter((box) => box.width < 300 || box.height < 150)).toEqual([]);
    await page.waitForLoadState("load");
    const firstScreen = images.reduce((sum, image) => sum + image.bytes, 0);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 400; y < height + 844; y += 400) {
      scrolled = y;
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(150);
    }
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(IMAGE_DELAY_MS + 300);
    const { cls, shifts } = await page.evaluate(() => { const w = window as unknown as { cls: number; shifts: string[] }; return { cls: w.cls, shifts: w.shifts }; });
    const later = images.filter((image) => image.atScroll > 0);
    const report = `first screen ${images.length - later.length} images ${(firstScreen / 1024).toFixed(1)} KB; later ${later.map((i) => `${i.url.split("/").pop()} ${(i.bytes / 1024).toFixed(1)} KB`).join(", ") || "none"}; CLS ${cls}${shifts.length ? ` (${shifts.join("; ")})` : ""}`;
    console.log(report);
    expect(cls, report).toBe(0);
    expect(firstScreen, report).toBeLessThanOrEqual(250 * 1024);
    for (const image of later) expect(image.bytes, report).toBeLessThanOrEqual(150 * 1024);
    // Phones get the smallest derivative, in WebP; no original is published.
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image.url, report).toMatch(/-\d+\.webp$/);
    expect(() => statSync(join(out, "2024/images/2024-hoi-thao-sinh-ke-toan-canh.png"))).toThrow();
    await page.close();
  }, 120_000);
});
