/**
 * Loading the theme: the built-in `templates/` folder with a site's own
 * `templates/` laid over it file by file, compiled once into an isolated
 * Handlebars environment. Template problems become diagnostics.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { error, type Diagnostic } from "../diagnostics.js";
import { walkFolder } from "../load/walk.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { stripControlCharacters } from "../load/text.js";
import { contextPartials, PageBytes, partialsCalledInLoops, renderOncePerBuild, renderOncePerContext, sharedPartials } from "./shared-partials.js";
import type { TemplateContext } from "./views.js";

/** A loaded theme, ready to render pages. */
export interface Theme {
  /** Renders page template `name` (e.g. "article", "listing", "404", or an article's `layout`) with the context. Throws TemplateError on a runtime error. */
  render(name: string, context: TemplateContext): string;
  /** The same page as UTF-8 bytes, the parts every page shares encoded once (see `PageBytes`). */
  renderBytes(name: string, context: TemplateContext): Buffer;
  /** Partials whose HTML is reused: once per state of the shared views (`perState`), or per set of context values (`perContext`). */
  reused: { perState: ReadonlySet<string>; perContext: ReadonlySet<string> };
  /** True when the theme has a page template of that name. */
  has(name: string): boolean;
  /** Theme asset files: output path under "assets/…" and absolute source path (overrides win). */
  assets: { path: string; absPath: string }[];
}

/** A template failed while rendering a page; `diagnostic` names the template file. */
export class TemplateError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic, options?: { cause?: unknown }) {
    super(diagnostic.message, options);
    this.name = "TemplateError";
    this.diagnostic = diagnostic;
  }
}

/** The built-in theme folder shipped with gazette (`templates/` at the package root). */
export function builtinTemplatesDir(): string {
  return path.join(PACKAGE_ROOT, "templates");
}

/** The theme's helpers: `eq` (strict equality) and `join` (array with a separator). */
const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  eq: (a: unknown, b: unknown) => a === b,
  join: (items: unknown, separator: unknown) => {
    if (!Array.isArray(items)) return "";
    return items.map((item) => String(item)).join(typeof separator === "string" ? separator : ", ");
  },
};

/**
 * The theme's helpers are known when templates compile, so `{{name}}`
 * compiles to a plain property read instead of a look-up of a helper by that
 * name first (a third of Handlebars' time on a large site), and a call of any
 * other helper is a compile error at its line, reported when the theme loads
 * rather than when some page first renders it.
 */
const compileOptions = {
  strict: false,
  preventIndent: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((name) => [name, true])),
  knownHelpersOnly: true,
};

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** One template or asset file of the merged theme. */
interface ThemeFile {
  /** POSIX path relative to the templates folder: `partials/footer.hbs`. */
  rel: string;
  absPath: string;
  /** Path shown in diagnostics. */
  display: string;
}

interface CompiledTemplate {
  file: ThemeFile;
  ast: hbs.AST.Program;
  fn: Handlebars.TemplateDelegate;
}

/**
 * Loads the built-in theme from `builtinDir`, overlaid by the site's own
 * templates in `overrideDir` (optional; it may not exist). A file at the same
 * relative path replaces the built-in one; new page templates and partials
 * are added. Layout of a templates folder:
 * - `*.hbs` (any depth, outside `partials/` and `assets/`): page templates, named by
 *   their path without `.hbs` (`article`, `listing`, `404`, `special`);
 * - `partials/**\/*.hbs`: partials, named by their path under `partials/` (`article-card`);
 * - `assets/**`: copied to the output `assets/`;
 * - anything else (a README, dot-files) is ignored.
 *
 * `displayBase` says how the site's template files are named in diagnostics:
 * a relative path is the prefix shown for `overrideDir` (e.g. `templates` or
 * `my-site/templates`); an absolute path is the folder paths are shown
 * relative to; empty means relative to the working directory.
 * Every template is read and compiled once, here; syntax errors come back as
 * `template` diagnostics with the file and line, and then no theme is returned.
 */
