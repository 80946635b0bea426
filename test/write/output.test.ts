import { spawnSync } from "node:child_process";
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";
import { MARKER_NAME, MARKER_TEXT, markerText } from "../../src/write/marker.js";
import { writeOutput, type OutputFile, type WriteOptions } from "../../src/write/output.js";

/** Switches for injected file-system faults and a gauge of parallel writes. */
const fsHooks = vi.hoisted(() => ({
  failRename: undefined as undefined | ((from: string, to: string) => boolean),
  inFlight: 0,
  maxInFlight: 0,
}));

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  return {
    ...real,
    renameSync: (from: string, to: string) => {
      if (fsHooks.failRename?.(String(from), String(to))) {
        throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: "EIO" });
      }
      return real.renameSync(from, to);
    },
  };
});

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const gauge =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      fsHooks.inFlight++;
      fsHooks.maxInFlight = Math.max(fsHooks.maxInFlight, fsHooks.inFlight);
      try {
        await new Promise((r) => setImmediate(r)); // let other writes start, as slow disks would
        return await fn(...args);
      } finally {
        fsHooks.inFlight--;
      }
    };
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (fsHooks.failRename?.(String(from), String(to))) {
        throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: "EIO" });
      }
      return real.rename(from, to);
    },
    writeFile: gauge(real.writeFile),
    copyFile: gauge(real.copyFile),
  };
});

let root: string;
let site: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "gazette-write-"));
  site = join(root, "site");
  for (const dir of ["content", "templates", "static"]) await mkdir(join(site, dir), { recursive: true });
  await writeFile(join(site, "content", "a.md"), "# a\n");
  out = join(site, "public");
  fsHooks.failRename = undefined;
});

afterEach(async () => {
  fsHooks.failRename = undefined;
  await rm(root, { recursive: true, force: true });
});

function options(outDir = out, extra: Partial<WriteOptions> = {}): WriteOptions {
  return { outDir, sourceDir: site, protectedDirs: ["content", "templates", "static"].map((d) => join(site, d)), ...extra };
}

/** Every entry under `dir` (hidden ones included): folders, file contents, link targets. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(join(dir, rel))).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const info = await lstat(join(dir, path));
      if (info.isSymbolicLink()) entries[path] = `link:${await readlink(join(dir, path))}`;
      else if (info.isDirectory()) {
        entries[path] = "dir";
        await walk(path);
      } else entries[path] = `file:${(await readFile(join(dir, path))).toString("base64")}`;
    }
  };
  await walk("");
  return entries;
}

/** The snapshot of a file holding `text`. */
function fileEntry(text: string): string {
  return `file:${Buffer.from(text).toString("base64")}`;
}

/** The snapshot a write of these in-memory site files should produce (marker included), plus `extra` entries kept from before. */
function expected(files: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const marker = markerText(Object.keys(files).map((path) => path.split("/")[0]!));
  const entries: Record<string, string> = { [MARKER_NAME]: `file:${Buffer.from(marker).toString("base64")}`, ...extra };
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) entries[parts.slice(0, i).join("/")] = "dir";
    entries[path] = `file:${Buffer.from(text).toString("base64")}`;
  }
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function pages(files: Record<string, string>): OutputFile[] {
  return Object.entries(files).map(([path, data]) => ({ path, data }));
}

/** Working folders of the write stage left beside `outDir`. */
async function leftovers(outDir = out): Promise<string[]> {
  return (await readdir(dirname(outDir))).filter((name) => name.includes(".gazette-"));
}

async function failureOf(promise: Promise<unknown>, outDir = out): Promise<Diagnostic[]> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BuildFailure);
  const diagnostics = (err as BuildFailure).diagnostics;
  expect(diagnostics.length).toBeGreaterThan(0);
  for (const d of diagnostics) expect(d).toMatchObject({ code: "output", severity: "error", file: outDir });
  return diagnostics;
}

function messages(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => d.message).join("\n");
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  expect(child.pid).toBeGreaterThan(0);
  return child.pid as number;
}

const SITE_V1 = { "index.html": "<h1>home v1</h1>", "tin-tuc/index.html": "news v1", "old/only-in-v1.html": "stale" };
const SITE_V2 = { "index.html": "<h1>home v2</h1>", "tin-tuc/index.html": "news v2", "tin-tức/index.html": "Tin tức" };

