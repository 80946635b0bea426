#!/usr/bin/env node
// The search index's costs: for each corpus size, cold builds with and without search
// (`search: false`), alternating run by run, and the index's own time (`timings.search`);
// a warm rebuild with one article edited; the index's size (raw and gzip); and two-word
// queries in headless Chromium with 4x CPU slowdown (CDP Emulation.setCPUThrottlingRate),
// the output served over HTTP with gzip: bytes transferred per query (index files only,
// and with the page's script) and the script's own time after the data arrived.
//
//   node bench/search.mjs [--sizes 1000,4000,16000] [--runs 3] [--work DIR] [--no-builds]
//
// Needs `npm run build` (dist/) and Chromium at /usr/bin/chromium (playwright-core drives it).
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { flag, option } from "./options.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const sizes = option("sizes", "1000,4000,16000").split(",").map(Number);
const runs = Number(option("runs", 3));
const builds = !flag("no-builds");
const WORK = resolve(option("work", join(tmpdir(), "gazette-search-bench")));
const SHARED = resolve(ROOT, "..", "shared", "bench", "make-corpus.mjs");
const GENERATOR = existsSync(SHARED) ? SHARED : join(ROOT, "test", "fixtures", "make-corpus.mjs");
const GAZETTE = join(ROOT, "bin", "gazette.js");
const QUERIES = ["hoi thao", "phát triển", "du lich", "phu nu", "chuyển đổi số", "sa pa"];
const log = (text) => process.stderr.write(`${text}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

mkdirSync(WORK, { recursive: true });

function gazette(site, out, extra = []) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [GAZETTE, "build", "--source", site, "--out", out, "--json", ...extra], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
  return { ms: performance.now() - started, report: JSON.parse(run.stdout) };
}

function setSearch(site, on) {
  writeFileSync(join(site, "gazette.config.yaml"), on ? "title: Bench\n" : "title: Bench\nsearch: false\n");
}


function indexSize(out) {
  let files = 0, raw = 0, gz = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json")) {
        const data = readFileSync(path);
        files++;
        raw += data.length;
        gz += gzipSync(data).length;
      }
    }
  };
  walk(join(out, "search"));
  return { files, raw, gz };
}

/** Serves `dir` on 127.0.0.1 with gzip for text, as static hosts do. */
function serveStatic(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".json": "application/json", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = types[extname(file)] ?? "application/octet-stream";
    if (/gzip/.test(req.headers["accept-encoding"] ?? "") && type !== "application/octet-stream") {
      res.writeHead(200, { "content-type": type, "content-encoding": "gzip" }).end(gzipSync(readFileSync(file)));
    } else {
      res.writeHead(200, { "content-type": type });
      createReadStream(file).pipe(res);
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

async function queries(out) {
  const { server, url } = await serveStatic(out);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const results = [];
  try {
    for (const query of QUERIES) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const urls = new Map();
      let indexBytes = 0, allBytes = 0;
      cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
      cdp.on("Network.loadingFinished", (e) => {
        const u = urls.get(e.requestId) ?? "";
        allBytes += e.encodedDataLength;
        if (/\/search\/(meta\.json|t\/|d\/)/.test(u)) indexBytes += e.encodedDataLength;
      });
      await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
      // Polled slowly: a waiting locator's own script would take the page's CPU from the search.
      await page.waitForFunction(() => document.querySelector("[data-search-done]") !== null, null, { polling: 250, timeout: 120_000 });
      const first = Number(await page.locator("[data-search-index]").getAttribute("data-search-ms"));
      const count = await page.locator(".search-status").innerText();
      // The same search again with its data loaded: the least of a few runs is the script's own time on a busy machine.
      const again = [];
      for (let i = 0; i < 5; i++) {
        await page.evaluate(() => document.querySelector("[data-search-index]").removeAttribute("data-search-done"));
        await page.locator(".search-input").fill(query);
        await page.locator(".search-input").press("Enter");
        await page.waitForFunction(() => document.querySelector("[data-search-done]") !== null, null, { polling: 250, timeout: 120_000 });
        again.push(Number(await page.locator("[data-search-index]").getAttribute("data-search-ms")));
      }
      results.push({ query, indexKB: indexBytes / 1024, pageKB: allBytes / 1024, first, least: Math.min(...again), median: median(again), count });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

for (const size of sizes) {
  const site = join(WORK, `c${size}`);
  if (!existsSync(join(site, "content"))) execFileSync(process.execPath, [GENERATOR, "--out", site, "--articles", String(size)], { stdio: "ignore" });
  const out = join(site, "public");
  log(`\n== ${size} articles`);
  if (builds) {
    const withSearch = [], without = [], own = [];
    setSearch(site, true);
    gazette(site, join(WORK, `out-${size}-warm-up`), ["--no-cache"]);
    for (let i = 0; i < runs; i++) {
      for (const on of [true, false]) {
        setSearch(site, on);
        // A fresh output folder each time: nothing to replace or delete while timing.
        const { ms, report } = gazette(site, join(WORK, `out-${size}-${i}-${on}`), ["--no-cache"]);
        (on ? withSearch : without).push(ms);
        if (on) own.push(report.timings.search);
      }
    }
    for (const name of readdirSync(WORK)) if (name.startsWith(`out-${size}-`)) rmSync(join(WORK, name), { recursive: true, force: true });
    const cold = median(withSearch), off = median(without);
    log(`cold build: ${(cold / 1000).toFixed(2)} s with search, ${(off / 1000).toFixed(2)} s without (${(((cold - off) / off) * 100).toFixed(1)} %); index stage ${median(own)} ms (${((median(own) / cold) * 100).toFixed(1)} % of the cold build)`);
    // Warm: cache present, one article edited.
    setSearch(site, true);
    gazette(site, out);
    gazette(site, out);
    const warm = [];
    const year = readdirSync(join(site, "content")).filter((d) => /^\d{4}$/.test(d)).sort().at(-1);
    const file = join(site, "content", year, readdirSync(join(site, "content", year)).sort()[0]);
    const original = readFileSync(file, "utf8");
    for (let i = 0; i < runs; i++) {
      writeFileSync(file, original.replace(/\n\n/, `\n\nSửa lần ${i + 1}.\n\n`));
      warm.push(gazette(site, out).ms);
    }
    writeFileSync(file, original);
    log(`warm build, one article edited: ${(median(warm) / 1000).toFixed(2)} s = ${(median(warm) / cold).toFixed(2)} × cold`);
  } else {
    setSearch(site, true);
    if (!existsSync(join(out, "search", "meta.json"))) gazette(site, out);
  }
  const size_ = indexSize(out);
  log(`index: ${size_.files} files, ${(size_.raw / 1e6).toFixed(2)} MB raw, ${(size_.gz / 1e6).toFixed(2)} MB gzip; meta.json ${(gzipSync(readFileSync(join(out, "search", "meta.json"))).length / 1024).toFixed(1)} KB gzip`);
  for (const r of await queries(out)) {
    log(`query "${r.query}": ${r.indexKB.toFixed(1)} KB index data (${r.pageKB.toFixed(1)} KB with the page and script); script after the data, 4x slowdown: ${r.first.toFixed(0)} ms first, then least ${r.least.toFixed(0)} / median ${r.median.toFixed(0)} ms; ${r.count}`);
  }
}
