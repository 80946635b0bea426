import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { checkSite } from "../../src/check/run.js";
import { BuildFailure } from "../../src/diagnostics.js";
import { STORE_MAX_AGE_MS } from "../../src/images/cache.js";
import { article, listTree, makeSite, writeFiles } from "../helpers/site.js";

const NOW = Date.UTC(2026, 0, 1);
const DAY = 24 * 60 * 60 * 1000;

/** A tiny PNG photo of one colour; its size tells the store entries apart (each entry's meta.json records it). */
function png(width: number, height: number, red: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: red, g: 90, b: 40 } } }).png().toBuffer();
}

function photoSite(first: Buffer, second: Buffer): string {
  return makeSite({
    "gazette.config.yaml": "title: Ảnh\nimages:\n  widths: [32, 64]\n",
    "content/images/toan-canh.png": first,
    "content/images/chan-dung.png": second,
    "content/2024/2024-07-26-hoi-thao.md": article(
      { title: "Hội thảo", date: "2024-07-26", cover: "{src: ../images/toan-canh.png, alt: Toàn cảnh hội trường}" },
      "Mở đầu.\n\n![Bà Lan Anh phát biểu](../images/chan-dung.png)\n",
    ),
  });
}

/** The store's entries: folder → the photo size its meta.json records (`80x40`). */
function entries(root: string): Map<string, string> {
  const store = join(root, ".gazette-cache", "images");
  const found = new Map<string, string>();
  for (const shard of readdirSync(store)) {
    if (!statSync(join(store, shard)).isDirectory()) continue;
    for (const name of readdirSync(join(store, shard))) {
      const dir = join(store, shard, name);
      const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { width: number; height: number };
      found.set(dir, `${meta.width}x${meta.height}`);
    }
  }
  return found;
}

function entryOf(root: string, size: string): string {
  const dir = [...entries(root)].find(([, s]) => s === size)?.[0];
  if (!dir) throw new Error(`no store entry of a ${size} photo`);
  return dir;
}

/** Sets when every entry (or `only` those) was last used to `days` days ago. */
function age(root: string, days: number, only?: string[]): void {
  const when = new Date(Date.now() - days * DAY);
  for (const dir of only ?? [...entries(root).keys()]) utimesSync(join(dir, "meta.json"), when, when);
}

function lastUsed(dir: string): number {
  return statSync(join(dir, "meta.json")).mtimeMs;
}

describe("the image store", () => {
  it("loses the entry of a replaced photo once it has gone unused for longer than that; a failed build removes nothing", async () => {
    const root = photoSite(await png(64, 48, 200), await png(50, 50, 10));
    await build({ source: root, now: NOW, cwd: root });
    expect([...entries(root).values()].sort()).toEqual(["50x50", "64x48"]);

    // The photo is replaced: its old entry stays for now (another output folder, or a revert, may want it).
    writeFiles(root, { "content/images/toan-canh.png": await png(80, 40, 120) });
    const replaced = await build({ source: root, now: NOW, cwd: root, stampMarginMs: 0 });
    expect(replaced.stats.images).toEqual({ photos: 2, decoded: 1, cached: 1 });
    expect([...entries(root).values()].sort()).toEqual(["50x50", "64x48", "80x40"]);
    const old = entryOf(root, "64x48");

    // Unused for 29 days (less than STORE_MAX_AGE_MS): kept.
    expect(STORE_MAX_AGE_MS).toBe(30 * DAY);
    age(root, 29);
    await build({ source: root, now: NOW, cwd: root, stampMarginMs: 0 });
    expect(existsSync(old)).toBe(true);

    // Unused for 31 days, but the build fails (an article links a missing image): nothing is removed.
    age(root, 31);
    writeFiles(root, { "content/2024/2024-07-27-tin.md": article({ title: "Tin", date: "2024-07-27" }, "![Ảnh thiếu](../images/khong-co.png)\n") });
    await expect(build({ source: root, now: NOW, cwd: root, stampMarginMs: 0 })).rejects.toBeInstanceOf(BuildFailure);
    expect([...entries(root).values()].sort()).toEqual(["50x50", "64x48", "80x40"]);

    // Every entry unused for 31 days, the site fixed: the replaced photo's entry goes, the two in use stay and are marked used now.
    writeFiles(root, { "content/2024/2024-07-27-tin.md": article({ title: "Tin", date: "2024-07-27" }, "Không có ảnh.\n") });
    age(root, 31);
    const started = Date.now() - 2000;
    const pruned = await build({ source: root, now: NOW, cwd: root, stampMarginMs: 0 });
    expect(pruned.stats.images).toEqual({ photos: 2, decoded: 0, cached: 2 });
    expect(existsSync(old)).toBe(false);
    expect([...entries(root).values()].sort()).toEqual(["50x50", "80x40"]);
    for (const dir of entries(root).keys()) expect(lastUsed(dir)).toBeGreaterThanOrEqual(started);
    expect(listTree(join(root, "public")).filter((f) => f.startsWith("images/"))).toEqual([
      "images/chan-dung-32.png", "images/chan-dung-32.webp", "images/chan-dung-50.png", "images/chan-dung-50.webp",
      "images/toan-canh-32.png", "images/toan-canh-32.webp", "images/toan-canh-64.png", "images/toan-canh-64.webp",
    ]);

    // Another output folder shares the store: nothing to make again.
    const other = await build({ source: root, now: NOW, cwd: root, out: join(root, "elsewhere"), stampMarginMs: 0 });
    expect(other.stats.images).toEqual({ photos: 2, decoded: 0, cached: 2 });
    expect(listTree(join(root, "elsewhere")).filter((f) => f.startsWith("images/"))).toHaveLength(8);
  });

  it("is neither written, marked nor pruned by build --no-cache or by check", async () => {
    const root = photoSite(await png(64, 48, 200), await png(50, 50, 10));
    await build({ source: root, now: NOW, cwd: root });
    writeFiles(root, { "content/images/toan-canh.png": await png(80, 40, 120) });
    await build({ source: root, now: NOW, cwd: root, stampMarginMs: 0 });
    age(root, 40);
    const before = new Map([...entries(root).keys()].map((dir) => [dir, lastUsed(dir)]));
    const index = readFileSync(join(root, ".gazette-cache/images/index.json"), "utf8");

    // A new photo and a build without the cache: made in a temporary store, published, and the store untouched.
    writeFiles(root, { "content/images/chan-dung.png": await png(40, 60, 60) });
    const uncached = await build({ source: root, now: NOW, cwd: root, cache: false });
    expect(uncached.stats.images).toEqual({ photos: 2, decoded: 2, cached: 0 });
    expect(existsSync(join(root, "public/images/chan-dung-40.webp"))).toBe(true);
    const checked = await checkSite({ source: root, cwd: root, now: NOW });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(new Map([...entries(root).keys()].map((dir) => [dir, lastUsed(dir)]))).toEqual(before);
    expect(readFileSync(join(root, ".gazette-cache/images/index.json"), "utf8")).toBe(index);
  });
});