export function loadTheme(
  builtinDir: string,
  overrideDir: string | undefined,
  displayBase: string,
  earlier: ReadonlyMap<string, CompiledText> = new Map(),
): { theme?: Theme; diagnostics: Diagnostic[]; texts: Map<string, CompiledText> } {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, ThemeFile>();
  const builtinDisplay = (rel: string, abs: string): string => displayRelative(abs, path.isAbsolute(displayBase) ? displayBase : "");
  // Problems with symbolic links are reported, but need not stop the theme (the build fails on errors anyway).
  const linkProblems: Diagnostic[] = [];
  const cwd = path.isAbsolute(displayBase) ? displayBase : process.cwd();
  for (const file of listFiles(builtinDir, builtinDir, cwd, builtinDisplay, linkProblems)) files.set(file.rel, file);
  if (overrideDir !== undefined && isDirectory(overrideDir)) {
    const overrideDisplay = (rel: string, abs: string): string =>
      displayBase && !path.isAbsolute(displayBase) ? path.posix.join(toPosix(displayBase), rel) : displayRelative(abs, displayBase);
    for (const file of listFiles(overrideDir, path.dirname(path.resolve(overrideDir)), cwd, overrideDisplay, linkProblems)) files.set(file.rel, file);
  }

  const hb = Handlebars.create();
  hb.registerHelper(HELPERS);
  const pages = new Map<string, CompiledTemplate>();
  const partials = new Map<string, CompiledTemplate>();
  const assets: { path: string; absPath: string }[] = [];
  const texts = new Map<string, CompiledText>();

  for (const file of [...files.values()].sort((a, b) => compareStrings(a.rel, b.rel))) {
    if (file.rel.startsWith("assets/")) {
      assets.push({ path: file.rel, absPath: file.absPath });
      continue;
    }
    if (!file.rel.endsWith(".hbs")) continue;
    const compiled = compileFile(hb, file, diagnostics, earlier, texts);
    if (!compiled) continue;
    const name = file.rel.slice(0, -".hbs".length);
    if (name.startsWith("partials/")) {
      const partialName = name.slice("partials/".length);
      partials.set(partialName, compiled);
      hb.registerPartial(partialName, tagged(compiled));
    } else {
      pages.set(name, compiled);
    }
  }

  if (diagnostics.length > 0) return { diagnostics: [...linkProblems, ...diagnostics], texts };
  // The header, sidebar and footer of the built-in theme read only data every page shares: rendered once per state.
  const asts = new Map([...partials.entries()].map(([name, template]) => [name, template.ast]));
  const shared = sharedPartials(asts);
  const bytes = new PageBytes();
  for (const name of shared) hb.registerPartial(name, renderOncePerBuild(tagged(partials.get(name)!), bytes));
  // A card reads only its own view: its HTML is made once per card, not once per listing page showing it.
  const repeated = partialsCalledInLoops([...pages.values(), ...partials.values()].map((template) => template.ast));
  const perContext = new Set([...contextPartials(asts)].filter((name) => repeated.has(name) && !shared.has(name)));
  for (const name of perContext) hb.registerPartial(name, renderOncePerContext(tagged(partials.get(name)!)));

  const theme: Theme = {
    assets,
    reused: { perState: shared, perContext },
    has: (name) => pages.has(name),
    render(name, context) {
      const page = pageOf(name);
      try {
        // Every input is clean: files and config when read, bodies when rendered, templates when loaded.
        return page.fn(context);
      } catch (cause) {
        throw new TemplateError(runtimeDiagnostic(cause, page, partials), { cause });
      }
    },
    renderBytes(name, context) {
      const page = pageOf(name);
      try {
        return bytes.render(() => page.fn(context));
      } catch (cause) {
        throw new TemplateError(runtimeDiagnostic(cause, page, partials), { cause });
      }
    },
  };
  function pageOf(name: string): CompiledTemplate {
    const page = pages.get(name);
    if (!page) throw new TemplateError(error("template.no-page", { name }));
    return page;
  }
  return { theme, diagnostics: linkProblems, texts };
}

