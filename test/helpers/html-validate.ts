/**
 * html-validate with its recommended preset, as the theme's output is held
 * to. Rules are switched off only with the reason next to them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate, StaticConfigLoader } from "html-validate";

const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ["html-validate:recommended"],
    rules: {
      // A page's <title> is the writer's headline: its length is content, not markup
      // (`gazette check` warns about long titles with its own rule, title-length).
      "long-title": "off",
    },
  }),
);

/** The errors html-validate reports for one document, as `name:line: message [rule]`. */
export async function htmlErrors(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}: ${m.message} [${m.ruleId}]`));
}

/** The errors of every `.html` file under `dir`. */
export async function htmlErrorsInFolder(dir: string): Promise<{ files: number; errors: string[] }> {
  const errors: string[] = [];
  let files = 0;
  const walk = async (sub: string): Promise<void> => {
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
