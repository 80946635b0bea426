/**
 * Generated Vietnamese news sites (test/fixtures/make-corpus.mjs): each size
 * generated once per test file, and every caller given its own copy.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const GENERATOR = join(import.meta.dirname, "..", "fixtures", "make-corpus.mjs");

/** The site generated for each size, copied from then on. */
const generated = new Map<number, string>();
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh copy of the generated site of `articles` articles, in a new temp
 * folder, named `site` (the default site title) so that copies build alike
 * wherever they are and a plain build of them is made once (see `plainBuild`).
 */
export function corpus(articles: number): string {
  let model = generated.get(articles);
  if (!model) {
    model = join(mkdtempSync(join(tmpdir(), "gazette-corpus-")), "site");
    made.push(join(model, ".."));
    execFileSync(process.execPath, [GENERATOR, "--out", model, "--articles", String(articles)]);
    generated.set(articles, model);
  }
  const root = join(mkdtempSync(join(tmpdir(), "gazette-site-")), "site");
  made.push(join(root, ".."));
  cpSync(model, root, { recursive: true });
  return root;
}
