#!/usr/bin/env node
// Front-matter parsing alone, one thread: the CPU time of reading every article's
// front-matter in a corpus, three ways, each as the median of --runs passes over all files:
//   parseYaml     the YAML reader the loader uses (fast path first, full parser when it declines)
//   parseFull     the full `yaml`-package reader alone (what parseYaml was before the fast path)
//   parseArticle  the loader's whole front-matter step (gray-matter, YAML, field checks)
// It also counts how many front-matter blocks the fast path declines.
//
//   node bench/front-matter.mjs --source DIR [--runs 3]
//
// Needs `npm run build` (reads the compiled modules in dist/). DIR holds content/ (for
// example a corpus from make-corpus.mjs).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { option } from "./options.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const source = option("source");
if (!source) {
  console.error("usage: node bench/front-matter.mjs --source DIR [--runs 3]");
  process.exit(2);
}
const runs = Number(option("runs", "3"));
const yaml = await import(join(ROOT, "dist", "load", "yaml.js"));
const fast = await import(join(ROOT, "dist", "load", "yaml-fast.js")).catch(() => undefined);
const { parseArticle } = await import(join(ROOT, "dist", "load", "frontmatter.js"));

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".md")) files.push(path);
  }
})(join(resolve(source), "content"));
const texts = files.map((file) => readFileSync(file, "utf8"));
// The block gray-matter hands the YAML engine, as the loader sees it.
const blocks = texts.map((text) => {
  let block = "";
  matter(text, { engines: { yaml: (b) => ((block = b), {}) } });
  return block;
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** CPU milliseconds (user + system) of one pass of `work`, `runs` times; returns the median. */
function time(work) {
  work(); // warm-up pass, not counted
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
}

const config = { timezone: "Asia/Ho_Chi_Minh" };
const rows = [["parseYaml", () => blocks.forEach((b) => yaml.parseYaml(b))]];
if (yaml.parseFull) rows.push(["parseFull", () => blocks.forEach((b) => yaml.parseFull(b))]);
rows.push([
  "parseArticle",
  () => texts.forEach((text, i) => parseArticle(text, { contentPath: files[i], displayPath: files[i], sitePath: relative(source, files[i]) }, config)),
]);
console.log(`${files.length} articles, ${runs} runs, median CPU ms (one thread)`);
for (const [name, work] of rows) {
  const ms = time(work);
  console.log(`${name.padEnd(13)} ${ms.toFixed(0).padStart(7)} ms  ${((ms / files.length) * 1000).toFixed(1).padStart(7)} µs/article`);
}
if (fast) console.log(`fast path declined ${blocks.filter((b) => !fast.parseYamlFast(b)).length} of ${blocks.length} front-matter blocks`);
