#!/usr/bin/env node
// Hostile Markdown bodies against the renderer, each about SIZE bytes: prose for
// reference, the cases of issue 10 (refused before parsing), and dense patterns just
// under the limits of src/markdown/guard.ts (rendered). Prints the time of one
// renderMarkdown call per body, its ratio to prose, and what came out.
//
//   node bench/markdown-limits.mjs [SIZE=1000000] [name,name…]
//   node bench/markdown-limits.mjs --largest [SIZE=1000000] [name,name…]
//
// --largest: for each pattern, the largest body up to SIZE that the guard lets
// through (found by bisection on the guard alone), and the time to render it:
// the worst a writer can make gazette spend on one body.
//
// Needs `npm run build` (dist/) first.
import { renderMarkdown } from "../dist/markdown/render.js";
import { checkMarkdownLimits } from "../dist/markdown/guard.js";

const args = process.argv.slice(2);
const largest = args[0] === "--largest";
if (largest) args.shift();
let size = Number(args[0] ?? 1_000_000);
const rep = (unit) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const half = (a, mid, b) => { const k = Math.floor(size / (a.length + b.length)); return a.repeat(k) + mid + b.repeat(k); };
const bodies = {
  prose: () => rep("Hội thảo **Giải pháp** nâng cao chất lượng mô hình hỗ trợ sinh kế, với *nhiều* đại biểu tham dự và `mã`.\n\n"),
  "issue: - ×1000": () => "- ".repeat(1000) + "x\n",
  "issue: > ×1500": () => ">".repeat(1500) + " x\n",
  "issue: *a …x… a*": () => half("*a ", "x", " a*"),
  "crossed emphasis ×80": () => rep("*a ".repeat(80) + "x" + " a*".repeat(80) + "\n\n"),
  "mismatched *a_ ×120": () => rep("*a_ ".repeat(120) + "\n\n"),
  "emphasis pairs ×120": () => rep("*a* ".repeat(120) + "\n\n"),
  "nested images ×30": () => rep("![".repeat(30) + "a" + "](b)".repeat(30) + "\n\n"),
  "nested brackets ×30": () => rep("[".repeat(30) + "a" + "]".repeat(30) + "\n\n"),
  "[ (]( ×160": () => rep("[ (](".repeat(160) + "\n\n"),
  "runs of 50 *": () => rep("*".repeat(50) + "a" + "*".repeat(50) + "\n\n"),
  "flat list": () => rep("- x\n"),
  "lists 8 deep": () => rep("- ".repeat(8) + "x\n"),
  "items with sublists": () => rep("- a\n  - b\n"),
  "lists 32 deep": () => rep("- ".repeat(32) + "x\n"),
  "quotes 32 deep": () => rep(">".repeat(32) + " x\n"),
  "prose + 100 setext": () => rep("text\n\n") + "a\n===\n\n".repeat(100),
  "tables 100 columns": () => rep("|a".repeat(100) + "|\n" + "|-".repeat(100) + "|\n" + "x\n".repeat(100) + "\n"),
  "indented lists 600 deep": () => { let s = ""; for (let i = 0; s.length < size; i++) s += " ".repeat(2 * (i % 600)) + "- a\n"; return s; },
};
const input = (body) => ({ body, bodyLine: 1, contentPath: "a.md", displayPath: "a.md", basePath: "/", allowHtml: false, images: [], articleUrls: {}, assets: [], dependencies: true });
renderMarkdown(input("*a* [b](c)\n\n> q\n\n- l\n\n|a|\n|-|\n"));
const names = args[1] ? args[1].split(",") : Object.keys(bodies);
const limit = size;
/** The largest body of this pattern, up to `limit`, that the guard accepts (or undefined when none of 1 KB is). */
function largestAccepted(name) {
  let lo = 1024, hi = limit;
  size = lo;
  if (checkMarkdownLimits(bodies[name]())) return undefined;
  while (hi - lo > 512) {
    size = Math.floor((lo + hi) / 2);
    if (checkMarkdownLimits(bodies[name]())) hi = size; else lo = size;
  }
  size = lo;
  return bodies[name]();
}
let prose;
for (const name of names) {
  const body = largest ? largestAccepted(name) : bodies[name]();
  if (body === undefined) { console.log(`${name.padEnd(26)} refused already at 1 KB`); continue; }
  const started = performance.now();
  const out = renderMarkdown(input(body));
  const ms = performance.now() - started;
  if (name === "prose") prose = ms;
  const errors = out.diagnostics.filter((d) => d.severity === "error");
  const refused = errors.find((d) => d.code.startsWith("markdown-too"));
  const outcome = refused ? `refused: ${refused.key ?? refused.code} at line ${refused.line}` : `rendered${errors.length ? ` (${errors.length} other errors)` : ""}`;
  console.log(`${name.padEnd(26)} ${String(body.length).padStart(8)} B ${String(Math.round(ms)).padStart(7)} ms ${prose ? `${(ms / prose).toFixed(1)}×`.padStart(7) : ""}  ${outcome}`);
}
