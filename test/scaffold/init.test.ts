import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { LINT_RULE_IDS } from "../../src/load/lint-rules.js";
import { loadConfig } from "../../src/load/config.js";
import { initSite } from "../../src/scaffold/init.js";
import { ScaffoldError } from "../../src/scaffold/write.js";
import { listTree, makeSite } from "../helpers/site.js";
import { gazette } from "../check/helpers.js";

const NEAR_MIDNIGHT = Date.UTC(2024, 11, 31, 17, 30); // 1 Jan 2025, 00:30 in Vietnam

/** Checks a PNG's signature, chunk CRCs and that its pixel data inflates to width × height RGB rows. */
function assertValidPng(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.subarray(offset + 4, offset + 8).toString("ascii");
    const body = data.subarray(offset + 8, offset + 8 + length);
    expect(data.readUInt32BE(offset + 8 + length)).toBe(crc(data.subarray(offset + 4, offset + 8 + length)));
    if (type === "IHDR") [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    if (type === "IDAT") idat.push(body);
    types.push(type);
    offset += 12 + length;
  }
  expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (width * 3 + 1));
  return { width, height };
}

describe("gazette init", () => {
  it("makes a site that checks clean and builds at once, through the real CLI", () => {
    const cwd = makeSite({});
    const init = gazette(["init", "tin-tuc"], cwd);
    expect(init.code).toBe(0);
    expect(init.stdout.trim().split("\n")).toContain("tin-tuc/gazette.config.yaml");
    const check = gazette(["check", "--strict", "--source", "tin-tuc"], cwd);
    expect(check.stderr).toMatch(/^checked 1 article: no problems; 0 external links in [\d.]+ s\n$/);
    expect(check.code).toBe(0);
    const built = gazette(["build", "--source", "tin-tuc", "--base-url", "https://example.org/tin/"], cwd);
    expect(built.stderr).toMatch(/^built 1 article, \d+ pages/);
    expect(built.code).toBe(0);
    const output = listTree(join(cwd, "tin-tuc", "public"));
    expect(output).toContain("chao-mung/index.html");
    expect(output.filter((p) => p.endsWith(".png"))).toHaveLength(2);
  });

  it("writes every file the issue asks for", () => {
    const cwd = makeSite({});
    const result = initSite({ dir: "site", cwd, now: NEAR_MIDNIGHT, title: "Tin tức Sa Pa" });
    expect(result.written.sort()).toEqual([
      "site/.github/workflows/publish.yml",
      "site/.gitignore",
      "site/content/2025/2025-01-01-chao-mung.md",
      "site/content/2025/images/anh-bia.png",
      "site/content/2025/images/ba-buoc.png",
      "site/gazette.config.yaml",
      "site/package.json",
      "site/templates/README.md",
    ]);
    const root = join(cwd, "site");
    expect(readFileSync(join(root, "content/2025/2025-01-01-chao-mung.md"), "utf8")).toContain("date: 2025-01-01\n");
    expect(readFileSync(join(root, ".gitignore"), "utf8").split("\n")).toEqual(expect.arrayContaining(["public/", ".gazette-cache/"]));
    expect(readFileSync(join(root, "templates/README.md"), "utf8")).toContain("partials/analytics.hbs");
    for (const image of ["anh-bia.png", "ba-buoc.png"]) assertValidPng(readFileSync(join(root, "content/2025/images", image)));
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg).toMatchObject({ private: true, scripts: { build: "gazette build", check: "gazette check" } });
    expect(pkg.devDependencies.gazette).toMatch(/^\^\d+\.\d+\.\d+$/);
  });

  it("documents every config key, with the defaults gazette uses", () => {
    const cwd = makeSite({});
    initSite({ dir: ".", cwd, now: NEAR_MIDNIGHT, title: "Tin tức Sa Pa" });
    const text = readFileSync(join(cwd, "gazette.config.yaml"), "utf8");
    const { config, diagnostics } = loadConfig(cwd, ".");
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ title: "Tin tức Sa Pa", language: "vi", timezone: "Asia/Ho_Chi_Minh", perPage: 10, sidebar: { recent: 10 }, related: { count: 5 } });
    for (const key of ["title", "description", "baseUrl", "language", "timezone", "perPage", "recent", "count", "allowHtml", "editUrl", "lint", ...LINT_RULE_IDS]) {
      expect(text).toMatch(new RegExp(`^#? ?\\s*${key}:`, "m"));
    }
    expect(Object.keys(config.lint ?? {}).sort()).toEqual([...LINT_RULE_IDS].sort());
  });

  it("writes a workflow that builds on every push and publishes the default branch to GitHub Pages", () => {
    const cwd = makeSite({});
    initSite({ dir: ".", cwd, now: NEAR_MIDNIGHT });
    const workflow = parseYaml(readFileSync(join(cwd, ".github/workflows/publish.yml"), "utf8")) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: { build: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }; deploy: { if: string; needs: string; steps: { uses?: string }[] } };
    };
    expect(Object.keys(workflow.on)).toContain("push");
    expect(workflow.on.push).toBeNull(); // every branch
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const steps = workflow.jobs.build.steps;
    expect(steps.map((s) => s.run ?? s.uses)).toEqual(expect.arrayContaining([expect.stringMatching(/^npx gazette build --base-url/), "actions/upload-pages-artifact@v3"]));
    // The build cache is kept between runs, restored before the build.
    const cacheStep = steps.findIndex((s) => s.uses === "actions/cache@v4");
    expect(steps[cacheStep]?.with?.path).toBe(".gazette-cache");
    expect(cacheStep).toBeLessThan(steps.findIndex((s) => s.run?.startsWith("npx gazette build")));
    expect(workflow.jobs.deploy.needs).toBe("build");
    expect(workflow.jobs.deploy.steps.map((s) => s.uses)).toContain("actions/deploy-pages@v4");
  });

  it("refuses a folder that is not empty and writes nothing", () => {
    const cwd = makeSite({ "site/notes.txt": "mine" });
    expect(() => initSite({ dir: "site", cwd, now: NEAR_MIDNIGHT })).toThrow(ScaffoldError);
    expect(readdirSync(join(cwd, "site"))).toEqual(["notes.txt"]);
    const run = gazette(["init", "site"], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("site is not empty (notes.txt)");
  });

  it("accepts a folder holding only dot-entries and keeps an existing .gitignore", () => {
    const cwd = makeSite({ ".git/HEAD": "ref: refs/heads/main\n", ".gitignore": "mine\n" });
    const result = initSite({ dir: ".", cwd, now: NEAR_MIDNIGHT });
    expect(result.kept).toEqual([".gitignore"]);
    expect(readFileSync(join(cwd, ".gitignore"), "utf8")).toBe("mine\n");
    expect(existsSync(join(cwd, "gazette.config.yaml"))).toBe(true);
  });
});
