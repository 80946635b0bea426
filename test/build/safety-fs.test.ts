/**
 * Issue 10, the file-system half: nothing outside the site is read, watched
 * or published (symbolic links), the output folder is never someone else's,
 * a killed swap is repaired by any command, and a changed cache is a miss.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { checkSite } from "../../src/check/run.js";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";
import { startServe, type ServeHandle } from "../../src/serve/serve.js";
import type { RebuildReport } from "../../src/serve/session.js";
import { gazette } from "../check/helpers.js";
import { plainBuild } from "../helpers/reference.js";
import { article, listTree, makeSite, read } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);
const running: ServeHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

/** A folder outside every site, holding a secret. */
function outsideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "gazette-outside-"));
  writeFileSync(join(dir, "secret.txt"), "SECRET\n");
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "more.txt"), "SECRET TOO\n");
  return dir;
}

const SITE = {
  "gazette.config.yaml": "title: Tin\nbaseUrl: https://example.org/\n",
  "content/2024/a.md": article({ title: "Bài A", date: "2024-07-26", author: "Tuấn" }, "Nội dung A.\n"),
  "notes/shared.txt": "shared inside the site\n",
  "archive/2023/b.md": article({ title: "Bài B", date: "2023-05-02", author: "Tuấn" }, "Nội dung B.\n"),
  ".git/config": "[remote] token=SECRET\n",
};

/** The `symlink-outside` diagnostics as `file` (the link), sorted. */
function outsideLinks(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code === "symlink-outside" && d.severity === "error").map((d) => d.file!).sort();
}

async function buildFailure(promise: Promise<unknown>): Promise<Diagnostic[]> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BuildFailure);
  return (err as BuildFailure).diagnostics;
}

describe("symbolic links (case 1)", () => {
  function hostileSite(): { root: string; outside: string } {
    const root = makeSite(SITE);
    const outside = outsideFolder();
    mkdirSync(join(root, "static"));
    mkdirSync(join(root, "templates", "assets"), { recursive: true });
    symlinkSync(join(outside, "secret.txt"), join(root, "static", "passwd.txt"));
    symlinkSync("../.git/config", join(root, "static", "x.txt"));
    symlinkSync(join(outside, "secret.txt"), join(root, "content", "leak.txt"));
    symlinkSync(outside, join(root, "content", "outside-folder"));
    symlinkSync(join(outside, "secret.txt"), join(root, "templates", "assets", "leak.css"));
    return { root, outside };
  }
  const LINKS = ["content/leak.txt", "content/outside-folder", "static/passwd.txt", "static/x.txt", "templates/assets/leak.css"];

  it("build refuses links out of the site (or into .git) with symlink-outside naming each link and its target, and publishes nothing", async () => {
    const { root, outside } = hostileSite();
    const diagnostics = await buildFailure(build({ source: root, cwd: root, now: NOW, cache: false }));
    expect(outsideLinks(diagnostics)).toEqual(LINKS);
    const passwd = diagnostics.find((d) => d.file === "static/passwd.txt")!;
    expect(passwd.message).toContain(`-> ${join(outside, "secret.txt")}`);
    expect(diagnostics.find((d) => d.file === "static/x.txt")!.message).toContain("-> ../.git/config leads to .git/config, a hidden entry of the site");
    expect(existsSync(join(root, "public"))).toBe(false);
  });

  it("check reports exactly the links build refuses, and serve neither lists nor serves them", async () => {
    const { root } = hostileSite();
    const checked = await checkSite({ source: root, cwd: root, now: NOW });
    expect(outsideLinks(checked.diagnostics)).toEqual(LINKS);
    expect(outsideLinks((await plainBuild({ source: root, cwd: root, now: NOW })).diagnostics)).toEqual(LINKS);

    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW });
    running.push(handle);
    expect(outsideLinks(handle.initial.diagnostics)).toEqual(LINKS);
    for (const path of ["passwd.txt", "x.txt", "leak.txt", "outside-folder/secret.txt", "assets/leak.css"]) {
      const res = await fetch(`${handle.url}${path}`);
      expect(res.status, path).not.toBe(200);
      expect(await res.text()).not.toContain("SECRET");
    }
  });

  it("follows links that stay inside the site, files and folders, in build, check and serve alike", async () => {
    const root = makeSite(SITE);
    mkdirSync(join(root, "static"));
    symlinkSync("../notes/shared.txt", join(root, "static", "shared.txt"));
    symlinkSync("../archive", join(root, "content", "archive"));
    symlinkSync("../notes", join(root, "static", "notes"));
    const out = join(root, "public");
    const result = await build({ source: root, cwd: root, now: NOW, cache: false });
    expect(result.diagnostics.filter((d) => d.code.startsWith("symlink"))).toEqual([]);
    expect(read(out, "shared.txt")).toBe("shared inside the site\n");
    expect(read(out, "notes/shared.txt")).toBe("shared inside the site\n");
    expect(read(out, "b/index.html")).toContain("Nội dung B.");
    expect(listTree(out).join("\n")).not.toContain("SECRET");

    const checked = await checkSite({ source: root, cwd: root, now: NOW });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.articles).toBe(2);

    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW });
    running.push(handle);
    expect(await (await fetch(`${handle.url}shared.txt`)).text()).toBe("shared inside the site\n");
    expect(await (await fetch(`${handle.url}b/`)).text()).toContain("Nội dung B.");
  });
});

