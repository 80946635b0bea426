/**
 * Loading and validating `gazette.config.yaml` (or `.yml`, `.json`): every
 * key gets its default; unknown keys and wrong types are diagnostics.
 */
import { lstatSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { error, warning, type Diagnostic } from "../diagnostics.js";
import type { ArgsOf, BaseUrlProblem, MessageKey } from "../i18n/catalog.js";
import { LINT_LEVELS, LINT_RULE_IDS, type LintLevel } from "./lint-rules.js";
import type { SiteConfig } from "../types.js";
import { readImageSettings } from "../images/settings.js";
import { isValidTimezone } from "./dates.js";
import { cleanValue, findControlCharacters, stripControlCharacters } from "./text.js";
import { parseYaml } from "./yaml.js";
import { PORTAL_KEYS, readPortalConfig } from "./portal-config.js";

/** Config file names, in the order they are looked for. */
export const CONFIG_FILES = ["gazette.config.yaml", "gazette.config.yml", "gazette.config.json"];

/** What loading the config gives: the config (defaults where keys are missing or wrong) and problems. */
export interface ConfigResult {
  config: SiteConfig;
  /** The config file's path relative to the site root, when there is one. */
  file?: string;
  diagnostics: Diagnostic[];
}

/** Overrides from the command line. */
export interface ConfigOverrides {
  baseUrl?: string;
}

/** Reads the config file of the site at `sourceDir` (absolute), if any, and validates it. */
export function loadConfig(sourceDir: string, displayDir: string, overrides: ConfigOverrides = {}): ConfigResult {
  // lstat, not exists: a dangling link or a folder in the config's place is an error, not "no config".
  const present = CONFIG_FILES.filter((name) => entryExists(join(sourceDir, name)));
  const diagnostics: Diagnostic[] = [];
  if (present.length > 1) {
    diagnostics.push(error("config.several", { files: present.join(", ") }, { file: join(displayDir, present[1]!) }));
  }
  const name = present[0];
  let raw: unknown = {};
  let text = "";
  let lineOf: (key: string) => number | undefined = () => undefined;
  const display = name ? join(displayDir, name) : undefined;
  if (name) {
    const read = readConfigText(join(sourceDir, name), display!);
    if (typeof read !== "string") diagnostics.push(read);
    else {
      text = read.replace(/^\uFEFF/, "");
      for (const c of findControlCharacters(text).found) {
        diagnostics.push(warning("control-character", { codePoint: c.codePoint, name: c.name }, { file: display, line: c.line, column: c.column }));
      }
      text = stripControlCharacters(text);
      const parsed = parseConfigText(name, text, display!);
      raw = parsed.raw;
      lineOf = parsed.lineOf;
      if (parsed.problem) diagnostics.push(parsed.problem);
      const cleaned = cleanValue(raw);
      if (cleaned.changed) {
        diagnostics.push(warning("control-character.config-escape", {}, { file: display }));
        raw = cleaned.value;
      }
    }
  }
  const config = validateConfig(raw, basename(sourceDir), {
    report: (key, message, args) => diagnostics.push(error(message, args as never, { file: display, line: lineOf(key) })),
  });
  if (overrides.baseUrl !== undefined) {
    const parsed = parseBaseUrl(overrides.baseUrl);
    if ("problem" in parsed) diagnostics.push(error("usage.base-url", { value: overrides.baseUrl, problem: parsed.problem }));
    else Object.assign(config, parsed);
  }
  return { config, file: name, diagnostics };
}

function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The config file's text, or an error naming it when it is a folder, a dangling link or unreadable. */
function readConfigText(path: string, display: string): string | Diagnostic {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ELOOP") {
      let target = "";
      try {
        target = readlinkSync(path);
      } catch {
        // not a link after all
      }
      return code === "ELOOP" ? error("config.link-loop", {}, { file: display }) : error("config.dangling-link", { target }, { file: display });
    }
    return error("config.unreadable", { reason: code ?? "error" }, { file: display });
  }
  if (!isFile) return error("config.not-a-file", {}, { file: display });
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "error";
    return error("config.unreadable", { reason: code }, { file: display });
  }
}

/** Parses the config's text as JSON or YAML; key lines come from the YAML parser either way (JSON is YAML too). */
function parseConfigText(name: string, text: string, display: string): { raw: unknown; lineOf: (key: string) => number | undefined; problem?: Diagnostic } {
  const doc = parseYaml(text);
  if (name.endsWith(".json")) {
    try {
      return { raw: JSON.parse(text), lineOf: doc.lineOf };
    } catch (cause) {
      return { raw: {}, lineOf: doc.lineOf, problem: jsonError(cause, display) };
    }
  }
  if (doc.problem) {
    const { key, args, line, column } = doc.problem;
    const where = { file: display, line, column };
    const problem = key === "yaml" ? error("yaml.config", { detail: `invalid YAML: ${String(args.detail)}` }, where) : error(key as MessageKey, args as never, where);
    return { raw: {}, lineOf: doc.lineOf, problem };
  }
  return { raw: doc.data ?? {}, lineOf: doc.lineOf };
}

function jsonError(cause: unknown, file: string): Diagnostic {
  const message = cause instanceof Error ? cause.message : String(cause);
  return error("json", { detail: message.replace(/^.*?: /, "") }, { file });
}

/** Receives each problem: the config key at fault, the catalog key of the message and its arguments. */
interface Reporter {
  report<K extends MessageKey>(key: string, message: K, args: ArgsOf<K>): void;
}

