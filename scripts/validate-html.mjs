#!/usr/bin/env node
/**
 * html-validate with its recommended preset, as the built-in theme's output
 * is held to (the tests use the same settings): `node scripts/validate-html.mjs
 * DIR` checks every .html file under DIR, prints each error and a summary
 * line, and exits 1 when there is any. Rules are switched off only with the
 * reason next to them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HtmlValidate, StaticConfigLoader } from "html-validate";

/** The configuration: the recommended preset, minus what is content rather than markup. */
export const HTML_VALIDATE_CONFIG = {
  extends: ["html-validate:recommended"],
  rules: {
    // A page's <title> is the writer's headline: its length is content, not markup
    // (`gazette check` warns about long titles with its own rule, title-length).
    "long-title": "off",
  },
};

const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));

/** The errors html-validate reports for one document, as `name:line: message [rule]`. */
export async function htmlErrors(html, name) {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}: ${m.message} [${m.ruleId}]`));
}

/** The number of `.html` files under `dir` and their errors. */
export async function htmlErrorsInFolder(dir) {
  const errors = [];
  let files = 0;
  const walk = async (sub) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) await walk(rel);
      else if (name.endsWith(".html")) {
        files++;
        errors.push(...(await htmlErrors(readFileSync(join(dir, rel), "utf8"), rel)));
      }
    }
  };
  await walk("");
  return { files, errors };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/validate-html.mjs DIR");
    process.exit(2);
  }
  const started = Date.now();
  const { files, errors } = await htmlErrorsInFolder(dir);
  for (const line of errors) console.log(line);
  console.log(`${files} pages, ${errors.length} errors in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(errors.length > 0 ? 1 : 0);
}
