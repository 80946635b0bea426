#!/usr/bin/env node
// How long from saving a file to the rebuilt page being served by `gazette serve`.
//
//   npm run build && node bench/serve-latency.mjs --source /tmp/c4k [--runs 10]
//   [--node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"]   (flags for the server's node; SHOW_SERVER=1 shows its output)
//
// Starts the real CLI (`bin/gazette.js serve`, compiled dist/) on the site,
// keeps an EventSource-like connection open as a browser tab would, then
// `--runs` times: saves one article's Markdown with a new sentence and
// measures until an HTTP response for that article contains it (after the
// server's `reload` event, as a tab would reload). Then the same for an edit
// of a partial (templates/partials/footer.hbs, created for the run from the
// built-in one when the site has none). Every file is restored afterwards.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const source = resolve(args.source ?? "/tmp/c4k");
const runs = Number(args.runs ?? 10);
const { slugify } = await import(join(root, "dist/load/slug.js"));
const { fileSlugSource } = await import(join(root, "dist/load/frontmatter.js"));

const article = pickArticle(join(source, "content"));
const footer = join(source, "templates/partials/footer.hbs");
const footerExisted = existsSync(footer);
const footerText = footerExisted ? readFileSync(footer, "utf8") : readFileSync(join(root, "templates/partials/footer.hbs"), "utf8");
const madeDir = footerExisted ? undefined : mkdirSync(dirname(footer), { recursive: true });
if (!footerExisted) writeFileSync(footer, footerText);

const nodeArgs = args["node-args"] ? args["node-args"].split(" ") : [];
const server = spawn(process.execPath, [...nodeArgs, join(root, "bin/gazette.js"), "serve", "--source", source, "--port", "0"], { env: { ...process.env, NO_COLOR: "1" } });
const restore = () => {
  writeFileSync(article.path, article.text);
  if (footerExisted) writeFileSync(footer, footerText);
  else rmSync(madeDir ?? footer, { recursive: true });
  server.kill("SIGINT");
};
process.on("SIGINT", () => {
  restore();
  process.exit(130);
});

try {
  const started = performance.now();
  const url = await new Promise((resolveUrl, reject) => {
    let err = "";
    server.stderr.on("data", (chunk) => {
      err += chunk;
      if (process.env.SHOW_SERVER) process.stderr.write(chunk);
      const match = /serving (http:\/\/\S+)/.exec(err);
      if (match) resolveUrl(match[1]);
    });
    server.on("exit", (code) => reject(new Error(`gazette serve exited (${code}):\n${err}`)));
  });
  console.log(`site: ${source} (first build and watcher ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const events = await listen(new URL("/__gazette/events", url));
  const page = new URL(`${article.slug}/`, url);
  await fetchText(page); // a tab has the page open: it is rendered once before the runs

  const articleTimes = [];
  for (let i = 0; i < runs; i++) {
    const marker = `Câu mới số ${i} ${Date.now()}`;
    articleTimes.push(await measure(events, page, marker, () => writeFileSync(article.path, `${article.text}\n${marker}.\n`)));
  }
  writeFileSync(article.path, article.text);
  await events.next("reload");

  const partialTimes = [];
  for (let i = 0; i < runs; i++) {
    const marker = `footer-mark-${i}-${Date.now()}`;
    partialTimes.push(await measure(events, page, marker, () => writeFileSync(footer, footerText.replace("</footer>", `<p>${marker}</p>\n</footer>`))));
  }
  report(`save one article (${article.slug})`, articleTimes);
  report("save templates/partials/footer.hbs", partialTimes);
} finally {
  restore();
}

/** Saves with `save`, then waits for the server's reload and fetches `page` until it has `marker`; returns ms. */
async function measure(events, page, marker, save) {
  await new Promise((r) => setTimeout(r, 300)); // let the previous batch settle: each save is its own rebuild
  events.clear();
  const t0 = performance.now();
  save();
  for (;;) {
    await events.next("reload");
    if ((await fetchText(page)).includes(marker)) return performance.now() - t0;
  }
}

function report(what, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`${what}: median ${ms(median)}, min ${ms(sorted[0])}, max ${ms(sorted.at(-1))} over ${times.length} saves`);
}

async function fetchText(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** A Server-Sent Events connection: `next(name)` resolves at the next event of that name. */
async function listen(url) {
  const res = await fetch(url);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const seen = [];
  let waiting;
  let buffer = "";
  (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const name = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (!name) continue;
        seen.push(name);
        if (waiting && seen.includes(waiting.name)) {
          seen.splice(seen.indexOf(waiting.name), 1);
          const w = waiting;
          waiting = undefined;
          w.resolve();
        }
      }
    }
  })();
  return {
    clear: () => seen.splice(0),
    next: (name) =>
      new Promise((resolveNext, reject) => {
        if (seen.includes(name)) {
          seen.splice(seen.indexOf(name), 1);
          return resolveNext();
        }
        const timer = setTimeout(() => reject(new Error(`no "${name}" event within 30 s`)), 30_000);
        waiting = { name, resolve: () => (clearTimeout(timer), resolveNext()) };
      }),
  };
}

/** A published article of the site: the newest file under content/ by name, its text and its slug. */
function pickArticle(contentDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(".md")) files.push(join(dir, entry.name));
    }
  };
  walk(contentDir);
  const path = files.sort().filter((f) => /\/\d{4}-\d{2}-\d{2}-[^/]*$/.test(f) && f.slice(f.lastIndexOf("/") + 1) <= new Date().toISOString().slice(0, 10)).at(-1) ?? files[0];
  const text = readFileSync(path, "utf8");
  const slug = /^slug:\s*(.+)$/m.exec(text.split(/^---\s*$/m)[1] ?? "")?.[1]?.trim() ?? slugify(fileSlugSource(path));
  return { path, text, slug };
}
