/**
 * Generated Vietnamese news sites (test/fixtures/make-corpus.mjs): each size
 * generated once per test process (the test files of a worker share it), and
 * every caller given its own copy, removed after its test file.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeAfterFile } from "./site.js";

const GENERATOR = join(import.meta.dirname, "..", "fixtures", "make-corpus.mjs");

/** The site generated for each size, copied from then on (under the run's temp folder, removed at its end). */
const generated = new Map<number, string>();

/**
 * A fresh copy of the generated site of `articles` articles, in a new temp
 * folder, named `site` (the default site title) so that copies build alike
 * wherever they are and a plain build of them is made once (see `plainBuild`).
 */
export function corpus(articles: number): string {
  let model = generated.get(articles);
  if (!model || !existsSync(model)) {
    model = join(mkdtempSync(join(tmpdir(), "gazette-corpus-")), "site");
    execFileSync(process.execPath, [GENERATOR, "--out", model, "--articles", String(articles)]);
    generated.set(articles, model);
  }
  const root = join(mkdtempSync(join(tmpdir(), "gazette-site-")), "site");
  removeAfterFile(join(root, ".."));
  cpSync(model, root, { recursive: true });
  return root;
}
