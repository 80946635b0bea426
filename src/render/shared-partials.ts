/**
 * Partials that read nothing but the views every page shares (`site`,
 * `labels`, `sidebar`) and the category bar's state (`nav`, one object per
 * state) — the built-in header, sidebar and footer — give the same HTML on
 * every page in that state: each is rendered once per state and reused.
 * Which partials qualify is decided from their syntax tree, conservatively:
 * anything that could read page data (`page`, `article`, `../`, an unknown
 * helper, `@partial-block`…) keeps a partial rendered on every page.
 */
import type Handlebars from "handlebars";

const SHARED_ROOTS = new Set(["site", "labels", "sidebar", "nav"]);
const PURE_HELPERS = new Set(["if", "unless", "each", "with", "eq", "join"]);
const LOOP_DATA = new Set(["index", "first", "last", "key"]);

type Node = hbs.AST.Node & Record<string, unknown>;

const LITERALS = new Set(["StringLiteral", "NumberLiteral", "BooleanLiteral", "UndefinedLiteral", "NullLiteral"]);

/** The values a helper call or partial call passes: its parameters, then its hash's values. */
function argumentsOf(node: Node): Node[] {
  const pairs = ((node.hash as { pairs?: { value: Node }[] } | undefined)?.pairs ?? []).map((pair) => pair.value);
  return [...((node.params ?? []) as Node[]), ...pairs];
}

/** Whether a call (mustache with arguments, block or subexpression) is of a helper whose output depends only on its arguments. */
function callsPureHelper(node: Node): boolean {
  const helper = node.path as hbs.AST.PathExpression;
  return helper.type === "PathExpression" && PURE_HELPERS.has(helper.original);
}

/** Names of the partials whose output depends only on the shared views. */
export function sharedPartials(partials: ReadonlyMap<string, hbs.AST.Program>): Set<string> {
  const verdicts = new Map<string, boolean>();
  const shared = (name: string, inRoot: boolean, seen: Set<string>): boolean => {
    const key = `${name}\0${inRoot}`;
    const known = verdicts.get(key);
    if (known !== undefined) return known;
    const ast = partials.get(name);
    if (!ast || seen.has(name)) return false;
    const verdict = program(ast, inRoot, new Set([...seen, name]));
    verdicts.set(key, verdict);
    return verdict;
  };

  /** True when a value reads only shared data: at the page's root, a path under site/labels/sidebar; inside a loop over one, anything of the item. */
  const path = (node: Node, inRoot: boolean): boolean => {
    if (node.type !== "PathExpression") return LITERALS.has(node.type);
    const p = node as unknown as hbs.AST.PathExpression;
    if (p.data) return p.parts[0] === "root" ? SHARED_ROOTS.has(p.parts[1] ?? "") : p.parts.length === 1 && LOOP_DATA.has(p.parts[0]!);
    if (p.depth > 0) return false;
    return !inRoot || (p.parts.length > 0 && SHARED_ROOTS.has(p.parts[0]!));
  };
  const value = (node: Node, inRoot: boolean, seen: Set<string>): boolean =>
    node.type === "SubExpression" ? call(node, inRoot, seen) : path(node, inRoot);
  const args = (node: Node, inRoot: boolean, seen: Set<string>): boolean => argumentsOf(node).every((p) => value(p, inRoot, seen));
  const call = (node: Node, inRoot: boolean, seen: Set<string>): boolean => callsPureHelper(node) && args(node, inRoot, seen);
  const statement = (node: Node, inRoot: boolean, seen: Set<string>): boolean => {
    switch (node.type) {
      case "ContentStatement":
      case "CommentStatement":
        return true;
      case "MustacheStatement":
        return ((node.params as unknown[]).length > 0 || (node.hash as unknown) ? call(node, inRoot, seen) : path(node.path as Node, inRoot));
      case "BlockStatement": {
        if (!call(node, inRoot, seen)) return false;
        const helper = (node.path as hbs.AST.PathExpression).original;
        const inner = helper === "each" || helper === "with" ? false : inRoot;
        const body = node.program as hbs.AST.Program | undefined;
        const inverse = node.inverse as hbs.AST.Program | undefined;
        return (!body || program(body, inner, seen)) && (!inverse || program(inverse, inRoot, seen));
      }
      case "PartialStatement": {
        const name = node.name as hbs.AST.PathExpression;
        if (name.type !== "PathExpression" || name.original.startsWith("@") || !args(node, inRoot, seen)) return false;
        return shared(name.original, inRoot && (node.params as unknown[]).length === 0, seen);
      }
      default:
        return false; // partial blocks, decorators, anything new: assume it reads the page
    }
  };
  const program = (node: hbs.AST.Program, inRoot: boolean, seen: Set<string>): boolean =>
    node.body.every((s) => statement(s as Node, inRoot, seen));

  return new Set([...partials.keys()].filter((name) => shared(name, true, new Set())));
}

