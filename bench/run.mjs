#!/usr/bin/env node
// `npm run bench`: cold builds of generated news corpora with gazette and, alternating
// in the same run, with Eleventy (and Hugo where `hugo` is on PATH) on the equivalent
// anchor sites in ../shared/bench/anchors, and the anchors' remark floor (remark +
// remark-html alone on the bodies, one thread); then a warm rebuild (cache present, one
// article edited) of 4,000 articles. Prints medians, peak memory and ratios.
//
//   node bench/run.mjs [--sizes 1000,4000,16000] [--runs 5] [--runs-large 3] [--warm-runs 5]
//                      [--work DIR] [--no-eleventy] [--no-hugo] [--no-floor]
//   node bench/run.mjs --photos [options of bench/photos.mjs]: photos against eleventy-img
//
// Needs `npm run build` (dist/) first, as `npm ci` does. Eleventy 3 (and remark for the
// floor) are installed by this script into WORK/tools (npm install, not project
// dependencies); --work defaults to $TMPDIR/gazette-bench. Output folders are renamed
// away between runs and deleted only at the end of a size, never right before a timed run.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { flag, option } from "./options.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
if (flag("photos")) {
  // The image benchmark: see bench/photos.mjs.
  await import("./photos.mjs");
  process.exit(0);
}
const sizes = option("sizes", "1000,4000,16000").split(",").map(Number);
const runs = Number(option("runs", 5));
const runsLarge = Number(option("runs-large", 3));
const warmRuns = Number(option("warm-runs", 5));
const WORK = resolve(option("work", join(tmpdir(), "gazette-bench")));
const TOOLS = join(WORK, "tools");
// The comparison sites (Eleventy, Hugo, remark floor) live outside this repository: --anchors DIR
// names the folder holding make-corpus.mjs and anchors/run.sh (default: ../shared/bench beside the checkout).
const SHARED = resolve(option("anchors", join(ROOT, "..", "shared", "bench")));
const GENERATOR = existsSync(join(SHARED, "make-corpus.mjs")) ? join(SHARED, "make-corpus.mjs") : join(ROOT, "test", "fixtures", "make-corpus.mjs");
const ANCHORS = join(SHARED, "anchors", "run.sh");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const GAZETTE = join(ROOT, "bin", "gazette.js");

if (!existsSync(join(ROOT, "dist", "cli.js"))) fail("dist/ is missing: run `npm run build` first");
mkdirSync(WORK, { recursive: true });
const log = (text) => process.stderr.write(`${text}\n`);
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------- tools
const onPath = (name) => (process.env.PATH ?? "").split(":").some((dir) => dir && existsSync(join(dir, name)));
const eleventyCli = join(TOOLS, "eleventy", "node_modules", "@11ty", "eleventy", "cmd.cjs");
let useEleventy = !flag("no-eleventy") && existsSync(ANCHORS);
if (useEleventy && !existsSync(eleventyCli)) {
  log("installing Eleventy 3 into " + join(TOOLS, "eleventy") + " (scratch folder, not a project dependency)…");
  try {
    mkdirSync(join(TOOLS, "eleventy"), { recursive: true });
    if (!existsSync(join(TOOLS, "eleventy", "package.json"))) writeFileSync(join(TOOLS, "eleventy", "package.json"), '{"name":"bench-eleventy","private":true}\n');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", "@11ty/eleventy@3"], { cwd: join(TOOLS, "eleventy"), stdio: "inherit" });
  } catch {
    log("could not install Eleventy: its column is left out");
    useEleventy = false;
  }
}
// The remark floor: remark 15 + remark-html 16 alone, one thread, bodies only (no front-matter
// parsing, no templates, no listings): the least a remark-based build can cost on this machine.
const floorModules = join(TOOLS, "floors", "node_modules");
let useFloor = !flag("no-floor") && existsSync(ANCHORS);
if (useFloor && !(existsSync(join(floorModules, "remark")) && existsSync(join(floorModules, "remark-html")))) {
  log("installing remark 15 and remark-html 16 into " + join(TOOLS, "floors") + " for the remark floor (scratch folder)…");
  try {
    mkdirSync(join(TOOLS, "floors"), { recursive: true });
    if (!existsSync(join(TOOLS, "floors", "package.json"))) writeFileSync(join(TOOLS, "floors", "package.json"), '{"name":"bench-floors","private":true}\n');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", "remark@15", "remark-html@16"], { cwd: join(TOOLS, "floors"), stdio: "inherit" });
  } catch {
    log("could not install remark for the floor: its column is left out");
    useFloor = false;
  }
}
if (!existsSync(ANCHORS) && !flag("no-eleventy")) log(`no anchors at ${ANCHORS}: Eleventy, Hugo and the remark floor are left out`);
const useHugo = !flag("no-hugo") && existsSync(ANCHORS) && onPath("hugo");
const anchors = (...args) => execFileSync("bash", [ANCHORS, ...args], { env: { ...process.env, TOOLS }, encoding: "utf8" }).trim();

