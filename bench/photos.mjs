// `npm run bench -- --photos`: the image benchmark. On a photo corpus from make-corpus.mjs
// --photos (12-megapixel phone JPEGs with EXIF and GPS), in the same run and alternating:
//  - gazette cold (empty image store): the image step's time (`timings.images`), the whole
//    build's wall time and peak RSS;
//  - @11ty/eleventy-img making the same widths and formats from the same photos (the anchor
//    in ../shared/bench/anchors/eleventy-img/run.mjs; installed into WORK/tools, not a
//    project dependency): its own time and peak RSS;
// then warm builds (cache present, nothing changed: no photo decoded) against warm builds of
// the same articles with tiny PNGs instead of photos.
//
//   node bench/run.mjs --photos [--articles 400] [--images 200] [--runs 3] [--widths 480,960,1600]
//                               [--formats webp,jpeg] [--work DIR] [--shared DIR]
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "./options.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const articles = Number(option("articles", 400));
const images = Number(option("images", 200));
const runs = Number(option("runs", 3));
const widths = option("widths", "480,960,1600");
const formats = option("formats", "webp,jpeg");
const WORK = resolve(option("work", join(tmpdir(), "gazette-bench")));
const TOOLS = join(WORK, "tools");
// The shared benchmark folder (make-corpus.mjs with --photos, the eleventy-img anchor): --shared DIR.
const SHARED = resolve(option("shared", join(ROOT, "..", "shared", "bench")));
const GENERATOR = join(SHARED, "make-corpus.mjs");
const ANCHOR = join(SHARED, "anchors", "eleventy-img", "run.mjs");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const GAZETTE = join(ROOT, "bin", "gazette.js");
const log = (text) => process.stderr.write(`${text}\n`);

if (!existsSync(GENERATOR) || !existsSync(ANCHOR)) {
  log(`bench: --photos needs make-corpus.mjs and anchors/eleventy-img/run.mjs in ${SHARED} (pass --shared DIR)`);
  process.exit(2);
}
if (!existsSync(join(ROOT, "dist", "cli.js"))) {
  log("bench: dist/ is missing: run `npm run build` first");
  process.exit(2);
}
mkdirSync(WORK, { recursive: true });

