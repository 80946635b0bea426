/**
 * The language the commands speak: `--lang`, else `GAZETTE_LANG`, else the
 * `language` the site's config sets, else English. Diagnostics and errors are
 * turned into text here, at print time, from their catalog key and arguments.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYamlText } from "yaml";
import { Option } from "commander";
import { formatDiagnostic, type Diagnostic, type ExplainedError } from "../diagnostics.js";
import { CONFIG_FILES } from "../load/config.js";
import { catalogLanguage, message, messageFromKey, type ArgsOf, type Lang, type MessageKey } from "../i18n/catalog.js";

/** Writes messages in one language. */
export interface Speaker {
  lang: Lang;
  /** The message `key` with its arguments. */
  t<K extends MessageKey>(key: K, ...args: ArgsOf<K> extends Record<string, never> ? [] : [ArgsOf<K>]): string;
  /** A diagnostic's message (its English text when the catalogs do not know it yet). */
  text(d: Diagnostic): string;
  /** `path:line:column: severity: message [code]`. */
  format(d: Diagnostic): string;
  /** The diagnostic as JSON reports show it: code, severity, file, line, column, message. */
  json(d: Diagnostic): Diagnostic;
  /** An error's message: from the catalog when it carries a key. */
  error(err: Error): string;
}

/** The speaker of a language. */
export function speaker(lang: Lang): Speaker {
  const self: Speaker = {
    lang,
    t: (key, ...args) => message(lang, key, ...args),
    text: (d) => (d.key !== undefined ? messageFromKey(lang, d.key, d.args) : undefined) ?? d.message,
    format: (d) => {
      const line = formatDiagnostic({ ...d, message: self.text(d) });
      const severity = message(lang, d.severity === "error" ? "severity.error" : "severity.warning");
      return line.replace(`: ${d.severity}: `, `: ${severity}: `);
    },
    json: (d) => {
      const { key: _key, args: _args, ...rest } = d;
      return { ...rest, message: self.text(d) };
    },
    error: (err) => {
      const { key, args } = err as ExplainedError;
      return (key !== undefined ? messageFromKey(lang, key, args) : undefined) ?? err.message;
    },
  };
  return self;
}

/** The `--lang` option every command takes. */
export function langOption(): Option {
  return new Option("--lang <code>", "language of messages: vi or en (default: GAZETTE_LANG, else the site's language, else en)");
}

/** Thrown for a `--lang` without a catalog. */
export class UnknownLanguage extends Error {}

/**
 * Picks the language: the flag, else `GAZETTE_LANG`, else the `language` key
 * of the config of the site at `source` (when it sets one), else English.
 * An unknown `--lang` throws; an unknown language elsewhere means English.
 */
export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string, source?: string): Lang {
  if (flag !== undefined) {
    const lang = catalogLanguage(flag);
    if (!lang) throw new UnknownLanguage(`--lang must be vi or en, not "${flag}"`);
    return lang;
  }
  const fromEnv = env.GAZETTE_LANG;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return catalogLanguage(fromEnv) ?? "en";
  if (source !== undefined) return catalogLanguage(siteLanguage(resolve(cwd, source))) ?? "en";
  return "en";
}

/** The `language` the site's config file sets, if it can be read; problems are left to the build to report. */
function siteLanguage(root: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    try {
      const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
      const data = name.endsWith(".json") ? JSON.parse(text) : parseYamlText(text, { schema: "core" });
      const language = (data as { language?: unknown } | null)?.language;
      return typeof language === "string" ? language : undefined;
    } catch {
      // A config the build will reject: its language line may still be readable.
      return /^language:[ \t]*["']?([A-Za-z-]+)/m.exec(readFileSync(path, "utf8"))?.[1];
    }
  }
  return undefined;
}