/** One output of a shared partial, kept for the pages that show it: its HTML, and its bytes once a page written to disk needed them. */
interface SharedOutput {
  html: string;
  bytes?: Buffer;
}

/**
 * Pages rendered straight to bytes with their shared parts encoded once:
 * while `render` runs, a shared partial gives a mark (`\u0000n\u0000`, its
 * position in the page) instead of its HTML, and the page's bytes are its own
 * text encoded around the shared outputs' bytes, which were encoded the first
 * time any page used them. A header, sidebar and footer are ~40 % of a
 * built-in page. Nothing is cached with marks in it: a shared partial renders
 * its own HTML without them (`plain`).
 */
export class PageBytes {
  private parts: SharedOutput[] | undefined;

  /** In a page rendered by `render`, the mark standing for `output`; anywhere else, its HTML. */
  emit(output: SharedOutput): string {
    if (!this.parts) return output.html;
    this.parts.push(output);
    return `\u0000${this.parts.length - 1}\u0000`;
  }

  /** Runs `fn` with no marks given (a shared partial rendering the HTML it keeps). */
  plain<T>(fn: () => T): T {
    const saved = this.parts;
    this.parts = undefined;
    try {
      return fn();
    } finally {
      this.parts = saved;
    }
  }

  /** The UTF-8 bytes of the page `fn` renders: with marks, then assembled; rendered again without them when its own text holds a NUL. */
  render(fn: () => string): Buffer {
    const saved = this.parts;
    const parts: SharedOutput[] = (this.parts = []);
    let text: string;
    try {
      text = fn();
    } finally {
      this.parts = saved;
    }
    return assemble(text, parts) ?? Buffer.from(this.plain(fn));
  }
}

/**
 * A page's bytes from its text with marks, in the order they were given;
 * undefined when the text's NULs are not exactly those marks. Written into
 * one buffer: the text between marks encoded in place, the shared outputs'
 * bytes copied (no buffer per piece, no second copy to join them).
 */
function assemble(text: string, parts: readonly SharedOutput[]): Buffer | undefined {
  const pieces: (string | Buffer)[] = [];
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  let room = 0;
  let from = 0;
  let next = 0;
  for (let start = text.indexOf("\u0000"); start !== -1; start = text.indexOf("\u0000", from)) {
    const end = text.indexOf("\u0000", start + 1);
    if (end === -1 || text.slice(start + 1, end) !== String(next) || next >= parts.length) return undefined;
    if (start > from) {
      pieces.push(text.slice(from, start));
      room += 3 * (start - from);
    }
    const part = parts[next++]!;
    const bytes = (part.bytes ??= Buffer.from(part.html));
    pieces.push(bytes);
    room += bytes.length;
    from = end + 1;
  }
  if (next !== parts.length) return undefined;
  if (from < text.length) {
    pieces.push(from === 0 ? text : text.slice(from));
    room += 3 * (text.length - from);
  }
  const out = Buffer.allocUnsafeSlow(room);
  let at = 0;
  for (const piece of pieces) at += typeof piece === "string" ? out.write(piece, at) : piece.copy(out, at);
  return out.subarray(0, at);
}

