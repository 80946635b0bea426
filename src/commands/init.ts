/**
 * `gazette init [DIR]`: scaffolds a new site and says what to do next.
 */
import type { Command } from "commander";
import { initSite } from "../scaffold/init.js";
import { ScaffoldError } from "../scaffold/write.js";
import { EXIT, internalError, type Io } from "./io.js";
import { chooseLanguage, langOption, speaker, UnknownLanguage, type Speaker } from "./lang.js";

interface InitFlags {
  title?: string;
  package?: string;
  quiet: boolean;
  lang?: string;
}

const HELP = `
Writes, into an empty folder (made when missing; dot-entries such as .git are
fine): gazette.config.yaml with every key documented, one sample article with
captioned images, templates/README.md on overriding the theme, .gitignore,
.github/workflows/publish.yml (GitHub Pages) and package.json. Prints the
files written on stdout.

Examples:
  gazette init my-site
  gazette init --title "Tin tức Sa Pa"
  gazette init my-site --package ./gazette-0.1.0.tgz   # before gazette is on the npm registry
  gazette init my-site && cd my-site && npm install && npx gazette build`;

/** Adds `gazette init` to the program; `now` is the clock (injectable for tests). */
export function registerInitCommand(program: Command, io: Io, done: (code: number) => void, now: () => number = Date.now): void {
  program
    .command("init")
    .description("scaffold a new site in an empty folder")
    .argument("[dir]", "the new site's folder", ".")
    .option("-t, --title <title>", "site title (default: the folder name)")
    .option("--package <spec>", "what the new package.json depends on instead of gazette's version range: a tarball path or a git URL")
    .option("-q, --quiet", "print only the files written", false)
    .addOption(langOption())
    .addHelpText("after", HELP)
    .action((dir: string, opts: InitFlags) => done(runInit(dir, opts, io, now())));
}

function runInit(dir: string, opts: InitFlags, io: Io, now: number): number {
  let speak: Speaker;
  try {
    speak = speaker(chooseLanguage(opts.lang, io.env, io.cwd));
  } catch (cause) {
    if (!(cause instanceof UnknownLanguage)) throw cause;
    io.stderr(`gazette: ${cause.message}\n`);
    return EXIT.usage;
  }
  try {
    const result = initSite({ dir, cwd: io.cwd, now, lang: speak.lang, ...(opts.title !== undefined ? { title: opts.title } : {}), ...(opts.package !== undefined ? { packageSpec: opts.package } : {}) });
    for (const path of result.written) io.stdout(path + "\n");
    if (!opts.quiet) {
      for (const path of result.kept) io.stderr(speak.t("init.kept", { path }) + "\n");
      const cd = dir === "." ? "" : `cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir} && `;
      io.stderr(speak.t("init.created", { cd }) + "\n");
    }
    return EXIT.ok;
  } catch (cause) {
    if (cause instanceof ScaffoldError) {
      io.stderr(speak.t("cli.usage-error", { detail: speak.error(cause) }) + "\n");
      return EXIT.siteErrors;
    }
    return internalError(cause, io, speak);
  }
}