const KNOWN = new Set(["title", "description", "baseUrl", "language", "timezone", "perPage", "sidebar", "related", "markdown", "editUrl", "lint", "search", "images", ...PORTAL_KEYS]);

/** Fills in defaults and checks every key of a parsed config object. */
export function validateConfig(raw: unknown, folderName: string, reporter: Reporter): SiteConfig {
  const config: SiteConfig = {
    title: folderName,
    description: "",
    basePath: "/",
    language: "vi",
    timezone: "Asia/Ho_Chi_Minh",
    perPage: 10,
    sidebar: { recent: 10 },
    related: { count: 5 },
    markdown: { allowHtml: false },
    search: true,
  };
  if (!isPlainObject(raw)) {
    reporter.report("", "config.not-mapping", {});
    return config;
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) reporter.report(key, "config.unknown-key", { key, known: [...KNOWN].join(", ") });
  }
  const str = (key: string, value: unknown): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    reporter.report(key, "config.not-string", { key });
    return undefined;
  };
  const int = (key: string, value: unknown, min: number): number | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" && Number.isInteger(value) && value >= min) return value;
    reporter.report(key, "config.not-integer", { key, min });
    return undefined;
  };
  const nested = (key: string, allowed: string[]): Record<string, unknown> => {
    const value = raw[key];
    if (value === undefined || value === null) return {};
    if (!isPlainObject(value)) {
      reporter.report(key, "config.not-mapping-key", { key, allowed: allowed.join(", ") });
      return {};
    }
    for (const sub of Object.keys(value)) {
      if (!allowed.includes(sub)) reporter.report(`${key}.${sub}`, "config.unknown-subkey", { key: `${key}.${sub}` });
    }
    return value;
  };

  config.title = str("title", raw.title) ?? config.title;
  config.description = str("description", raw.description) ?? "";
  const baseUrl = str("baseUrl", raw.baseUrl);
  if (baseUrl !== undefined) {
    const parsed = parseBaseUrl(baseUrl);
    if ("problem" in parsed) reporter.report("baseUrl", "config.base-url", { value: baseUrl, problem: parsed.problem });
    else Object.assign(config, parsed);
  }
  const language = str("language", raw.language);
  if (language !== undefined) {
    if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) config.language = language;
    else reporter.report("language", "config.language", { value: language });
  }
  const timezone = str("timezone", raw.timezone);
  if (timezone !== undefined) {
    if (isValidTimezone(timezone)) config.timezone = timezone;
    else reporter.report("timezone", "config.timezone", { value: timezone });
  }
  config.perPage = int("perPage", raw.perPage, 1) ?? config.perPage;
  const sidebar = nested("sidebar", ["recent", "source"]);
  config.sidebar.recent = int("sidebar.recent", sidebar.recent, 0) ?? config.sidebar.recent;
  config.related.count = int("related.count", nested("related", ["count"]).count, 0) ?? config.related.count;
  const allowHtml = nested("markdown", ["allowHtml"]).allowHtml;
  if (allowHtml !== undefined && allowHtml !== null) {
    if (typeof allowHtml === "boolean") config.markdown.allowHtml = allowHtml;
    else reporter.report("markdown.allowHtml", "config.not-boolean", { key: "markdown.allowHtml" });
  }
  const editUrl = str("editUrl", raw.editUrl);
  if (editUrl !== undefined) {
    if (!editUrl.includes("{path}")) reporter.report("editUrl", "config.edit-url-path", {});
    else if (!/^https?:\/\//.test(editUrl)) reporter.report("editUrl", "config.edit-url-http", {});
    else config.editUrl = editUrl;
  }
  if (raw.images !== undefined && raw.images !== null) config.images = readImageSettings(raw.images, (key, problem) =>
      problem === "config.not-boolean" || problem === "config.unknown-subkey" ? reporter.report(key, problem, { key }) : reporter.report(key, problem, {}),
    );
  if (raw.search !== undefined && raw.search !== null) {
    if (typeof raw.search === "boolean") config.search = raw.search;
    else reporter.report("search", "config.not-boolean", { key: "search" });
  }
  readPortalConfig(raw, sidebar, config, reporter);
  const lint = readLint(raw.lint, reporter);
  if (lint) config.lint = lint;
  return config;
}

/** Reads `lint:`, a mapping of rule ids to `off`, `warning` or `error`. */
function readLint(value: unknown, reporter: Reporter): Record<string, LintLevel> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    reporter.report("lint", "config.lint-not-mapping", {});
    return undefined;
  }
  const lint: Record<string, LintLevel> = {};
  for (const [rule, level] of Object.entries(value)) {
    if (!LINT_RULE_IDS.includes(rule)) reporter.report(`lint.${rule}`, "config.unknown-rule", { rule, known: LINT_RULE_IDS.join(", ") });
    else if (typeof level !== "string" || !LINT_LEVELS.includes(level as LintLevel)) reporter.report(`lint.${rule}`, "config.lint-level", { rule });
    else lint[rule] = level as LintLevel;
  }
  return lint;
}

/** Parses a base URL into `baseUrl` (with a trailing slash) and `basePath`, or says what is wrong with it. */
export function parseBaseUrl(value: string): { baseUrl: string; basePath: string } | { problem: BaseUrlProblem } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: "not-absolute" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { problem: "scheme" };
  if (url.search || url.hash) return { problem: "query" };
  let path = url.pathname;
  if (!path.endsWith("/")) path += "/";
  return { baseUrl: `${url.origin}${path}`, basePath: path };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