/** Category bar states remembered per set of shared views: far more than a site has categories (each gives two). */
const MAX_STATES = 256;

/**
 * Wraps a compiled partial that depends only on the shared views: called with
 * a page's own root context (no parameters, no hash), it renders once per set
 * of shared views (one set per build) and category bar state, and then
 * returns the same HTML.
 */
export function renderOncePerBuild(fn: Handlebars.TemplateDelegate, bytes: PageBytes): Handlebars.TemplateDelegate {
  const rendered = new WeakMap<object, Map<unknown, SharedOutput & { labels: unknown; sidebar: unknown }>>();
  return ((context: Record<string, unknown> | undefined, options?: { data?: { root?: unknown }; hash?: Record<string, unknown> }) => {
    const site = context?.site;
    const usable = context !== undefined && context === options?.data?.root && typeof site === "object" && site !== null && !hasKeys(options?.hash);
    if (!usable) return fn(context, options as never);
    let states = rendered.get(site);
    // Pages built without shared nav views (one per page) would only fill the map: start it again.
    if (!states || states.size >= MAX_STATES) rendered.set(site, (states = new Map()));
    const hit = states.get(context.nav);
    if (hit && hit.labels === context.labels && hit.sidebar === context.sidebar) return bytes.emit(hit);
    const html = bytes.plain(() => fn(context, options as never));
    const output = { labels: context.labels, sidebar: context.sidebar, html };
    states.set(context.nav, output);
    return bytes.emit(output);
  }) as Handlebars.TemplateDelegate;
}

function hasKeys(value: Record<string, unknown> | undefined): boolean {
  return value !== undefined && Object.keys(value).length > 0;
}

/**
 * Names of the partials whose output depends on nothing but the context they
 * are given (with their hash merged in, as Handlebars does): the article card,
 * called once per card on every listing that shows it. Conservatively: paths
 * may go up (`../`) only as far as the partial's own `#each`/`#with` blocks
 * went down, data variables (`@index`…) only inside its own `#each`, helpers
 * only the pure ones, and no partial is called from inside.
 */
export function contextPartials(partials: ReadonlyMap<string, hbs.AST.Program>): Set<string> {
  const path = (node: Node, levels: number, loops: number): boolean => {
    if (node.type !== "PathExpression") return LITERALS.has(node.type);
    const p = node as unknown as hbs.AST.PathExpression;
    if (p.data) return loops > 0 && p.depth === 0 && p.parts.length === 1 && LOOP_DATA.has(p.parts[0]!);
    return p.depth <= levels;
  };
  const value = (node: Node, levels: number, loops: number): boolean =>
    node.type === "SubExpression" ? call(node, levels, loops) : path(node, levels, loops);
  const call = (node: Node, levels: number, loops: number): boolean => callsPureHelper(node) && argumentsOf(node).every((p) => value(p, levels, loops));
  const statement = (node: Node, levels: number, loops: number): boolean => {
    switch (node.type) {
      case "ContentStatement":
      case "CommentStatement":
        return true;
      case "MustacheStatement":
        return (node.params as unknown[]).length > 0 || (node.hash as unknown) ? call(node, levels, loops) : path(node.path as Node, levels, loops);
      case "BlockStatement": {
        if (!call(node, levels, loops)) return false;
        const helper = (node.path as hbs.AST.PathExpression).original;
        const body = node.program as hbs.AST.Program | undefined;
        const inverse = node.inverse as hbs.AST.Program | undefined;
        if (body?.blockParams?.length) return false;
        // `#each` and `#with` give their body a new context (one level further `../` may reach); `#if`/`#unless` do not.
        const inner = helper === "each" || helper === "with" ? levels + 1 : levels;
        return (!body || program(body, inner, helper === "each" ? loops + 1 : loops)) && (!inverse || program(inverse, levels, loops));
      }
      default:
        return false; // partials, partial blocks, decorators, anything new
    }
  };
  const program = (node: hbs.AST.Program, levels: number, loops: number): boolean =>
    node.body.every((s) => statement(s as Node, levels, loops));
  return new Set([...partials].filter(([, ast]) => program(ast, 0, 0)).map(([name]) => name));
}