/** Marks an error thrown while a partial renders with that partial (the innermost one), so the message can name its file. */
const ORIGIN = Symbol("template origin");

/** The partial's render function, tagging what it throws with the partial (see `ORIGIN`). */
function tagged(template: CompiledTemplate): Handlebars.TemplateDelegate {
  return ((context: unknown, options?: unknown) => {
    try {
      return template.fn(context, options as never);
    } catch (cause) {
      if (typeof cause === "object" && cause !== null && !(ORIGIN in cause)) Object.defineProperty(cause, ORIGIN, { value: template });
      throw cause;
    }
  }) as Handlebars.TemplateDelegate;
}

/**
 * Parses and compiles one template, eagerly (or takes its tree and code from
 * `earlier`); a syntax error becomes a diagnostic. Its text, tree and code go
 * into `texts`.
 */
function compileFile(
  hb: typeof Handlebars,
  file: ThemeFile,
  diagnostics: Diagnostic[],
  earlier: ReadonlyMap<string, CompiledText>,
  texts: Map<string, CompiledText>,
): CompiledTemplate | undefined {
  let source: string;
  try {
    source = stripControlCharacters(readFileSync(file.absPath, "utf8"));
  } catch (cause) {
    diagnostics.push(error("template.read", { detail: (cause as Error).message }, { file: file.display }));
    return undefined;
  }
  try {
    const { ast, spec, code } = compiledSource(hb, source, earlier.get(source));
    texts.set(source, { ast, code });
    return { file, ast, fn: hb.template(spec) };
  } catch (cause) {
    diagnostics.push(syntaxDiagnostic(cause, source, file.display));
    return undefined;
  }
}

/**
 * Template texts already parsed and compiled, with their syntax tree and
 * compiled specification (both only read afterwards; the specification is
 * bound to each theme's own Handlebars environment by `template`). The same
 * built-in theme is loaded by every build, check and serve rebuild of a
 * process, and compiling it costs more than rendering a small site.
 */
const compiledSources = new Map<string, { ast: hbs.AST.Program; spec: TemplateSpecification; code: string }>();
const MAX_COMPILED_SOURCES = 500;

/**
 * A template text's syntax tree and compiled code, as kept between runs: the
 * build cache keeps a theme's (`loadTheme`'s `texts`) and gives them to the
 * next build's `loadTheme` (trusted as its rendered bodies are). Compiling
 * the built-in theme costs ~0.1 s, evaluating its code ~5 ms.
 */
export interface CompiledText {
  ast: hbs.AST.Program;
  code: string;
}

/**
 * Parses and compiles a template text (or finds it compiled, in this process
 * or by an earlier run: `earlier`); throws Handlebars' error when it does not compile.
 */
function compiledSource(hb: typeof Handlebars, source: string, earlier: CompiledText | undefined): { ast: hbs.AST.Program; spec: TemplateSpecification; code: string } {
  const known = compiledSources.get(source);
  if (known) return known;
  // precompile runs the whole compiler, so every compile-time error surfaces now, not at the first
  // render; its output is then the template itself (compiling again, as `compile` would, costs as much).
  // It is given a tree of its own: the compiler changes the one it compiles (every `{{> name}}` gets an
  // explicit context parameter), and the partials' analysis (`./shared-partials.ts`) reads the tree as written.
  const ast = earlier?.ast ?? hb.parse(source);
  const code = earlier?.code ?? (hb.precompile(hb.parse(source), compileOptions) as unknown as string);
  const compiled = { ast, spec: new Function(`return ${code};`)() as TemplateSpecification, code };
  if (compiledSources.size >= MAX_COMPILED_SOURCES) compiledSources.clear();
  compiledSources.set(source, compiled);
  return compiled;
}