describe("serve and links inside the site", () => {
  it("rebuilds an article saved at its real place outside content/, shown there by a folder link", async () => {
    const root = makeSite(SITE);
    symlinkSync("../archive", join(root, "content", "archive"));
    const reports: RebuildReport[] = [];
    let wake: () => void = () => undefined;
    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW }, { built: (report, initial) => { if (!initial) { reports.push(report); wake(); } } });
    running.push(handle);
    expect(await (await fetch(`${handle.url}b/`)).text()).toContain("Nội dung B.");
    writeFileSync(join(root, "archive", "2023", "b.md"), article({ title: "Bài B", date: "2023-05-02", author: "Tuấn" }, "Nội dung B đã sửa.\n"));
    // Waits for the rebuild that reads the article again (the test times out if the watcher never sees the save).
    while (!reports.some((r) => r.changed.articles > 0)) await new Promise<void>((resolve) => (wake = resolve));
    expect(reports.every((r) => r.ok)).toBe(true);
    expect(await (await fetch(`${handle.url}b/`)).text()).toContain("Nội dung B đã sửa.");
  });
});

describe("link loops (case 9)", () => {
  it("build reports a loop in templates/assets/ and content/ as a warning and builds the site", async () => {
    const root = makeSite(SITE);
    mkdirSync(join(root, "templates", "assets"), { recursive: true });
    symlinkSync("..", join(root, "templates", "assets", "loop"));
    symlinkSync("..", join(root, "content", "loop"));
    symlinkSync("self", join(root, "content", "self")); // a link to itself never reaches a file
    symlinkSync("../public", join(root, "content", "output")); // the output fed back into itself
    await build({ source: root, cwd: root, now: NOW });
    const result = await build({ source: root, cwd: root, now: NOW });
    const loops = result.diagnostics.filter((d) => d.code === "symlink-loop");
    expect(loops.map((d) => `${d.file} ${d.severity}`).sort()).toEqual(["content/loop warning", "content/output warning", "content/self warning", "templates/assets/loop warning"]);
    expect(read(join(root, "public"), "a/index.html")).toContain("Nội dung A.");
    expect(listTree(join(root, "public")).filter((p) => p.includes("loop") || p.includes("output"))).toEqual([]);
  });

  it("serve starts on a site with content/loop -> .. and a link to a folder outside, without following either", async () => {
    const root = makeSite(SITE);
    const outside = outsideFolder();
    symlinkSync("loop", join(outside, "loop")); // the outside folder loops too: a watcher following links would hit ELOOP there
    symlinkSync("..", join(root, "content", "loop"));
    symlinkSync(outside, join(root, "content", "big"));
    const failures: unknown[] = [];
    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW }, { failure: (cause) => failures.push(cause) });
    running.push(handle);
    expect(handle.initial.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(expect.arrayContaining(["content/loop symlink-loop", "content/big symlink-outside"]));
    expect(await (await fetch(`${handle.url}big/secret.txt`)).text()).not.toContain("SECRET");
    // Once the link out is gone, the site is served; the loop stays a warning.
    rmSync(join(root, "content", "big"));
    const report = await handle.session.update([{ event: "unlink", path: join(root, "content", "big") }]);
    expect(report.ok).toBe(true);
    expect(report.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain("content/loop symlink-loop");
    expect(await (await fetch(`${handle.url}a/`)).text()).toContain("Nội dung A.");
    await handle.idle();
    expect(failures).toEqual([]);
  });
});

