import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type Io } from "../../src/cli.js";
import { PNG, article, makeSite } from "../helpers/site.js";
import { gazette, gazetteAsync, gazetteInProcess } from "./helpers.js";

const clean = article({ title: "Tin sạch", date: "2024-01-01", author: "Tuấn Nguyễn" }, "Mở đầu.\n");
const warned = article({ title: "Không tác giả", date: "2024-01-01" }, "Mở đầu.\n\n![Toàn cảnh hội thảo](i/a.png)\n");
const broken = article({ title: "Liên kết hỏng", date: "2024-01-01", author: "Tuấn Nguyễn" }, "Xem [bài](nope.md).\n");

/** Runs `main` in process with a fake terminal. */
async function runInProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv, isTTY: boolean) {
  let stderr = "";
  let stdout = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY, env, cwd };
  const code = await main(["node", "gazette", ...args], io);
  return { code, stdout, stderr };
}

describe("gazette check on the command line", () => {
  it("prints warnings like a compiler, sorted by file and line, then a summary, and exits 0", () => {
    const root = makeSite({ "content/b.md": warned, "content/a.md": warned.replace("Không tác giả", "Khác"), "content/i/a.png": PNG });
    const run = gazette(["check"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")).toEqual([
      'content/a.md:1: warning: article has no author: set "author:" or "authors:" [missing-author]',
      "content/a.md:7:1: warning: image has no caption: i/a.png [image-caption]",
      'content/b.md:1: warning: article has no author: set "author:" or "authors:" [missing-author]',
      "content/b.md:7:1: warning: image has no caption: i/a.png [image-caption]",
      expect.stringMatching(/^checked 2 articles: 0 errors, 4 warnings; 0 external links in [\d.]+ s$/),
      "",
    ]);
  });

  it("fails on warnings with --strict", async () => {
    const root = makeSite({ "content/a.md": warned, "content/i/a.png": PNG });
    expect((await gazetteInProcess(["check", "--strict"], root)).code).toBe(1);
    expect((await gazetteInProcess(["check", "--strict"], makeSite({ "content/a.md": clean }))).code).toBe(0);
  });

  it("exits 1 on errors and 2 on usage errors", async () => {
    const root = makeSite({ "content/a.md": broken });
    const run = await gazetteInProcess(["check"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("content/a.md:6:5: error: link to missing article: nope.md [broken-link]");
    expect((await gazetteInProcess(["check", "--source", "nowhere"], root)).code).toBe(2);
    expect((await gazetteInProcess(["check", "--bogus"], root)).code).toBe(2);
    expect((await gazetteInProcess(["check", "--timeout", "soon"], root)).code).toBe(2);
  });

  it("prints only what fails with --quiet", async () => {
    const root = makeSite({ "content/a.md": warned, "content/b.md": broken, "content/i/a.png": PNG });
    const run = await gazetteInProcess(["check", "--quiet"], root);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["content/b.md:6:5: error: link to missing article: nope.md [broken-link]"]);
  });

  it("shows examples and the rules in --help", async () => {
    const run = await gazetteInProcess(["check", "--help"], makeSite({}));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Examples:");
    expect(run.stdout).toContain("image-caption");
    for (const command of ["new", "init", "build"]) expect((await gazetteInProcess([command, "--help"], makeSite({}))).stdout).toContain("Examples:");
  });

  it("colours severities on a terminal, never with NO_COLOR", async () => {
    const root = makeSite({ "content/a.md": warned, "content/i/a.png": PNG });
    const tty = await runInProcess(["check"], root, {}, true);
    expect(tty.stderr).toContain("\x1b[33mwarning\x1b[0m");
    const noColour = await runInProcess(["check"], root, { NO_COLOR: "1" }, true);
    expect(noColour.stderr).not.toContain("\x1b[");
    const pipe = await runInProcess(["check"], root, {}, false);
    expect(pipe.stderr).not.toContain("\x1b[");
  });
});

describe("gazette check --external on the command line", () => {
  let server: Server;
  let origin = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/never") return; // never answers: times out whatever the machine's load
      else res.writeHead(req.url === "/ok" ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("applies --timeout and counts the links in the summary", async () => {
    const body = `Xem [a](${origin}/ok), [b](${origin}/never) và [c](${origin}/gone).\n`;
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2024-01-01", author: "Tuấn Nguyễn" }, body) });
    const listed = await gazetteInProcess(["check"], root);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toMatch(/3 external links \(not fetched: use --external\)/);
    // A limit no local answer comes near; only the link that never answers reaches it.
    const run = await gazetteAsync(["check", "--external", "--timeout", "2", "--concurrency", "2"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`broken external link (no answer within 2 s): ${origin}/never`);
    expect(run.stderr).toContain(`broken external link (HTTP 404): ${origin}/gone`);
    expect(run.stderr).toMatch(/3 external links checked \(2 broken, 0 redirected\)/);
  });
});

describe("JSON reports", () => {
  it("check --json prints one object with ok, articles, errors, warnings, external and timings", async () => {
    const root = makeSite({ "content/a.md": warned, "content/b.md": broken, "content/i/a.png": PNG });
    const run = await gazetteInProcess(["check", "--json"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report).sort()).toEqual(["articles", "errors", "external", "ok", "timings", "warnings"]);
    expect(report).toMatchObject({ ok: false, articles: 2 });
    expect(report.errors).toEqual([{ code: "broken-link", severity: "error", file: "content/b.md", line: 6, column: 5, message: "link to missing article: nope.md" }]);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(["missing-author", "image-caption"]);
    expect(report.external).toEqual({ links: 0, uses: 0, fetched: false, checked: 0, broken: 0, redirected: 0, urls: [] });
    expect(Object.keys(report.timings).sort()).toEqual(["lint", "load", "markdown", "total"]);
  });

  it("check --json lists external links with their uses, and --strict turns ok false on warnings", async () => {
    const root = makeSite({ "content/a.md": article({ title: "A", date: "2024-01-01" }, "Xem [cổng](https://example.org/a#x) và [lại](https://example.org/a).\n") });
    const report = JSON.parse((await gazetteInProcess(["check", "--json", "--strict"], root)).stdout);
    expect(report.ok).toBe(false);
    expect(report.external).toMatchObject({ links: 1, uses: 2, fetched: false });
    expect(report.external.urls).toEqual([{ url: "https://example.org/a", uses: [{ file: "content/a.md", line: 5, column: 5 }, { file: "content/a.md", line: 5, column: 40 }] }]);
  });

  it("build --json prints pages, articles, warnings, errors and timings, also when it fails", async () => {
    const root = makeSite({ "content/a.md": clean });
    const run = await gazetteInProcess(["build", "--json"], root);
    const report = JSON.parse(run.stdout);
    for (const key of ["ok", "articles", "pages", "files", "errors", "warnings", "timings"]) expect(report).toHaveProperty(key);
    expect(report).toMatchObject({ ok: true, articles: 1, errors: [] });
    expect(report.pages).toBeGreaterThan(0);
    expect(typeof report.timings.total).toBe("number");
    const failed = JSON.parse((await gazetteInProcess(["build", "--json"], makeSite({ "content/b.md": broken }))).stdout);
    expect(failed).toMatchObject({ ok: false, pages: 0, errors: [{ code: "broken-link", file: "content/b.md" }] });
  });
});