/**
 * Names of the partials some template calls inside an `#each` block (once per
 * item: the cards of a listing), where the same context comes back on other
 * pages. A partial called once per page (an article's cover) never gives the
 * same context twice, and keeping its output would only cost memory.
 */
export function partialsCalledInLoops(templates: Iterable<hbs.AST.Program>): Set<string> {
  const names = new Set<string>();
  const called = (node: Node, inLoop: boolean) => {
    const name = node.name as hbs.AST.PathExpression;
    if (inLoop && name.type === "PathExpression") names.add(name.original);
  };
  const program = (node: hbs.AST.Program | undefined, inLoop: boolean): void => {
    for (const statement of (node?.body ?? []) as Node[]) {
      if (statement.type === "PartialStatement") called(statement, inLoop);
      else if (statement.type === "PartialBlockStatement") {
        called(statement, inLoop);
        program(statement.program as hbs.AST.Program, inLoop);
      } else if (statement.type === "BlockStatement") {
        program(statement.program as hbs.AST.Program | undefined, inLoop || (statement.path as hbs.AST.PathExpression).original === "each");
        program(statement.inverse as hbs.AST.Program | undefined, inLoop);
      }
    }
  };
  for (const template of templates) program(template, false);
  return names;
}

/** Most outputs one context partial keeps (a card is ~1 KB): past that, it starts again. */
const MAX_CONTEXTS = 8192;

/** A context seen before: its property names and values, in order, and the HTML it gave. */
interface SeenContext {
  names: string[];
  values: unknown[];
  html: string;
}

/**
 * Wraps a compiled partial whose output depends only on its context (see
 * `contextPartials`): called again with a context holding the same values
 * (the same objects, by identity, and equal texts and numbers, under the
 * same names) it returns the HTML it gave the first time. A card's view
 * object is shared by every listing that shows it, so its HTML is made once
 * per card and `lead` value. Contexts are found by their first value (a
 * card's title), then compared value by value. A call with a page's root
 * context, or a copy of it with a hash added (never the same twice), is
 * rendered as usual.
 */
export function renderOncePerContext(fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  let seen = new Map<unknown, SeenContext[]>();
  let count = 0;
  return ((context: unknown, options?: { data?: { root?: unknown } }) => {
    if (typeof context !== "object" || context === null || holdsRoot(context, options?.data?.root)) return fn(context, options as never);
    const names: string[] = [];
    const values: unknown[] = [];
    for (const name in context) {
      names.push(name);
      values.push((context as Record<string, unknown>)[name]);
    }
    const bucket = seen.get(values[0]);
    if (bucket) for (const entry of bucket) if (sameContext(entry, names, values)) return entry.html;
    const html = fn(context, options as never);
    if (++count > MAX_CONTEXTS) {
      seen = new Map();
      count = 1;
    }
    const entry = { names, values, html };
    const others = seen.get(values[0]);
    if (others) others.push(entry);
    else seen.set(values[0], [entry]);
    return html;
  }) as Handlebars.TemplateDelegate;
}

function sameContext(entry: SeenContext, names: readonly string[], values: readonly unknown[]): boolean {
  if (entry.values.length !== values.length) return false;
  for (let i = 0; i < values.length; i++) {
    if (entry.names[i] !== names[i]) return false;
    const a = entry.values[i];
    const b = values[i];
    if (a !== b && !(a !== a && b !== b)) return false; // NaN is NaN
  }
  return true;
}

/** Whether `context` is the page's root context, or holds all of it (a hash merged into a copy). */
function holdsRoot(context: object, root: unknown): boolean {
  if (context === root) return true;
  if (typeof root !== "object" || root === null) return false;
  for (const name in root) if ((context as Record<string, unknown>)[name] !== (root as Record<string, unknown>)[name]) return false;
  return true;
}
