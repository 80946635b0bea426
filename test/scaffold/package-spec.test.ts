import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dependencySpec, initSite } from "../../src/scaffold/init.js";
import { makeSite } from "../helpers/site.js";

describe("init --package", () => {
  it("makes a local tarball or folder relative to the new site, and keeps other specs as given", () => {
    expect(dependencySpec("./dist/gazette-0.1.0.tgz", "/srv", "/srv/sites/tin")).toBe("file:../../dist/gazette-0.1.0.tgz");
    expect(dependencySpec("gazette-0.1.0.tgz", "/srv", "/srv/tin")).toBe("file:../gazette-0.1.0.tgz");
    expect(dependencySpec("file:../g", "/srv/a", "/srv/a/tin")).toBe("file:../../g");
    expect(dependencySpec("/opt/gazette", "/srv", "/opt/gazette/site")).toBe("file:..");
    expect(dependencySpec("github:owner/gazette#v0.1.0", "/w", "/w/t")).toBe("github:owner/gazette#v0.1.0");
    expect(dependencySpec("git+https://git.example.org/gazette.git", "/w", "/w/t")).toBe("git+https://git.example.org/gazette.git");
    expect(dependencySpec("https://example.org/gazette-0.1.0.tgz", "/w", "/w/t")).toBe("https://example.org/gazette-0.1.0.tgz");
    expect(dependencySpec("^0.2.0", "/w", "/w/t")).toBe("^0.2.0");
  });

  it("writes the spec into package.json; without it, the version range", () => {
    const cwd = makeSite({});
    initSite({ dir: "a", cwd, now: Date.UTC(2026, 0, 1), packageSpec: "github:owner/gazette" });
    initSite({ dir: "b", cwd, now: Date.UTC(2026, 0, 1) });
    const dep = (dir: string) => (JSON.parse(readFileSync(join(cwd, dir, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies.gazette;
    expect(dep("a")).toBe("github:owner/gazette");
    expect(dep("b")).toMatch(/^\^\d+\.\d+\.\d+$/);
  });
});
