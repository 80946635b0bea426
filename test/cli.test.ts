import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gazetteInProcess } from "./check/helpers.js";
import { article, listTree, makeSite } from "./helpers/site.js";

const BIN = join(import.meta.dirname, "..", "bin", "gazette.js");

function gazette(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the installed command (the bundle dist/gazette.js and its worker script dist/worker.js)", () => {
  it("builds on a worker thread with the same bytes as without, and uses the same cache", () => {
    const files: Record<string, string> = { "gazette.config.yaml": "baseUrl: https://example.org/\n" };
    for (let i = 1; i <= 80; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      files[`content/2024-02-${day}-tin-${i}.md`] = article({ title: `Tin số ${i}`, date: `2024-02-${day}` }, `Đoạn **${i}**, xem [tin 1](2024-02-02-tin-1.md).\n\n| a | b |\n|---|---|\n| ${i} | ~~x~~ |\n`);
    }
    const root = makeSite(files);
    const threaded = gazette(["build", "--out", "threaded", "--json"], root, { GAZETTE_WORKERS: "1" });
    expect(threaded.code).toBe(0);
    expect(JSON.parse(threaded.stdout).threads).toBe(1);
    expect(gazette(["build", "--out", "plain", "--no-cache"], root, { GAZETTE_WORKERS: "0" }).code).toBe(0);
    const pages = listTree(join(root, "plain"));
    expect(pages.length).toBeGreaterThan(80);
    expect(listTree(join(root, "threaded"))).toEqual(pages);
    expect(pages.filter((p) => !readFileSync(join(root, "plain", p)).equals(readFileSync(join(root, "threaded", p))))).toEqual([]);
    // The bundle keys the cache as the compiled modules do: a second build renders nothing again.
    const again = JSON.parse(gazette(["build", "--out", "threaded", "--json"], root).stdout);
    expect(again.cache.bodies.misses).toBe(0);
  });
});

describe("a reader that closes the pipe early", () => {
  it("does not crash the command: no stack trace, its own exit code, the site written", () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2024-01-01" }) });
    // `| true` reads nothing and exits at once, as `| head -c 0` would.
    for (const args of ["build --json", "build --help"]) {
      const run = spawnSync("bash", ["-c", `"$0" "$1" ${args} | true; exit \${PIPESTATUS[0]}`, process.execPath, BIN], { cwd: root, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    }
    expect(existsSync(join(root, "public", "index.html"))).toBe(true);
  });
});

describe("the gazette command", () => {
  // What a command prints and its exit code, from its `main` in process (the errors test and the others of this file start the real command).
  it("builds a site and prints a one-line summary", async () => {
    const root = makeSite({ "content/2024-01-01-tin-mot.md": article({ title: "Tin một", date: "2024-01-01" }), "gazette.config.yaml": "baseUrl: https://example.org/\n" });
    const run = await gazetteInProcess(["build"], root);
    expect(run.stderr).toMatch(/^built 1 article, \d+ pages \(\d+ files\) into public\/ in [\d.]+ s\n$/);
    expect(run.code).toBe(0);
    expect(listTree(join(root, "public"))).toContain("tin-mot/index.html");
    // The summary counts every file written (the .gazette marker aside).
    const counted = Number(/\((\d+) files\)/.exec(run.stderr)![1]);
    expect(counted).toBe(listTree(join(root, "public")).filter((p) => p !== ".gazette").length);
    // Built again unchanged: the summary says what the build cache saved.
    const again = await gazetteInProcess(["build"], root);
    expect(again.stderr).toMatch(/^built 1 article, (\d+) pages \(\d+ files\) into public\/ in [\d.]+ s; from the cache: 1 of 1 body, (\d+) of \1 pages\n$/);
  });

  it("prints errors as path:line:column without a stack trace and exits 1", () => {
    const root = makeSite({ "content/a.md": "---\ntitle: A\ndate: [2024\n---\n", "content/b.md": "---\ntitle: B\n---\n" });
    const run = gazette(["build"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("content/a.md:3:7: error: the [ opened on this line is never closed: end the list with ] on the same line [yaml]");
    expect(run.stderr).toContain('content/b.md:1: error: missing required field "date" [front-matter]');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, "public"))).toBe(false);
  });

  it("exits 2 on an unknown flag or a missing source folder", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2024-01-01" }) });
    expect((await gazetteInProcess(["build", "--nope"], root)).code).toBe(2);
    const missing = await gazetteInProcess(["build", "--source", "nowhere"], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("source folder not found: nowhere");
  });

  it("prints one JSON report with --json", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2024-01-01" }) });
    const run = await gazetteInProcess(["build", "--json"], root);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, articles: 1, outDir: "public" });
    expect(report.pages).toBeGreaterThan(1);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(["base-url"]);
    expect(report.timings.total).toBeGreaterThanOrEqual(0);
  });

  it("refuses to replace a folder it did not make", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2024-01-01" }), "mine/notes.txt": "keep me" });
    const run = await gazetteInProcess(["build", "--out", "mine"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("refusing to replace");
    expect(listTree(join(root, "mine"))).toEqual(["notes.txt"]);
  });

  it("keeps a .git folder at the top of an existing output", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2024-01-01" }), "public/.git/HEAD": "ref: refs/heads/gh-pages\n" });
    expect((await gazetteInProcess(["build"], root)).code).toBe(0);
    expect((await gazetteInProcess(["build"], root)).code).toBe(0);
    expect(listTree(join(root, "public"))).toContain(".git/HEAD");
  });
});

describe("the build machine's timezone", () => {
  it("gives byte-identical output in UTC, California and Kiribati", () => {
    const files = {
      "gazette.config.yaml": "title: Tin\n",
      "content/a.md": article({ title: "Sáng sớm", date: '"2024-07-26 06:30"', category: "Tin tức" }),
      "content/b.md": article({ title: "Nửa đêm", date: "2024-07-26", category: "Tin tức" }),
      "content/c.md": article({ title: "Có múi giờ", date: "2024-07-25T23:30:00+00:00", category: "Tin tức" }),
    };
    const outputs = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"].map((tz) => {
      const root = makeSite(files);
      expect(gazette(["build"], root, { TZ: tz }).code).toBe(0);
      return listTree(join(root, "public")).map((p) => [p, readFileSync(join(root, "public", p), "utf8")]);
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    const page = new Map(outputs[0]!.map(([p, t]) => [p, t])).get("b/index.html")!;
    expect(page).toContain('datetime="2024-07-26T00:00:00+07:00"');
    expect(page).toContain(">26/07/2024<");
  });
});