// ---------------------------------------------------------------- timing
/** Runs a command in `cwd`, returns wall seconds and peak RSS in MiB. */
async function timed(cmd, args, cwd) {
  const rssFile = join(WORK, `rss-${process.pid}.txt`);
  const [file, fullArgs] = TIME ? [TIME, ["-f", "%M", "-o", rssFile, cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(file, fullArgs, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  let polled = 0;
  const poll = TIME ? undefined : setInterval(() => (polled = Math.max(polled, vmHwm(child.pid))), 20);
  const code = await new Promise((done) => child.on("close", done));
  const wall = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${code}):\n${stderr.slice(-2000)}`);
  const kb = TIME ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : polled;
  return { wall, rss: kb / 1024 };
}

function vmHwm(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
let trashCount = 0;
/** Moves a previous output out of the way (a rename: deleting thousands of files right before a run slows it). */
function moveAway(dir, trash) {
  if (!existsSync(dir)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(dir, join(trash, `${process.pid}-${trashCount++}`));
}

// ---------------------------------------------------------------- corpora and tools
function corpus(size) {
  const dir = join(WORK, `corpus-${size}`);
  const stamp = join(dir, ".bench-corpus");
  const want = `${GENERATOR} ${size}`;
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== want) {
    log(`generating ${size} articles in ${dir}…`);
    rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, [GENERATOR, "--out", dir, "--articles", String(size)], { stdio: "ignore" });
    writeFileSync(stamp, want);
  }
  return dir;
}

function toolsFor(size, site) {
  const trash = join(WORK, `trash-${size}`);
  const list = [
    { name: "gazette", cwd: ROOT, out: join(WORK, `gazette-${size}`, "out"), cmd: process.execPath, args: [GAZETTE, "build", "--source", site, "--out", join(WORK, `gazette-${size}`, "out"), "--no-cache", "--quiet"] },
  ];
  for (const tool of [useEleventy && "eleventy", useHugo && "hugo", useFloor && "remark-floor"].filter(Boolean)) {
    const work = join(WORK, `${tool}-${size}`);
    if (!existsSync(join(work, ".bench-prepared")) || readFileSync(join(work, ".bench-prepared"), "utf8") !== site) {
      anchors("prepare", tool, site, work);
      writeFileSync(join(work, ".bench-prepared"), site);
    }
    const [, command] = /^cd .+? && (.*)$/.exec(anchors("cmd", tool, work));
    const [cmd, ...args] = command.split(" ");
    list.push({ name: tool, cwd: work, out: join(work, "out"), cmd: cmd === "node" ? process.execPath : cmd, args });
  }
  return list.map((t) => ({ ...t, trash }));
}

// ---------------------------------------------------------------- runs
const rows = [];
for (const size of sizes) {
  const site = corpus(size);
  const tools = toolsFor(size, site);
  const n = size > 4000 ? runsLarge : runs;
  const results = Object.fromEntries(tools.map((t) => [t.name, []]));
  log(`${size} articles: 1 warm-up and ${n} timed cold builds each of ${tools.map((t) => t.name).join(", ")}, alternating…`);
  for (let run = 0; run <= n; run++) {
    for (const tool of tools) {
      moveAway(tool.out, tool.trash);
      const result = await timed(tool.cmd, tool.args, tool.cwd);
      if (run > 0) results[tool.name].push(result);
      log(`  ${run === 0 ? "warm-up" : `run ${run}`} ${tool.name}: ${result.wall.toFixed(2)} s, ${result.rss.toFixed(0)} MiB`);
    }
  }
  const row = { size };
  for (const [name, list] of Object.entries(results)) row[name] = { wall: median(list.map((r) => r.wall)), rss: Math.max(...list.map((r) => r.rss)) };
  if (size === 4000 && warmRuns > 0) row.warm = await warmRebuilds(site, tools[0]);
  rows.push(row);
  for (const tool of tools) rmSync(tool.trash, { recursive: true, force: true });
}

/** Rebuilds with the cache after editing one article (the middle one by path), `warmRuns` times. */
async function warmRebuilds(site, gazette) {
  const out = join(WORK, "gazette-warm", "out");
  const args = [GAZETTE, "build", "--source", site, "--out", out, "--quiet"];
  const files = readdirSync(join(site, "content"))
    .filter((d) => /^\d{4}$/.test(d))
    .flatMap((y) => readdirSync(join(site, "content", y)).map((f) => join(site, "content", y, f)))
    .sort();
  const article = files[Math.floor(files.length / 2)];
  const original = readFileSync(article, "utf8");
  // The anchors' copies hard-link the corpus: replace the file (new inode) rather than write into it.
  const replace = (text) => {
    writeFileSync(`${article}.bench-tmp`, text);
    renameSync(`${article}.bench-tmp`, article);
  };
  const list = [];
  try {
    log(`warm rebuild at 4,000: one build to fill the cache, then ${warmRuns} edits of ${article}…`);
    await timed(process.execPath, args, ROOT);
    for (let i = 1; i <= warmRuns; i++) {
      replace(`${original}\nĐoạn văn thêm số ${i} để đo thời gian dựng lại.\n`);
      const result = await timed(process.execPath, args, ROOT);
      const page = readdirSync(out).length > 0;
      list.push(result);
      log(`  edit ${i}: ${result.wall.toFixed(2)} s, ${result.rss.toFixed(0)} MiB${page ? "" : " (no output?)"}`);
    }
  } finally {
    replace(original);
  }
  return { wall: median(list.map((r) => r.wall)), rss: Math.max(...list.map((r) => r.rss)) };
}

// ---------------------------------------------------------------- table
const s = (x) => (x === undefined ? "–" : `${x.wall.toFixed(2)} s`);
const m = (x) => (x === undefined ? "–" : `${Math.round(x.rss)} MiB`);
const ratio = (a, b) => (a && b ? (a.wall / b.wall).toFixed(2) : "–");
const header = [
  "articles", "gazette", "peak RSS", "Eleventy", "peak RSS", "gazette/Eleventy",
  ...(useHugo ? ["Hugo", "peak RSS", "gazette/Hugo"] : []),
  ...(useFloor ? ["remark floor", "floor/Eleventy"] : []),
  "gazette ms/article",
];
const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
for (const row of rows) {
  const perArticle = ((row.gazette.wall * 1000) / row.size).toFixed(2);
  const cells = [row.size.toLocaleString("en-US"), s(row.gazette), m(row.gazette), s(row.eleventy), m(row.eleventy), ratio(row.gazette, row.eleventy)];
  if (useHugo) cells.push(s(row.hugo), m(row.hugo), ratio(row.gazette, row.hugo));
  if (useFloor) cells.push(s(row["remark-floor"]), ratio(row["remark-floor"], row.eleventy));
  cells.push(perArticle);
  lines.push(`| ${cells.join(" | ")} |`);
}
console.log(`\ngazette bench: median wall time of cold builds (gazette --no-cache), ${runs} runs (${runsLarge} above 4,000) after 1 warm-up, alternating tools\n`);
console.log(lines.join("\n"));
const warm = rows.find((r) => r.warm);
if (warm) console.log(`\nwarm rebuild, 4,000 articles, cache present, one article edited: ${s(warm.warm)} (${m(warm.warm)}), ${ratio(warm.warm, warm.gazette)} of the cold build`);
const first = rows[0];
const last = rows[rows.length - 1];
if (rows.length > 1) {
  const a = first.gazette.wall / first.size;
  const b = last.gazette.wall / last.size;
  console.log(`per-article time at ${last.size.toLocaleString("en-US")} vs ${first.size.toLocaleString("en-US")}: ${(b / a).toFixed(2)}×`);
}
