/**
 * The command line: parses arguments and runs one command. Each command lives
 * in `src/commands/`; this file only assembles them and maps errors to exit codes.
 */
import { Command, CommanderError } from "commander";
import { registerBuildCommand } from "./commands/build.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerCheckCommand } from "./commands/check.js";
import { registerNewCommand } from "./commands/new.js";
import { registerInitCommand } from "./commands/init.js";
import { EXIT, internalError, processIo, type Io } from "./commands/io.js";
import { speaker } from "./commands/lang.js";
import { languageBeforeParsing, localizeUsage } from "./commands/usage-text.js";

export { EXIT, type Io } from "./commands/io.js";

const VERSION = "0.1.0";

/** Runs gazette with `argv` (as in `process.argv`) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const done = (c: number) => {
    code = c;
  };
  const speak = speaker(languageBeforeParsing(argv.slice(2), io.env, io.cwd));
  const program = new Command()
    .name("gazette")
    .description("Static site generator for news sites: Markdown articles in, a complete news portal out.")
    .version(VERSION, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(localizeUsage(text, speak)) })
    .showHelpAfterError(speak.t("cli.help-hint"));
  // Commands (one registration per line; each module owns its command).
  registerBuildCommand(program, io, done);
  registerServeCommand(program, io, done);
  registerCheckCommand(program, io, done);
  registerNewCommand(program, io, done);
  registerInitCommand(program, io, done);

  try {
    await program.parseAsync(argv);
  } catch (cause) {
    if (cause instanceof CommanderError) {
      return ["commander.helpDisplayed", "commander.version", "commander.help"].includes(cause.code) ? EXIT.ok : EXIT.usage;
    }
    return internalError(cause, io, speak);
  }
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT.usage;
  }
  return code;
}
