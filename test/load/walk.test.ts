import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInsideSite, walkFolder } from "../../src/load/walk.js";
import { makeSite } from "../helpers/site.js";

describe("walkFolder", () => {
  it("lists regular files sorted, NFC names, skipping dot-entries, pipes and dangling links", () => {
    const root = makeSite({ "content/b.md": "b", "content/a/x.png": "x", "content/.hidden/y.md": "y", "content/.draft.md": "d", "content/Tha\u0300nh.md": "t" });
    execFileSync("mkfifo", [join(root, "content", "pipe")]);
    symlinkSync("pipe", join(root, "content", "pipe-link"));
    symlinkSync("missing.md", join(root, "content", "dangling.md"));
    const walked = walkFolder(join(root, "content"), { boundary: root, cwd: root });
    expect(walked.files.map((f) => f.path)).toEqual(["Thành.md", "a/x.png", "b.md"]);
    expect(walked.diagnostics).toEqual([]);
  });

  it("gives an absent folder no files and no problems", () => {
    const root = makeSite({});
    expect(walkFolder(join(root, "static"), { boundary: root })).toEqual({ files: [], diagnostics: [], linkedFolders: [] });
  });

  it("reads a linked file from its checked target, and shows a linked folder's files at the link's path", () => {
    const root = makeSite({ "notes/a.txt": "a", "shared/img/p.png": "p" });
    mkdirSync(join(root, "static"));
    symlinkSync("../notes/a.txt", join(root, "static", "a.txt"));
    symlinkSync("../shared", join(root, "static", "s"));
    const walked = walkFolder(join(root, "static"), { boundary: root, cwd: root });
    expect(walked.files.map((f) => [f.path, f.absPath])).toEqual([
      ["a.txt", join(root, "notes", "a.txt")],
      ["s/img/p.png", join(root, "shared", "img", "p.png")],
    ]);
    expect(walked.linkedFolders).toEqual([{ shown: join(root, "static", "s"), real: join(root, "shared") }]);
  });

  it("bounds links that fan out: a folder reached through links more than 64 times is listed no more", () => {
    const root = makeSite({ "content/d0/f.txt": "f" });
    // d(i+1) holds two links to d(i): d12 reaches d0 4,096 ways.
    for (let i = 1; i <= 12; i++) {
      mkdirSync(join(root, "content", `d${i}`));
      symlinkSync(`../d${i - 1}`, join(root, "content", `d${i}`, "a"));
      symlinkSync(`../d${i - 1}`, join(root, "content", `d${i}`, "b"));
    }
    const walked = walkFolder(join(root, "content"), { boundary: root, cwd: root });
    expect(walked.files.length).toBeLessThanOrEqual(64);
    expect(walked.diagnostics.map((d) => d.code)).toContain("symlink-loop");
  });

  it("reports a link that leads out of the boundary, naming the link, without reading it", () => {
    const root = makeSite({ "content/a.md": "a", "secret/.env": "KEY" });
    symlinkSync("../secret/.env", join(root, "content", "env.txt"));
    symlinkSync("/", join(root, "content", "root"));
    const walked = walkFolder(join(root, "content"), { boundary: root, cwd: root });
    expect(walked.files.map((f) => f.path)).toEqual(["a.md"]);
    expect(walked.diagnostics.map((d) => `${d.file} ${d.code} ${d.severity}`)).toEqual(["content/env.txt symlink-outside error", "content/root symlink-outside error"]);
    expect(walked.diagnostics[0]!.message).toContain("-> ../secret/.env leads to secret/.env, a hidden entry of the site");
    expect(walked.diagnostics[1]!.message).toContain("-> / leads outside the site (to /)");
  });
});

describe("isInsideSite", () => {
  it("accepts the site and what is in it, except hidden entries; refuses the rest", () => {
    expect(isInsideSite("/s", "/s")).toBe(true);
    expect(isInsideSite("/s/static/a.txt", "/s")).toBe(true);
    expect(isInsideSite("/s/.git/config", "/s")).toBe(false);
    expect(isInsideSite("/s/static/.env", "/s")).toBe(false);
    expect(isInsideSite("/s2/a", "/s")).toBe(false);
    expect(isInsideSite("/etc/passwd", "/s")).toBe(false);
    expect(isInsideSite("/s/..a/b", "/s")).toBe(false);
  });
});
