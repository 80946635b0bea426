/**
 * `gazette new "Title"`: writes an article skeleton and prints its path.
 */
import type { Command } from "commander";
import { BuildFailure, UsageError } from "../diagnostics.js";
import { createArticle } from "../scaffold/new.js";
import { ScaffoldError } from "../scaffold/write.js";
import { EXIT, internalError, printDiagnostics, useColour, type Io } from "./io.js";
import { chooseLanguage, langOption, speaker, UnknownLanguage, type Speaker } from "./lang.js";

interface NewFlags {
  source: string;
  category?: string;
  author?: string;
  quiet: boolean;
  lang?: string;
}

const HELP = `
Writes content/YYYY/YYYY-MM-DD-<slug>.md (today in the site timezone) with the
title and date filled in, "draft: true", and every other front-matter field
commented out; prints its path on stdout. Never overwrites a file.

Examples:
  gazette new "Hội thảo phát triển du lịch cộng đồng năm 2024"
  gazette new "Thông báo lịch tiếp công dân" --category "Thông báo" --author "Tuấn Nguyễn"
  $EDITOR "$(gazette new "Tiêu đề bài viết" --source my-site)"`;

/** Adds `gazette new` to the program; `now` is the clock (injectable for tests). */
export function registerNewCommand(program: Command, io: Io, done: (code: number) => void, now: () => number = Date.now): void {
  program
    .command("new")
    .description("write a new article skeleton and print its path")
    .argument("<title>", "the article's title")
    .option("-s, --source <dir>", "site folder", ".")
    .option("-c, --category <name>", "the article's category")
    .option("-a, --author <name>", "the article's author")
    .option("-q, --quiet", "print only the path", false)
    .addOption(langOption())
    .addHelpText("after", HELP)
    .action((title: string, opts: NewFlags) => done(runNew(title, opts, io, now())));
}

function runNew(title: string, opts: NewFlags, io: Io, now: number): number {
  let speak: Speaker;
  try {
    speak = speaker(chooseLanguage(opts.lang, io.env, io.cwd, opts.source));
  } catch (cause) {
    if (!(cause instanceof UnknownLanguage)) throw cause;
    io.stderr(`gazette: ${cause.message}\n`);
    return EXIT.usage;
  }
  try {
    const path = createArticle({
      lang: speak.lang,
      source: opts.source,
      cwd: io.cwd,
      title,
      now,
      ...(opts.category !== undefined ? { category: opts.category } : {}),
      ...(opts.author !== undefined ? { author: opts.author } : {}),
    });
    io.stdout(path + "\n");
    if (!opts.quiet) io.stderr(speak.t("new.wrote") + "\n");
    return EXIT.ok;
  } catch (cause) {
    if (cause instanceof ScaffoldError) {
      io.stderr(speak.t("cli.usage-error", { detail: speak.error(cause) }) + "\n");
      return EXIT.siteErrors;
    }
    if (cause instanceof BuildFailure) {
      printDiagnostics(cause.diagnostics, io, useColour(io), speak);
      return EXIT.siteErrors;
    }
    if (cause instanceof UsageError) {
      io.stderr(speak.t("cli.usage-error", { detail: speak.error(cause) }) + "\n");
      return EXIT.usage;
    }
    return internalError(cause, io, speak);
  }
}
