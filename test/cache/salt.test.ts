import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheSalt, codeVersion } from "../../src/cache/salt.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("the build cache's code version", () => {
  it("is stamped into the bundle as the hash of both bundles' text, so any change to the code invalidates the cache", () => {
    // The global setup ran `npm run build`.
    const texts = ["gazette.js", "worker.js"].map((name) => readFileSync(join(ROOT, "dist", name), "utf8"));
    const stamped = /function codeVersion\(\) \{\s*if \(true\)\s*return "([A-Za-z0-9_-]+)";/.exec(texts[0]!)?.[1];
    expect(stamped).toBeDefined();
    const hash = createHash("sha1");
    for (const text of texts) hash.update(text.split(stamped!).join("gazette-code-version-placeholder"));
    expect(hash.digest("base64url")).toBe(stamped);
  });

  it("is computed from every module when running unbundled, and the salt from it", () => {
    expect(codeVersion()).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(codeVersion()).toBe(codeVersion());
    expect(cacheSalt()).not.toContain(codeVersion());
  });
});