/** Turns a Handlebars parse/compile error into a one-line diagnostic with a position. */
function syntaxDiagnostic(cause: unknown, source: string, display: string): Diagnostic {
  const err = cause as { message?: string; lineNumber?: unknown; column?: unknown };
  const raw = String(err.message ?? cause);

  // Errors from the compiler carry a node position: "if doesn't match each - 3:5".
  if (typeof err.lineNumber === "number") {
    const column = typeof err.column === "number" ? err.column + 1 : undefined;
    const unknownHelper = /^You specified knownHelpersOnly, but used the unknown helper (.+?) - \d+:\d+$/.exec(raw)?.[1];
    if (unknownHelper !== undefined) return error("template.helper", { name: unknownHelper }, { file: display, line: err.lineNumber, column });
    const message = raw.replace(/ - \d+:\d+$/, "");
    return error("template.syntax", { detail: message }, { file: display, line: err.lineNumber, column });
  }

  // Errors from the parser: "Parse error on line 3:\n<excerpt>\n----^\nExpecting 'ID', got 'EOF'".
  const lines = raw.split("\n");
  const lineMatch = /^(?:Parse|Lexical) error on line (\d+)/.exec(lines[0] ?? "");
  if (!lineMatch) {
    return error("template.syntax", { detail: oneLine(raw) }, { file: display });
  }
  const line = Number(lineMatch[1]);
  const excerpt = lines[1] ?? "";
  const caret = lines[2] ?? "";
  const column = /^-*\^$/.test(caret) ? parseErrorColumn(source, line, excerpt, caret.length - 1) : undefined;
  const detail = lines.slice(3).join(" ").trim();
  // Handlebars' excerpt has its newlines removed; quote the source line itself when the column is known.
  const sourceLine = column !== undefined ? (source.split("\n")[line - 1] ?? "") : "";
  const near = (column !== undefined ? sourceLine.slice(Math.max(0, column - 21), column + 19) : excerpt.replace(/^\.\.\./, "")).trim();
  const what = detail ? detail.replace(/^Expecting/, "expecting") : /^Lexical/.test(lines[0] ?? "") ? "unrecognized text" : "";
  return error("template.syntax-near", { near: oneLine(near), detail: oneLine(what) }, { file: display, line, column });
}

/**
 * Finds the 1-based column of a Handlebars parse error on `line`. The parser
 * shows up to 20 characters before the failing token, newlines removed, then
 * a caret under the token; this maps that back onto the source.
 */
function parseErrorColumn(source: string, line: number, excerpt: string, caretAt: number): number | undefined {
  const truncated = excerpt.startsWith("...");
  const before = excerpt.slice(truncated ? 3 : 0, caretAt);
  const flat: number[] = []; // offsets in `source` of each non-newline character
  for (let i = 0; i < source.length; i++) if (source[i] !== "\n") flat.push(i);
  const flatText = source.replace(/\n/g, "");
  const candidates: number[] = [];
  if (!truncated) {
    candidates.push(before.length);
  } else {
    for (let at = flatText.indexOf(before); at !== -1; at = flatText.indexOf(before, at + 1)) candidates.push(at + before.length);
  }
  const positions = candidates
    .map((k) => (k < flat.length ? (flat[k] ?? source.length) : source.length))
    .map((offset) => lineAndColumn(source, offset))
    .filter((p) => p.line === line);
  return positions.length === 1 ? positions[0]?.column : undefined;
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const head = source.slice(0, offset);
  const line = head.split("\n").length;
  return { line, column: offset - (head.lastIndexOf("\n") + 1) + 1 };
}