/** Runs a command; returns wall seconds, peak RSS in MiB and its stdout. */
async function timed(cmd, args, cwd) {
  const rssFile = join(WORK, `rss-${process.pid}.txt`);
  const [file, fullArgs] = TIME ? [TIME, ["-f", "%M %U %S", "-o", rssFile, cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(file, fullArgs, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((done) => child.on("close", done));
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${code}):\n${stderr.slice(-2000)}`);
  const [kb, user, system] = TIME ? readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ").map(Number) : [0, 0, 0];
  return { wall, rss: kb / 1024, cpu: user + system, stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function corpus(name, photos) {
  const dir = join(WORK, name);
  const stamp = join(dir, ".bench-corpus");
  const want = `${GENERATOR} ${articles} ${images} ${photos}`;
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== want) {
    log(`generating ${articles} articles with ${images} ${photos ? "photos" : "tiny PNGs"} in ${dir}…`);
    rmSync(dir, { recursive: true, force: true });
    const args = [GENERATOR, "--out", dir, "--articles", String(articles), "--images", String(images), ...(photos ? ["--photos", "--sharp", ROOT] : [])];
    execFileSync(process.execPath, args, { stdio: "ignore", cwd: ROOT });
    writeFileSync(join(dir, "gazette.config.yaml"), `title: Bench\nimages:\n  widths: [${widths}]\n  formats: [${formats.split(",").filter((f) => f !== "jpeg" && f !== "png").join(", ")}]\n`);
    writeFileSync(stamp, want);
  }
  return dir;
}

const eleventyImg = join(TOOLS, "eleventy-img");
if (!existsSync(join(eleventyImg, "node_modules", "@11ty", "eleventy-img"))) {
  log(`installing @11ty/eleventy-img 6 into ${eleventyImg} (scratch folder, not a project dependency)…`);
  mkdirSync(eleventyImg, { recursive: true });
  if (!existsSync(join(eleventyImg, "package.json"))) writeFileSync(join(eleventyImg, "package.json"), '{"name":"bench-eleventy-img","private":true}\n');
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", "@11ty/eleventy-img@6"], { cwd: eleventyImg, stdio: "inherit" });
}

const photoSite = corpus(`photos-${articles}-${images}`, true);
const pngSite = corpus(`pngs-${articles}-${images}`, false);
const out = (name) => join(WORK, `out-${name}`);
let trash = 0;
const moveAway = (dir) => existsSync(dir) && renameSync(dir, join(WORK, `trash-${process.pid}-${trash++}`));
const gazette = (site, dir, extra = []) => timed(process.execPath, [GAZETTE, "build", "--source", site, "--out", dir, "--json", ...extra], ROOT);

const cold = [];
const anchor = [];
log(`${images} photos, ${articles} articles: ${runs} cold gazette builds and ${runs} eleventy-img runs, alternating (widths ${widths}, formats ${formats})…`);
for (let run = 1; run <= runs; run++) {
  rmSync(join(photoSite, ".gazette-cache"), { recursive: true, force: true });
  moveAway(out("photos"));
  const g = await gazette(photoSite, out("photos"));
  const report = JSON.parse(g.stdout);
  cold.push({ wall: g.wall, rss: g.rss, cpu: g.cpu, images: report.timings.images / 1000, decoded: report.images?.decoded });
  log(`  run ${run} gazette cold: ${g.wall.toFixed(2)} s (images ${(report.timings.images / 1000).toFixed(2)} s, ${report.images?.decoded} decoded), CPU ${g.cpu.toFixed(1)} s, ${g.rss.toFixed(0)} MiB`);
  moveAway(out("eleventy-img"));
  const e = await timed(process.execPath, [ANCHOR, "--tools", eleventyImg, "--in", join(photoSite, "content", "images"), "--out", out("eleventy-img"), "--widths", widths, "--formats", formats], ROOT);
  const seconds = Number(/in ([\d.]+) s/.exec(e.stdout)?.[1] ?? e.wall);
  anchor.push({ wall: e.wall, rss: e.rss, cpu: e.cpu, images: seconds });
  log(`  run ${run} eleventy-img: ${seconds.toFixed(2)} s (process ${e.wall.toFixed(2)} s), CPU ${e.cpu.toFixed(1)} s, ${e.rss.toFixed(0)} MiB`);
}

const warm = [];
const pngs = [];
log(`warm builds (cache kept, nothing changed) of the photo corpus and of the same articles with tiny PNGs…`);
rmSync(join(pngSite, ".gazette-cache"), { recursive: true, force: true });
await gazette(pngSite, out("pngs")); // fills the tiny PNGs' cache
for (let run = 1; run <= runs; run++) {
  const w = await gazette(photoSite, out("photos"));
  const report = JSON.parse(w.stdout);
  warm.push({ wall: w.wall, rss: w.rss, decoded: report.images?.decoded });
  log(`  run ${run} gazette warm: ${w.wall.toFixed(2)} s, ${report.images?.decoded} decoded, ${w.rss.toFixed(0)} MiB`);
  const p = await gazette(pngSite, out("pngs"));
  pngs.push({ wall: p.wall, rss: p.rss });
  log(`  run ${run} gazette tiny PNGs (warm): ${p.wall.toFixed(2)} s, ${p.rss.toFixed(0)} MiB`);
}

const m = (list, key) => median(list.map((r) => r[key]));
const max = (list, key) => Math.max(...list.map((r) => r[key]));
console.log(`\n| ${images} photos, ${articles} articles (medians of ${runs}) | time | peak RSS |`);
console.log(`|---|---|---|`);
console.log(`| gazette cold: image step | ${m(cold, "images").toFixed(2)} s (${(m(cold, "images") * 1000 / images).toFixed(0)} ms a photo) | |`);
console.log(`| gazette cold: whole build | ${m(cold, "wall").toFixed(2)} s, CPU ${m(cold, "cpu").toFixed(1)} s | ${max(cold, "rss").toFixed(0)} MiB |`);
console.log(`| eleventy-img, same widths and formats | ${m(anchor, "images").toFixed(2)} s (${(m(anchor, "images") * 1000 / images).toFixed(0)} ms a photo), CPU ${m(anchor, "cpu").toFixed(1)} s | ${max(anchor, "rss").toFixed(0)} MiB |`);
console.log(`| gazette warm (nothing changed; photos decoded: ${max(warm, "decoded")}) | ${m(warm, "wall").toFixed(2)} s | ${max(warm, "rss").toFixed(0)} MiB |`);
console.log(`| gazette warm, same articles with tiny PNGs | ${m(pngs, "wall").toFixed(2)} s | ${max(pngs, "rss").toFixed(0)} MiB |`);
console.log(`\ncold image step / eleventy-img: ${(m(cold, "images") / m(anchor, "images")).toFixed(2)} (target ≤ 0.8)`);
if (TIME) console.log(`CPU time, whole gazette build / eleventy-img: ${(m(cold, "cpu") / m(anchor, "cpu")).toFixed(2)} (the fairer figure on a busy machine)`);
console.log(`warm photo build / tiny-PNG build: ${(m(warm, "wall") / m(pngs, "wall")).toFixed(2)} (target ≤ 1.2)`);
console.log(`peak RSS of a cold photo build: ${max(cold, "rss").toFixed(0)} MiB (target < 800)`);
for (let i = 0; i < trash; i++) rmSync(join(WORK, `trash-${process.pid}-${i}`), { recursive: true, force: true });
