/**
 * The package as a newsroom gets it: `npm pack`, the tarball installed into a
 * folder outside the repository, and its `gazette` making, checking and
 * building a site there, with nothing from this checkout on the way.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", GAZETTE_LANG: "en" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the npm package", () => {
  it("installs from its tarball and inits, checks and builds a site outside the repository", () => {
    const tmp = realpathSync(mkdtempSync(join(tmpdir(), "gazette-pack-")));
    // dist/ was built by the suite's global setup; pack exactly what is published.
    const packed = JSON.parse(execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], { cwd: ROOT, encoding: "utf8" })) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json", "bin/gazette.js", "dist/gazette.js", "dist/worker.js", "templates/article.hbs"]));
    expect(files.filter((f) => /^(src|test|content)\//.test(f))).toEqual([]);
    // The CLI runs the bundles: the modules tsc writes beside them (and their maps) stay out of the package.
    expect(files.filter((f) => f.startsWith("dist/")).sort()).toEqual(["dist/gazette.js", "dist/v8-flags.js", "dist/worker.js"]);
    const tarball = join(tmp, packed[0]!.filename);

    // A site made by the repository's CLI, depending on the tarball instead of the registry.
    const init = run(process.execPath, [join(ROOT, "bin", "gazette.js"), "init", "site", "--package", tarball, "--title", "Tin tức thử"], tmp);
    expect(init.code).toBe(0);
    const site = join(tmp, "site");
    const pkg = JSON.parse(readFileSync(join(site, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.gazette).toBe(`file:../${packed[0]!.filename}`);

    const install = run(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund"], site);
    expect(install.stderr + install.stdout).not.toMatch(/install scripts|ERR!/);
    expect(install.code).toBe(0);
    const bin = join(site, "node_modules", ".bin", "gazette");
    expect(existsSync(bin)).toBe(true);

    // From here on, only the installed copy runs.
    const again = run(bin, ["init", "other"], tmp);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, "other", "package.json"), "utf8")).devDependencies.gazette).toMatch(/^\^\d+\.\d+\.\d+$/);
    const check = run(NPM, ["run", "--silent", "check", "--", "--strict"], site);
    expect(check.stderr).toMatch(/checked 1 article: no problems/);
    expect(check.code).toBe(0);
    const build = run(bin, ["build", "--base-url", "https://example.org/tin/"], site);
    expect(build.stderr).toMatch(/^built 1 article, \d+ pages/);
    expect(build.code).toBe(0);
    expect(readFileSync(join(site, "public", "index.html"), "utf8")).toContain("Tin tức thử");
    expect(existsSync(join(site, "public", "feed.xml"))).toBe(true);
  }, 240_000);
});