/** Describes an error thrown while rendering, naming the file that holds the culprit where it can be found. */
function runtimeDiagnostic(cause: unknown, page: CompiledTemplate, partials: Map<string, CompiledTemplate>): Diagnostic {
  const raw = oneLine(cause instanceof Error ? cause.message : String(cause));
  // (An unknown helper cannot get this far: it fails to compile, see `compileOptions`.)
  const missingPartial = /^The partial (.+) could not be found$/.exec(raw)?.[1];
  const rendering = page.file.display;
  if (missingPartial) {
    const found = locate(page, partials, missingPartial);
    const args = { name: missingPartial, ...(found && found.template !== page ? { rendering } : {}) };
    return error("template.partial", args, {
      file: (found?.template ?? page).file.display,
      line: found?.line,
      column: found?.column,
    });
  }
  const origin = (typeof cause === "object" && cause !== null && ORIGIN in cause ? (cause as Record<symbol, unknown>)[ORIGIN] : page) as CompiledTemplate;
  // Built-in block helpers check their arguments: "#if requires exactly one argument".
  const helper = /^#(\w+) requires exactly one argument/.exec(raw)?.[1];
  const at = helper ? findBlockWithoutOneArgument(origin.ast, helper) : undefined;
  const where = { file: origin.file.display, line: at?.line, column: at ? at.column + 1 : undefined };
  if (origin === page) return error("template.runtime", { detail: raw, rendering }, where);
  return error("template.runtime-partial", { detail: raw, partial: origin.file.display, rendering }, where);
}

/** The first `{{#name …}}` block without exactly one argument. */
function findBlockWithoutOneArgument(root: hbs.AST.Node, name: string): hbs.AST.Position | undefined {
  return findFirst(root, (n) => n.type === "BlockStatement" && n.path?.original === name && n.params?.length !== 1);
}

/** A node of a Handlebars syntax tree, as far as the searches here read it. */
interface AstNode {
  type?: string;
  name?: { type?: string; original?: unknown };
  path?: { type?: string; original?: unknown };
  params?: unknown[];
  loc?: hbs.AST.SourceLocation;
}

/** Walks a template's syntax tree, depth first, for the start of the first located node that `matches`. */
function findFirst(root: hbs.AST.Node, matches: (node: AstNode) => boolean): hbs.AST.Position | undefined {
  let found: hbs.AST.Position | undefined;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const n = node as AstNode;
    if (n.loc && matches(n)) {
      found = n.loc.start;
      return;
    }
    for (const [key, value] of Object.entries(n)) if (key !== "loc" && typeof value === "object") visit(value);
  };
  visit(root);
  return found;
}

/** Finds where a partial is referenced: first in the page template, then in partials by name. */
function locate(page: CompiledTemplate, partials: Map<string, CompiledTemplate>, name: string): { template: CompiledTemplate; line: number; column: number } | undefined {
  const ordered = [page, ...[...partials.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, t]) => t)];
  for (const template of ordered) {
    const loc = findPartialReference(template.ast, name);
    if (loc) return { template, line: loc.line, column: loc.column + 1 };
  }
  return undefined;
}

/** The first `{{> name}}` in a template's syntax tree. */
function findPartialReference(root: hbs.AST.Node, name: string): hbs.AST.Position | undefined {
  return findFirst(root, (n) => (n.type === "PartialStatement" || n.type === "PartialBlockStatement") && n.name?.type === "PathExpression" && n.name.original === name);
}

/**
 * Lists every file under `dir` by the site's file-system policy (`walkFolder`:
 * links followed only within `boundary`), as POSIX paths relative to it, sorted;
 * problems with links join `problems`.
 */
function listFiles(dir: string, boundary: string, cwd: string, display: (rel: string, abs: string) => string, problems: Diagnostic[]): ThemeFile[] {
  const walked = walkFolder(dir, { boundary, cwd });
  problems.push(...walked.diagnostics);
  return walked.files.map((file) => ({ rel: file.path, absPath: file.absPath, display: display(file.path, file.absPath) }));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A path relative to `base` (default: the working directory), POSIX-style; absolute when it is on another drive. */
function displayRelative(abs: string, base: string): string {
  const rel = path.relative(base || process.cwd(), abs);
  return toPosix(rel === "" || path.isAbsolute(rel) ? abs : rel);
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