describe("the output folder (case 2)", () => {
  it("refuses a folder holding only someone's dot-entries (a home folder) and leaves it as it was", async () => {
    const root = makeSite(SITE);
    const home = mkdtempSync(join(tmpdir(), "gazette-home-"));
    mkdirSync(join(home, ".ssh"));
    writeFileSync(join(home, ".ssh", "id_ed25519"), "KEY");
    writeFileSync(join(home, ".bashrc"), "alias x=y\n");
    chmodSync(home, 0o700);
    const diagnostics = await buildFailure(build({ source: root, cwd: root, out: home, now: NOW }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe("output");
    expect(diagnostics[0]!.message).toBe(
      `refusing to replace ${home}: it is not empty and was not made by gazette (it holds .bashrc, .ssh); the whole folder is replaced on every build, so choose a new or empty folder with --out, or empty this one`,
    );
    expect(readdirSync(home).sort()).toEqual([".bashrc", ".ssh"]);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(existsSync(join(root, ".gazette-cache"))).toBe(false);
    rmSync(home, { recursive: true, force: true });
  });

  it("takes a folder holding nothing but .git, keeping the .git and the folder's permissions", async () => {
    const root = makeSite(SITE);
    const out = join(root, "deploy");
    mkdirSync(join(out, ".git"), { recursive: true });
    writeFileSync(join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
    chmodSync(out, 0o750);
    await build({ source: root, cwd: root, out, now: NOW });
    expect(read(out, ".git/HEAD")).toBe("ref: refs/heads/gh-pages\n");
    expect(read(out, "a/index.html")).toContain("Nội dung A.");
    expect(statSync(out).mode & 0o777).toBe(0o750);
  });

  it("an empty --out is a usage error (exit 2) that touches nothing", () => {
    const root = makeSite(SITE);
    const before = readdirSync(root).sort();
    const run = gazette(["build", "--out", ""], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--out is empty");
    expect(readdirSync(root).sort()).toEqual(before);
  });
});

describe("a build killed during its swap (case 10)", () => {
  const DEAD = 99999999; // above any pid_max: no such process

  /** A site built once into public/ (with a .git in it), then the folders as a killed build's step left them. */
  async function interrupted(step: "carried" | "moved-aside"): Promise<{ root: string; out: string; before: string[] }> {
    const root = makeSite(SITE);
    const out = join(root, "public");
    await build({ source: root, cwd: root, now: NOW, cache: false });
    mkdirSync(join(out, ".git"));
    writeFileSync(join(out, ".git", "HEAD"), "ref\n");
    const before = listTree(out);
    const staging = join(root, `.public.gazette-tmp-${DEAD}-0a1b2c3d`);
    mkdirSync(join(staging, "a"), { recursive: true });
    writeFileSync(join(staging, ".gazette"), "generated by gazette; this folder is replaced on every build\n");
    writeFileSync(join(staging, "a", "index.html"), "the new site, complete or not");
    // Step 1: the journal is written and .git moved into the new site.
    writeFileSync(`${staging}.carry`, '[".git"]\n');
    renameSync(join(out, ".git"), join(staging, ".git"));
    // Step 2: the previous output is renamed aside; the kill comes before the new one is renamed into place.
    if (step === "moved-aside") renameSync(out, join(root, `.public.gazette-old-${DEAD}-deadbeef`));
    return { root, out, before };
  }

  function leftovers(root: string): string[] {
    return readdirSync(root).filter((name) => name.startsWith(".public.gazette-")).sort();
  }

  it.each(["carried", "moved-aside"] as const)("check repairs it first (%s): the previous output and its .git are back", async (step) => {
    const { root, out, before } = await interrupted(step);
    await checkSite({ source: root, cwd: root, now: NOW });
    expect(listTree(out)).toEqual(before);
    expect(read(out, ".git/HEAD")).toBe("ref\n");
  });

  it.each(["carried", "moved-aside"] as const)("serve repairs it first (%s)", async (step) => {
    const { root, out, before } = await interrupted(step);
    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW });
    running.push(handle);
    expect(listTree(out)).toEqual(before);
  });

  it.each(["carried", "moved-aside"] as const)("a build that fails on the site's errors still repairs it first (%s)", async (step) => {
    const { root, out, before } = await interrupted(step);
    writeFileSync(join(root, "content", "broken.md"), "---\ntitle: [unclosed\n---\n");
    await buildFailure(build({ source: root, cwd: root, now: NOW }));
    expect(listTree(out)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it("the gazette command line repairs it too (check, exit 0)", async () => {
    const { root, out, before } = await interrupted("moved-aside");
    expect(gazette(["check"], root).code).toBe(0);
    expect(listTree(out)).toEqual(before);
  });
});

describe("the build cache (case 11)", () => {
  it("a cache file changed on disk is a miss: the build renders the article again and publishes its own HTML", async () => {
    const root = makeSite({ ...SITE, "content/2024/a.md": article({ title: "Bài A", date: "2024-07-26", author: "Tuấn" }, "Plain ascii body Xyzzy.\n") });
    const out = join(root, "public");
    await build({ source: root, cwd: root, now: NOW });
    const cacheDir = join(root, ".gazette-cache");
    let changed = 0;
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith(".bin"))) {
      // Strings are stored as Latin-1 or UTF-16 bytes, depending on how V8 holds them.
      const text = readFileSync(join(cacheDir, name)).toString("latin1");
      const [one, two] = [["Xyzzy", "HACKD"], [Buffer.from("Xyzzy", "utf16le").toString("latin1"), Buffer.from("HACKD", "utf16le").toString("latin1")]] as const;
      if (!text.includes(one[0]) && !text.includes(two[0])) continue;
      writeFileSync(join(cacheDir, name), Buffer.from(text.replaceAll(one[0], one[1]).replaceAll(two[0], two[1]), "latin1"));
      changed++;
    }
    expect(changed).toBeGreaterThan(0);
    // Without the previous output, every page is rendered from what the cache gives.
    rmSync(out, { recursive: true });
    for (const name of readdirSync(cacheDir).filter((n) => n.startsWith("output-"))) rmSync(join(cacheDir, name), { recursive: true });
    const result = await build({ source: root, cwd: root, now: NOW });
    expect(read(out, "a/index.html")).toContain("Plain ascii body Xyzzy.");
    expect(listTree(out).map((p) => read(out, p)).join("\n")).not.toContain("HACKD");
    expect(result.stats.cache!.bodies.misses).toBeGreaterThan(0);
  });
});
