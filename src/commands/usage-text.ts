/**
 * Commander's own usage errors (unknown option, missing argument…) in the
 * writer's language, and the language chosen before the command line is
 * parsed: from `--lang` and `--source` as written, else the environment.
 */
import { chooseLanguage, type Speaker } from "./lang.js";
import type { Lang } from "../i18n/catalog.js";

/** The language for messages printed while parsing the command line. */
export function languageBeforeParsing(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Lang {
  const value = (names: string[]): string | undefined => {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      for (const name of names) {
        if (arg === name) return argv[i + 1];
        if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      }
    }
    return undefined;
  };
  try {
    return chooseLanguage(value(["--lang"]), env, cwd, value(["--source", "-s"]) ?? ".");
  } catch {
    return "en";
  }
}

const PATTERNS: [RegExp, (m: RegExpExecArray, speak: Speaker) => string][] = [
  [/^error: unknown option '(.+?)'$/, (m, s) => s.t("cli.unknown-option", { name: m[1]! })],
  [/^error: unknown command '(.+?)'$/, (m, s) => s.t("cli.unknown-command", { name: m[1]! })],
  [/^error: missing required argument '(.+?)'$/, (m, s) => s.t("cli.missing-argument", { name: m[1]! })],
  [/^error: option '(.+?)' argument missing$/, (m, s) => s.t("cli.option-missing", { name: m[1]! })],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. (.*)$/, (m, s) => s.t("cli.option-invalid", { name: m[1]!, value: m[2]!, detail: m[3]! })],
  [/^error: too many arguments for '(.+?)'\. Expected (.+?) but got (\d+)\.$/, (m, s) => s.t("cli.too-many", { command: m[1]!, expected: m[2]!, got: m[3]! })],
  [/^\(Did you mean (.+?)\?\)$/, (m, s) => s.t("cli.did-you-mean", { suggestion: m[1]! })],
];

/** A usage error as commander wrote it (English), line by line in the speaker's language; lines it does not know pass unchanged. */
export function localizeUsage(text: string, speak: Speaker): string {
  if (speak.lang === "en") return text;
  return text
    .split("\n")
    .map((line) => {
      for (const [pattern, write] of PATTERNS) {
        const match = pattern.exec(line);
        if (match) return write(match, speak);
      }
      return line;
    })
    .join("\n");
}