describe("writeOutput", () => {
  it("writes files into a new folder, creating missing parents", async () => {
    const image = join(site, "content", "a.png");
    await writeFile(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    const outDir = join(root, "deploy", "nested", "www");
    const result = await writeOutput(
      [...pages({ "index.html": "<p>Xin chào</p>", "tin-tức/bài-1/index.html": "Đặng" }), { path: "images/a.png", copyFrom: image }, { path: "b.bin", data: new Uint8Array([1, 2, 3]) }],
      options(outDir),
    );
    expect(result).toEqual({ files: 4, bytes: Buffer.byteLength("<p>Xin chào</p>") + Buffer.byteLength("Đặng") + 6 + 3 });
    const snap = await snapshot(outDir);
    expect(Object.keys(snap)).toEqual([MARKER_NAME, "b.bin", "images", "images/a.png", "index.html", "tin-tức", "tin-tức/bài-1", "tin-tức/bài-1/index.html"]);
    expect(await readFile(join(outDir, "images/a.png"))).toEqual(await readFile(image));
    expect(await readFile(join(outDir, "tin-tức/bài-1/index.html"), "utf8")).toBe("Đặng");
    expect(await readFile(join(outDir, MARKER_NAME), "utf8")).toBe(MARKER_TEXT);
    expect(await leftovers(outDir)).toEqual([]);
  });

  it("writes files into an existing empty folder", async () => {
    await mkdir(out);
    await writeOutput(pages(SITE_V1), options());
    expect(await snapshot(out)).toEqual(expected(SITE_V1));
  });

  it("replaces an earlier build and leaves no stale files", async () => {
    await writeOutput(pages(SITE_V1), options());
    await writeFile(join(out, "tin-tuc", "added-by-hand.html"), "x"); // anything not in the new build goes
    await writeOutput(pages(SITE_V2), options());
    expect(await snapshot(out)).toEqual(expected(SITE_V2));
    expect(await leftovers()).toEqual([]);
  });

  it("gives byte-identical output for the same input", async () => {
    const other = join(root, "other");
    await writeOutput(pages(SITE_V2), options());
    await writeOutput(pages(SITE_V2), options(other));
    expect(await snapshot(other)).toEqual(await snapshot(out));
  });

  it("keeps a top-level .git folder (with contents) of an existing output, and the site's own dot-files win", async () => {
    await writeOutput(pages(SITE_V1), options());
    await mkdir(join(out, ".git", "objects", "ab"), { recursive: true });
    await writeFile(join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
    await writeFile(join(out, ".git", "objects", "ab", "cdef"), "blob");
    await writeFile(join(out, ".env"), "user file");
    await writeFile(join(out, ".nojekyll"), "made by the user");
    const gitInode = (await stat(join(out, ".git"))).ino;

    await writeOutput(pages({ ...SITE_V2, ".nojekyll": "made by the site" }), options());

    const gitSnapshot = { ".git": "dir", ".git/HEAD": "ref: refs/heads/gh-pages\n", ".git/objects": "dir", ".git/objects/ab": "dir", ".git/objects/ab/cdef": "blob" };
    const asEntries = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === "dir" ? v : fileEntry(v)]));
    expect(await snapshot(out)).toEqual(expected({ ...SITE_V2, ".nojekyll": "made by the site" }, asEntries({ ...gitSnapshot, ".env": "user file" })));
    expect((await stat(join(out, ".git"))).ino).toBe(gitInode); // moved, not copied
    expect(await leftovers()).toEqual([]);
  });

  it("does not keep a dot-entry an earlier build made once the site stops making it", async () => {
    await writeOutput(pages({ ...SITE_V1, ".well-known/security.txt": "contact", ".nojekyll": "" }), options());
    expect(await readFile(join(out, MARKER_NAME), "utf8")).toBe(`${MARKER_TEXT}top-level dot-entries made by this build: [".nojekyll",".well-known"]\n`);
    await writeFile(join(out, ".user"), "mine");
    await writeOutput(pages(SITE_V2), options());
    expect(await snapshot(out)).toEqual(expected(SITE_V2, { ".user": fileEntry("mine") }));
  });

  it("takes a folder holding nothing but .git (a deploy clone) and keeps it", async () => {
    await mkdir(join(out, ".git"), { recursive: true });
    await writeFile(join(out, ".git", "config"), "[core]\n");
    await writeOutput(pages(SITE_V1), options());
    expect(await readFile(join(out, ".git", "config"), "utf8")).toBe("[core]\n");
    expect(await readFile(join(out, "index.html"), "utf8")).toBe(SITE_V1["index.html"]);
  });

  it("refuses a non-empty folder without the marker and leaves it untouched", async () => {
    await mkdir(join(out, "docs"), { recursive: true });
    await writeFile(join(out, "index.html"), "someone else's site");
    await writeFile(join(out, "docs", "a.txt"), "a");
    const before = await snapshot(root);
    const diagnostics = await failureOf(writeOutput(pages(SITE_V1), options()));
    expect(messages(diagnostics)).toBe(
      `refusing to replace ${out}: it is not empty and was not made by gazette (it holds docs, index.html); the whole folder is replaced on every build, so choose a new or empty folder with --out, or empty this one`,
    );
    expect(await snapshot(root)).toEqual(before);

    await mkdir(join(out, MARKER_NAME)); // a folder named like the marker is no marker
    await failureOf(writeOutput(pages(SITE_V1), options()));
    expect(await readFile(join(out, "index.html"), "utf8")).toBe("someone else's site");
  });

  it("refuses an output path that is a file or a symbolic link", async () => {
    await writeFile(out, "a file");
    expect(messages(await failureOf(writeOutput(pages(SITE_V1), options())))).toMatch(/it is not a folder/);
    expect(await readFile(out, "utf8")).toBe("a file");

    const target = join(root, "elsewhere");
    await mkdir(target);
    const link = join(root, "link");
    await symlink(target, link);
    expect(messages(await failureOf(writeOutput(pages(SITE_V1), options(link)), link))).toMatch(/symbolic link/);
    expect(await readdir(target)).toEqual([]);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });

  it("refuses the source folder, its ancestors and protected dirs, and writes nothing", async () => {
    await symlink(join(site, "content"), join(root, "content-link"));
    await mkdir(join(root, "elsewhere"));
    await symlink(join(root, "elsewhere"), join(site, "content", "escape"));
    const before = await snapshot(root);
    const refused = [site, root, dirname(root), "/", join(site, "content"), join(site, "content", "out"), join(site, "templates"), join(site, "static", "x")];
    refused.push(join(root, "content-link"), join(root, "content-link", "sub")); // into content/ through a link
    refused.push(join(site, "content", "escape", "out")); // inside content/ as written, even if a link leads elsewhere
    for (const outDir of refused) {
      const diagnostics = await failureOf(writeOutput(pages(SITE_V1), options(outDir)), outDir);
      expect(messages(diagnostics)).toMatch(/^refusing to write the site into /);
    }
    expect(messages(await failureOf(writeOutput(pages(SITE_V1), options(site)), site))).toBe(`refusing to write the site into its own source folder ${site}`);
    expect(await snapshot(root)).toEqual(before);
    // A folder inside the site (the default public/) and one beside it are fine.
    await writeOutput(pages(SITE_V1), options(join(site, "public")));
    await writeOutput(pages(SITE_V1), options(join(root, "www")));
  });

  it("rejects ../x, /abs, a/../../b, a//b, backslash and other unsafe paths and touches nothing outside", async () => {
    const bad = ["../x", "/abs", "a/../../b", "a//b", "a\\..\\b", "a\\b", "", "a/", "./a", "a/./b", "a\0b", MARKER_NAME, `${MARKER_NAME}/x`, ".git/config", ".."];
    const before = await snapshot(root);
    for (const path of bad) {
      const diagnostics = await failureOf(writeOutput([{ path: "ok.html", data: "ok" }, { path, data: "evil" }], options()));
      expect(messages(diagnostics)).toContain(`unsafe output path ${JSON.stringify(path)}`);
    }
    const all = await failureOf(writeOutput(pages(Object.fromEntries(bad.map((p) => [p, "evil"]))), options()));
    expect(all).toHaveLength(bad.length); // all problems reported together
    expect(await snapshot(root)).toEqual(before);
  });

  it("rejects two files claiming one path, and a path that is both a file and a folder", async () => {
    const duplicate = await failureOf(writeOutput([...pages({ "a/index.html": "1", "b.html": "x" }), { path: "a/index.html", data: "2" }], options()));
    expect(messages(duplicate)).toBe("two files claim output path a/index.html");
    const clash = await failureOf(writeOutput(pages({ "a": "file", "a/b.html": "in folder" }), options()));
    expect(messages(clash)).toBe("output path a is both a file and a folder (of a/b.html)");
    await writeOutput(pages({ "A.html": "upper", "a.html": "lower" }), options(join(root, "case"))); // case-sensitive compare
    await expect(lstat(out)).rejects.toThrow();
  });

  it("a failure during writing leaves the previous output byte-for-byte untouched and removes the staging folder", async () => {
    await writeOutput(pages(SITE_V1), options());
    await mkdir(join(out, ".git"));
    await writeFile(join(out, ".git", "HEAD"), "ref");
    const before = await snapshot(out);
    const missing = join(site, "content", "missing.png");
    const files = [...Array.from({ length: 300 }, (_, i) => ({ path: `p/${i}.html`, data: `page ${i}` })), { path: "images/missing.png", copyFrom: missing }];
    const diagnostics = await failureOf(writeOutput([...files, ...pages(SITE_V2)], options()));
    expect(messages(diagnostics)).toBe(`could not copy ${missing} to images/missing.png: no such file or directory (ENOENT)`);
    expect(await snapshot(out)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it.each([
    ["moving the previous output aside", (from: string) => from === out],
    ["moving the new site into place", (from: string, to: string) => to === out && basename(from).startsWith(".public.gazette-tmp-")],
  ])("a failed swap (%s) puts the previous output and its .git back", async (_step, fault) => {
    await writeOutput(pages(SITE_V1), options());
    await mkdir(join(out, ".git"));
    await writeFile(join(out, ".git", "HEAD"), "ref");
    const before = await snapshot(out);
    fsHooks.failRename = fault;
    const diagnostics = await failureOf(writeOutput(pages(SITE_V2), options()));
    expect(messages(diagnostics)).toMatch(/: i\/o error \(EIO\)$/);
    fsHooks.failRename = undefined;
    expect(await snapshot(out)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it("stale temp siblings from a killed build are removed by the next build; live ones are kept", async () => {
    await writeOutput(pages(SITE_V1), options());
    const dead = deadPid();
    const stale = [`.public.gazette-tmp-${dead}-0a1b2c3d`, `.public.gazette-old-${dead}-deadbeef`, `.public.gazette-tmp-${process.pid}-00000000`];
    const kept = [`.public.gazette-tmp-${process.ppid}-12345678`, `.other.gazette-tmp-${dead}-0a1b2c3d`, `.public.gazette-tmp-notes`];
    for (const name of [...stale, ...kept]) {
      await mkdir(join(site, name, "tin-tuc"), { recursive: true });
      await writeFile(join(site, name, "tin-tuc", "index.html"), "half-written");
    }
    await writeOutput(pages(SITE_V2), options());
    expect((await leftovers()).sort()).toEqual([...kept].sort());
    expect(await snapshot(out)).toEqual(expected(SITE_V2));
  });

  it("recovers a build killed between its two swap renames without losing .git", async () => {
    const dead = deadPid();
    const old = join(site, `.public.gazette-old-${dead}-aaaaaaaa`);
    const staging = join(site, `.public.gazette-tmp-${dead}-bbbbbbbb`);
    await writeOutput(pages(SITE_V1), options(old)); // the previous output, already moved aside
    await writeOutput(pages(SITE_V2), options(staging)); // the complete new build…
    await mkdir(join(staging, ".git"));
    await writeFile(join(staging, ".git", "HEAD"), "ref"); // …with the user's .git carried into it
    await writeFile(`${staging}.carry`, '[".git"]\n');
    const previous = { ...(await snapshot(old)), ".git": "dir", ".git/HEAD": fileEntry("ref") };
    // The next build puts the previous output back first, so even if it fails, that output is in place.
    await failureOf(writeOutput([{ path: "a.png", copyFrom: join(root, "missing.png") }], options()));
    expect(await snapshot(out)).toEqual(previous);
    await writeOutput(pages({ "index.html": "v3" }), options());
    expect(await readFile(join(out, ".git", "HEAD"), "utf8")).toBe("ref");
    expect(await readFile(join(out, "index.html"), "utf8")).toBe("v3");
    expect(await readdir(out)).toEqual([".gazette", ".git", "index.html"]);
    expect(await leftovers()).toEqual([]);
  });

  it("writes 1,000 small files correctly with bounded concurrency", async () => {
    // Thirty times the default bound of 32 writes in flight: enough for the bound to be reached and held.
    const files = Array.from({ length: 1000 }, (_, i) => ({ path: `d${i % 50}/${i}/index.html`, data: `<p>${i}</p>` }));
    fsHooks.maxInFlight = 0;
    const result = await writeOutput(files, options());
    expect(fsHooks.maxInFlight).toBeLessThanOrEqual(32);
    expect(fsHooks.maxInFlight).toBeGreaterThan(1);
    expect(result.files).toBe(1000);
    const snap = await snapshot(out);
    expect(Object.values(snap).filter((v) => v.startsWith("file:"))).toHaveLength(1001);
    for (const { path, data } of files) expect(snap[path]).toBe(`file:${Buffer.from(data).toString("base64")}`);

    fsHooks.maxInFlight = 0;
    await writeOutput(files.slice(0, 200), options(out, { concurrency: 4 }));
    expect(fsHooks.maxInFlight).toBeLessThanOrEqual(4);
    expect(fsHooks.maxInFlight).toBeGreaterThan(1);
    expect(basename(out)).toBe("public");
  });
});
