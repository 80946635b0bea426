/**
 * The English message catalog: every text the CLI prints. Diagnostic entries
 * are keyed by their code, or `code.variant` when one code has several
 * messages; the rest by where they are printed (`build.`, `serve.`…).
 */

/** `1 article`, `3 articles`. */
function n(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A front-matter value that had the wrong type, as the message names it. */
export interface Found {
  /** `list`, `mapping`, `nothing`, or a JavaScript type (`number`, `boolean`). */
  kind: string;
  /** The value as JSON, for scalars. */
  value?: string;
}

function found(f: Found): string {
  if (f.kind === "list") return "a list";
  if (f.kind === "mapping") return "a mapping";
  if (f.kind === "nothing") return "nothing";
  return `${f.kind} ${f.value ?? ""}`.trim();
}

/**
 * Why a photo cannot be published (`src/images/derive.ts` sorts the image
 * library's errors into these): the common causes have their own wording;
 * `unknown` carries the library's own text, the last resort.
 */
export type ImageFault =
  | { kind: "empty" }
  | { kind: "not-image" }
  | { kind: "other-format"; format: string }
  | { kind: "no-size" }
  | { kind: "too-many-pixels"; width: number; height: number; limit: number }
  | { kind: "truncated" }
  | { kind: "corrupt" }
  | { kind: "unreadable"; code: string }
  | { kind: "unknown"; detail: string; decoding: boolean };

/** The English text of an image fault. */
export function imageFaultText(f: ImageFault): string {
  switch (f.kind) {
    case "empty":
      return "the file is empty (0 bytes)";
    case "not-image":
      return "not a readable image: the file is not a JPEG or PNG, or not an image at all (a web page or a document saved with an image's name?)";
    case "other-format":
      return `not a JPEG or PNG image (the file holds ${f.format}): convert it to JPEG, or give it its own extension`;
    case "no-size":
      return "not a readable image (no size in its header)";
    case "too-many-pixels":
      return `too many pixels: it declares ${f.width} × ${f.height} px (${Math.round((f.width * f.height) / 1e6)} megapixels, more than ${f.limit}); a decompression bomb or a scan to shrink first`;
    case "truncated":
      return "cannot be decoded: the file is truncated (it ends before the image does); copy it again from the original";
    case "corrupt":
      return "cannot be decoded: the image data is damaged; copy it again from the original or save it again";
    case "unreadable":
      return `cannot be read (${f.code})`;
    case "unknown":
      return f.decoding ? `cannot be decoded (${f.detail}): a damaged or truncated file?` : `not a readable image (${f.detail})`;
  }
}

/** Why a text is no real description of an image (see check/placeholders.ts). */
export type PlaceholderReason = "no-letters" | "number" | "file-name" | "camera" | "placeholder";

const PLACEHOLDER: Record<PlaceholderReason, string> = {
  "no-letters": "it has no letters or digits",
  number: "it is only a number",
  "file-name": "it is the file name",
  camera: "it is a camera file name",
  placeholder: "it is a placeholder",
};

/** Why a base URL was refused (see load/config.ts). */
export type BaseUrlProblem = "not-absolute" | "scheme" | "query";

function baseUrl(a: { value: string; problem: BaseUrlProblem }): string {
  if (a.problem === "scheme") return `"${a.value}" must start with http:// or https://`;
  if (a.problem === "query") return `"${a.value}" must not have a query or fragment`;
  return `"${a.value}" is not an absolute URL (expected something like https://example.org/news/)`;
}

/** Why a date was refused (see load/dates.ts). */
export type DateProblem = "unrecognised" | "not-string" | "out-of-range" | "offset" | "timezone";

const DATE_FORMS = 'YYYY-MM-DD, "YYYY-MM-DD HH:mm" or ISO 8601 with offset';

/** The English catalog; `vi` must have exactly these keys, with the same arguments. */
export const en = {
  // Words and frames of the printed diagnostics.
  "severity.error": () => "error",
  "severity.warning": () => "warning",

  // Diagnostics: loading the site.
  "config.several": (a: { files: string }) => `several config files: ${a.files}; keep one`,
  "config.not-mapping": () => "the config must be a mapping of keys to values",
  "config.unknown-key": (a: { key: string; known: string }) => `unknown config key "${a.key}" (known keys: ${a.known})`,
  "config.unknown-subkey": (a: { key: string }) => `unknown config key "${a.key}"`,
  "config.not-string": (a: { key: string }) => `config key "${a.key}" must be a string`,
  "config.not-integer": (a: { key: string; min: number }) => `config key "${a.key}" must be a whole number of at least ${a.min}`,
  "config.not-mapping-key": (a: { key: string; allowed: string }) => `config key "${a.key}" must be a mapping (${a.allowed})`,
  "config.not-boolean": (a: { key: string }) => `config key "${a.key}" must be true or false`,
  "config.sidebar-source": () => `config key "sidebar.source" must be "recent", "featured" or a category name, not empty`,
  "config.goatcounter": (a: { value: string }) => `config key "analytics.goatcounter" must be the http(s) address of a GoatCounter site, like https://stats.example.org, not "${a.value}"`,
  "config.footer-email": (a: { value: string }) => `config key "footer.email" must be an e-mail address like lienhe@example.org, not "${a.value}"`,
  "config.login-url": (a: { value: string }) => `config key "login.url" must be an http(s) URL or a path on the site such as /admin/, not "${a.value}"`,
  "config.phone-not-string": (a: { key: string }) => `config key "${a.key}" must be a string (quote a phone number: phone: "0214 3871 234", or its leading 0 is lost)`,
  "config.base-url": (a: { value: string; problem: BaseUrlProblem }) => `config key "baseUrl": ${baseUrl(a)}`,
  "config.language": (a: { value: string }) => `config key "language" must be a language tag like "vi" or "en", not "${a.value}"`,
  "config.timezone": (a: { value: string }) => `config key "timezone": unknown time zone "${a.value}" (use an IANA name like "Asia/Ho_Chi_Minh")`,
  "config.edit-url-path": () => `config key "editUrl" must contain "{path}"`,
  "config.edit-url-http": () => `config key "editUrl" must be an http(s) URL`,
  "config.lint-not-mapping": () => `config key "lint" must be a mapping of rule ids to off, warning or error`,
  "config.unknown-rule": (a: { rule: string; known: string }) => `unknown lint rule "lint.${a.rule}" (known rules: ${a.known})`,
  "config.lint-level": (a: { rule: string }) => `config key "lint.${a.rule}" must be off, warning or error`,
  "config.images-not-mapping": () => `config key "images" must be a mapping (widths, formats, quality, originals)`,
  "config.images-widths": () => `config key "images.widths" must be a list of widths in pixels (16 to 8192), like [480, 960, 1600]`,
  "config.images-formats": () => `config key "images.formats" must be a list of webp and avif (the original's JPEG or PNG is always made)`,
  "config.images-quality": () => `config key "images.quality" must be a whole number from 1 to 100`,
  "usage.base-url": (a: { value: string; problem: BaseUrlProblem }) => `--base-url: ${baseUrl(a)}`,
  "yaml.config": (a: { detail: string }) => a.detail,
  "yaml.front-matter": (a: { detail: string }) => `invalid front-matter YAML: ${a.detail}`,
  "yaml.other": (a: { detail: string }) => `invalid front-matter: ${a.detail}`,
  "yaml.unquoted-colon": (a: { field: string; value: string; fix: string }) => `the value of "${a.field}" contains ": ", which YAML reads as a new field: put the whole value in quotes: ${a.fix}`,
  "yaml.tab": () => "a tab indents this line, and YAML needs spaces: replace the tab by spaces",
  "yaml.dash-space": (a: { item: string }) => `a list item needs a space after the dash: write "- ${a.item}"`,
  "yaml.unclosed-quote": (a: { field: string; quote: string }) => `the ${a.quote} that opens the value of "${a.field}" is never closed: end the value with ${a.quote} on the same line`,
  "yaml.text-after-quote": (a: { field: string; fix: string }) => `the value of "${a.field}" goes on after its closing quote: to use " inside a value, quote the whole value with ' instead: ${a.fix}`,
  "yaml.reserved-start": (a: { field: string; char: string; fix: string }) => `a value cannot start with ${a.char}: put the whole value in quotes: ${a.fix}`,
  "yaml.duplicate-key": (a: { field: string }) => `"${a.field}" is given twice: keep one`,
  "yaml.unclosed-bracket": (a: { open: string; close: string }) => `the ${a.open} opened on this line is never closed: end the ${a.close === "]" ? "list" : "mapping"} with ${a.close} on the same line`,
  "yaml.too-deep": () => "the YAML nests too deeply (lists or mappings inside each other hundreds of times)",
  "yaml.unknown-alias": (a: { name: string }) => `*${a.name} names no anchor &${a.name} above it: if the value is text that starts with *, put it in quotes`,
  "yaml.aliases": (a: { name: string; limit: number }) => `the aliases (like *${a.name}) copy the anchored data more than ${a.limit} times: write the values out instead`,
  "yaml.unclosed-front-matter": () => "the front-matter opened by --- on line 1 is never closed: add a line with --- after the last field, before the article's text",
  "control-character": (a: { codePoint: string; name: string }) => `control character ${a.codePoint} (${a.name}) removed: it cannot appear in a web page or feed`,
  "control-character.more": (a: { more: number }) => `control characters on ${n(a.more, "more line")} removed`,
  "control-character.escape": (a: { field: string }) => `field "${a.field}": a control character (written as an escape) was removed; it cannot appear in a web page or feed`,
  "control-character.config-escape": () => "a control character (written as an escape) was removed from a value: it cannot appear in a web page or feed",
  "config.dangling-link": (a: { target: string }) => `the config file is a symbolic link to ${a.target || "a file"}, which does not exist: point it at a real file or delete it`,
  "config.link-loop": () => "the config file is a symbolic link that loops: point it at a real file or delete it",
  "config.unreadable": (a: { reason: string }) => `the config file cannot be read (${a.reason}): check its permissions`,
  "config.not-a-file": () => "the config file is a folder (or another special file), not a file: remove it or replace it by a YAML file",
  "markdown-too-deep": (a: { limit: number }) => `this line puts more than ${a.limit} lists or quotes inside each other, more than gazette renders: remove the extra > or list markers`,
  "markdown-too-deep.brackets": (a: { limit: number }) => `more than ${a.limit} [ brackets (links or images) open inside each other, more than gazette renders: close them or escape them as \\[`,
  "markdown-too-deep.stack": () => "this article's Markdown nests too deeply to render (lists, quotes or emphasis inside each other): flatten it",
  "markdown-too-complex.markers": (a: { limit: number }) => `this paragraph has more than ${a.limit} emphasis or link markers (* _ [ ]), which takes too long to render: split it into paragraphs, or escape the markers as \\* \\_ \\[`,
  "markdown-too-complex.run": (a: { limit: number }) => `a run of more than ${a.limit} * or _ characters nests that many emphases, more than gazette renders: escape them as \\* or \\_`,
  "markdown-too-complex.setext": (a: { limit: number }) => `more than ${a.limit} headings are underlined with === or ---, which takes too long to render: write them as # headings`,
  "markdown-too-complex.list": (a: { limit: number }) => `the lists of this article are too long and nested for their place in it, which takes too long to render: split them, or put fewer items with nested lists or quotes after so much text`,
  "markdown-too-complex.list-items": (a: { limit: number }) => `this article's lists have more than ${a.limit} items, which takes too long to render: split the article or write some lists as paragraphs`,
  "markdown-too-complex.size": (a: { size: number; limit: number }) => `this article's text is ${a.size} KiB, more than the ${a.limit} KiB gazette renders in one page: split it into several articles, or attach the full document as a file (a PDF) and link to it`,
  "markdown-too-complex.work": () => "this article has so much nesting, emphasis or link markup for its length that it would take too long to render (it is refused from this line): split it into several articles, or remove markup that is not needed",
  "markdown-too-complex.table": (a: { limit: number }) => `the tables of this article would have more than ${a.limit} cells (each row gets as many cells as its table's header): shorten the header or split the table`,
  json: (a: { detail: string }) => `invalid JSON: ${a.detail}`,
  read: (a: { detail: string }) => `cannot read the file: ${a.detail}`,
  "read.folder": (a: { detail: string }) => `cannot list the folder: ${a.detail}`,
  "symlink-outside": (a: { link: string; target: string }) =>
    `symbolic link -> ${a.link} leads outside the site (to ${a.target}), which is never read or published: replace the link with a copy of what it points to, or remove it`,
  "symlink-outside.hidden": (a: { link: string; entry: string }) =>
    `symbolic link -> ${a.link} leads to ${a.entry}, a hidden entry of the site, which is never read or published: replace the link with a copy of what it points to, or remove it`,
  "symlink-loop": (a: { link: string }) => `symbolic link -> ${a.link} leads back to a folder it is in (a loop); it is skipped`,
  "symlink-loop.output": (a: { link: string; marker: string }) => `symbolic link -> ${a.link} leads to a folder gazette builds into (it holds ${a.marker}); it is skipped`,
  "symlink-loop.never": (a: { link: string }) => `symbolic link -> ${a.link} never reaches a file (a loop of links); it is skipped`,
  "symlink-loop.visits": (a: { max: number }) => `symbolic links lead into this folder more than ${a.max} times; it is listed no more`,
  changed: () => "the file changed while the site was being built; build again",
  "front-matter.not-mapping": () => "front-matter must be a mapping of keys to values",
  "front-matter.missing": (a: { field: string }) => `missing required field "${a.field}"`,
  "front-matter.not-text": (a: { field: string; found: Found }) => `field "${a.field}" must be text, not ${found(a.found)}`,
  "front-matter.not-names": (a: { field: string; found: Found }) => `field "${a.field}" must be a list of names; found ${found(a.found)}`,
  "front-matter.date": (a: { field: string; value: string; problem: DateProblem; detail?: string }) =>
    `field "${a.field}": ` +
    (a.problem === "timezone"
      ? `unknown timezone ${a.value}`
      : a.problem === "offset"
        ? `invalid date ${a.value}: offset out of range`
        : a.problem === "out-of-range"
          ? `invalid date ${a.value}: ${a.detail ?? "out of range"}`
          : a.problem === "not-string"
            ? `unrecognised date ${a.value} (expected a string: ${DATE_FORMS})`
            : `unrecognised date ${a.value} (expected ${DATE_FORMS})`),
  "front-matter.image-prop": (a: { field: string; prop: string }) => `field "${a.field}": "${a.prop}" must be text`,
  "front-matter.image-key": (a: { field: string; key: string }) => `field "${a.field}": unknown image key "${a.key}" (expected src, alt, caption)`,
  "front-matter.not-image": (a: { field: string }) => `field "${a.field}" must be an image like {src: images/a.jpg, alt: …, caption: …}`,
  "front-matter.images-not-list": () => `field "images" must be a list of {src, alt, caption}`,
  "front-matter.draft": () => `field "draft" must be true or false`,
  "front-matter.layout": (a: { value: string }) => `field "layout" must be a template name like "article", not "${a.value}"`,
  "front-matter.empty-slug": (a: { value: string }) => `cannot make a URL slug from "${a.value}": it has no letters or digits (set "slug:")`,
  "front-matter.empty-name-slug": (a: { field: string; value: string }) => `cannot make a URL slug from ${a.field} name "${a.value}": it has no letters or digits`,
  "front-matter.slug-too-long": (a: { value: string; length: number; max: number; set: boolean }) => `the URL slug "${a.value}…" has ${a.length} characters, more than the ${a.max} a file name may safely have: ${a.set ? "set" : "shorten"} "slug:"`,
  "front-matter.name-too-long": (a: { field: string; value: string; length: number; max: number }) => `the ${a.field} name "${a.value}…" makes a URL slug of ${a.length} characters, more than the ${a.max} a file name may safely have: shorten it`,
  "front-matter.author-and-authors": () => `use either "author" or "authors", not both`,
  "front-matter.author-url": (a: { field: string; name: string }) => `field "${a.field}": "url" of ${a.name} must be an http(s) URL`,
  "front-matter.not-authors": (a: { field: string; found: Found }) => `field "${a.field}" must be names or {name, url}; found ${found(a.found)}`,
  "front-matter.category": (a: { list: boolean }) =>
    `field "category" must be one category name${a.list ? " (an article has one category; use tags for more)" : ""}`,

  // Diagnostics: bodies, pages and outputs.
  "missing-image": (a: { url: string; outside: boolean }) => `image not found: ${a.url}${a.outside ? " (outside content/)" : ""}`,
  "bad-image": (a: { path: string; src: string; problem: string; fault?: ImageFault; field?: string }) =>
    `${a.field ? `field "${a.field}": ` : ""}image content/${a.path} (${a.src}): ${a.fault ? imageFaultText(a.fault) : a.problem}`,
  "unsafe-svg": (a: { path: string; src: string; detail: string; field?: string }) =>
    `${a.field ? `field "${a.field}": ` : ""}unsafe SVG content/${a.path} (${a.src}): contains ${a.detail}: an SVG opened from the site can run script or load other files`,
  "unpublished-image": (a: { path: string; draft: boolean }) =>
    `the photo content/${a.path} is used by this ${a.draft ? "draft" : "article dated in the future"} and by no published article, yet every build publishes it (as its derivatives): it is public before the article; keep it out of content/ until the article is published, if it must not be seen earlier`,
  "image-too-large": (a: { detail: string; mb?: string; megapixels?: number }) => `image is ${a.detail} (over 20 MB or 50 megapixels): slow to build; shrink it before adding it`,
  "missing-image.cover": (a: { src: string }) => `field "cover": image not found: ${a.src}`,
  "broken-link.article": (a: { url: string }) => `link to missing article: ${a.url}`,
  "broken-link.file": (a: { url: string }) => `link to missing file: ${a.url}`,
  "unparsed-image": (a: { text: string; fix: string }) =>
    `this looks like an image but is published as plain text: ${a.text}; a path with spaces must be written in angle brackets, ${a.fix}, or the file renamed without spaces`,
  "unparsed-image.link": (a: { text: string; fix: string }) =>
    `this looks like a link but is published as plain text: ${a.text}; a URL with spaces must be written in angle brackets, ${a.fix}, or without spaces`,
  "raw-html": (a: { tag: string }) => `HTML <${a.tag}> is left out of the page (raw HTML is not published; the text around it stays); use Markdown instead: **bold**, *italics*, [link](address)`,
  "raw-html.block": (a: { tag: string }) => `HTML <${a.tag}> is left out of the page together with all the text in it (raw HTML is not published); write that text as plain Markdown paragraphs, without HTML tags`,
  "raw-html.br": () => `HTML <br> is left out of the page; to break a line, end the line with a backslash (\\)`,
  "raw-html.img": () => `HTML <img> is left out of the page; insert the image in Markdown instead: ![what the photo shows](images/file.jpg "caption")`,
  "raw-html.iframe": () => `HTML <iframe> is left out of the page; to show a video, paste its YouTube or Facebook link alone on its own line`,
  future: (a: { date: string }) => `skipped future article dated ${a.date} (use --future to build it)`,
  "duplicate-url.article": (a: { url: string; other: string }) => `URL ${a.url} is claimed by both ${a.other} and this file (set a different "slug:")`,
  "duplicate-url.output": (a: { path: string; other: string; source: string }) => `output file ${a.path} is claimed by both ${a.other} and ${a.source}`,
  "base-url": () => "baseUrl is not set: feed.xml, sitemap.xml and canonical URLs are left out (set baseUrl in the config or pass --base-url)",
  layout: (a: { name: string }) => `unknown layout "${a.name}": no templates/${a.name}.hbs in the site or the built-in theme`,
  "template.no-page": (a: { name: string }) => `no page template "${a.name}" (expected templates/${a.name}.hbs)`,
  "template.read": (a: { detail: string }) => `cannot read template: ${a.detail}`,
  "template.syntax": (a: { detail: string }) => `template syntax error: ${a.detail}`,
  "template.syntax-near": (a: { near: string; detail: string }) => `template syntax error${a.near ? ` near "${a.near}"` : ""}${a.detail ? `: ${a.detail}` : ""}`,
  "template.partial": (a: { name: string; rendering?: string }) =>
    `partial "${a.name}" not found (no templates/partials/${a.name}.hbs)${a.rendering ? ` while rendering page template ${a.rendering}` : ""}`,
  "template.helper": (a: { name: string }) => `unknown helper "${a.name}" (available: eq, join, and Handlebars' if, unless, each, with, lookup)`,
  "template.runtime": (a: { detail: string; rendering: string }) => `${a.detail} (while rendering page template ${a.rendering})`,
  "template.runtime-partial": (a: { detail: string; partial: string; rendering: string }) => `${a.detail} (in ${a.partial}, while rendering page template ${a.rendering})`,
  output: (a: { detail: string }) => a.detail,
  "output.refuse-symlink": (a: { dir: string; target: string }) => `refusing to replace ${a.dir}: it is a symbolic link (to ${a.target}); point --out at the real folder`,
  "output.refuse-file": (a: { dir: string }) => `refusing to replace ${a.dir}: it is not a folder`,
  "output.refuse-foreign": (a: { dir: string; sample: string }) =>
    `refusing to replace ${a.dir}: it is not empty and was not made by gazette (it holds ${a.sample}); the whole folder is replaced on every build, so choose a new or empty folder with --out, or empty this one`,

  // Diagnostics: `gazette check`.
  "image-alt": (a: { url: string }) => `image has no alt text: ${a.url}`,
  "image-alt.placeholder": (a: { url: string; alt: string; reason: PlaceholderReason }) => `alt text "${a.alt}" does not describe the image (${PLACEHOLDER[a.reason]}): ${a.url}`,
  "image-alt.cover": () => `field "cover": image has no alt text`,
  "image-alt.cover-placeholder": (a: { alt: string; reason: PlaceholderReason }) => `field "cover": alt text "${a.alt}" does not describe the image (${PLACEHOLDER[a.reason]})`,
  "image-caption": (a: { url: string }) => `image has no caption: ${a.url}`,
  "image-caption.cover": () => `field "cover": image has no caption`,
  "placeholder-caption": (a: { url: string; caption: string; reason: PlaceholderReason }) => `caption "${a.caption}" says nothing about the image (${PLACEHOLDER[a.reason]}): ${a.url}`,
  "placeholder-caption.cover": (a: { caption: string; reason: PlaceholderReason }) => `field "cover": caption "${a.caption}" says nothing about the image (${PLACEHOLDER[a.reason]})`,
  "title-length.empty": () => `field "title" is empty`,
  "title-length": (a: { length: number; max: number }) => `field "title" is ${a.length} characters long (at most ${a.max} read well in listings)`,
  "summary-length": (a: { length: number; max: number }) => `field "summary" is ${a.length} characters long (at most ${a.max})`,
  "summary-length.none": () => `article has no summary: set "summary:" or start the body with a paragraph`,
  "missing-author": () => `article has no author: set "author:" or "authors:"`,
  "name-variant": (a: { kind: "category" | "tag" | "author"; name: string; shown: string; example: string; more: number; url: string }) =>
    `${a.kind} "${a.name}" differs from "${a.shown}" (${a.example}${a.more > 0 ? ` and ${a.more} more` : ""}) only by case, accents or punctuation: both are listed as "${a.shown}" at ${a.url}; use one spelling`,
  "duplicate-title": (a: { title: string; others: string }) => `title "${a.title}" is also the title of ${a.others}`,
  "external-redirect": (a: { status: number; url: string; finalUrl: string }) => `external link redirects (${a.status}): ${a.url} → ${a.finalUrl}; link to the final URL`,
  "external-link": (a: { reason: string; url: string; finalUrl?: string }) => `broken external link (${a.reason}): ${a.url}${a.finalUrl ? ` → ${a.finalUrl}` : ""}`,

  // What the commands print besides diagnostics.
  "cli.usage-error": (a: { detail: string }) => `gazette: ${a.detail}`,
  "cli.unexpected": (a: { detail: string }) => `gazette: unexpected error: ${a.detail}`,
  "cli.debug-hint": () => "(set GAZETTE_DEBUG=1 to see where it happened, and please report it)",
  "cli.help-hint": () => "(run gazette --help for usage)",
  "cli.unknown-option": (a: { name: string }) => `error: unknown option '${a.name}'`,
  "cli.unknown-command": (a: { name: string }) => `error: unknown command '${a.name}'`,
  "cli.missing-argument": (a: { name: string }) => `error: missing required argument '${a.name}'`,
  "cli.option-missing": (a: { name: string }) => `error: option '${a.name}' argument missing`,
  "cli.option-invalid": (a: { name: string; value: string; detail: string }) => `error: option '${a.name}' argument '${a.value}' is invalid. ${a.detail}`,
  "cli.too-many": (a: { command: string; expected: string; got: string }) => `error: too many arguments for '${a.command}'. Expected ${a.expected} but got ${a.got}.`,
  "cli.did-you-mean": (a: { suggestion: string }) => `(Did you mean ${a.suggestion}?)`,
  "cli.lang": () => "language of messages: vi or en (default: GAZETTE_LANG, else the site's language, else en)",
  "usage.source-not-found": (a: { source: string }) => `source folder not found: ${a.source}`,
  "usage.out-empty": () => "--out is empty: name the output folder, or leave the option out for <source>/public",
  "usage.port": (a: { value: string }) => `--port must be a number from 0 to 65535, not "${a.value}"`,
  "build.summary": (a: { articles: number; pages: number; files: number; where: string; seconds: string; warnings: number; bodies?: [number, number]; cachedPages?: [number, number] }) =>
    `built ${n(a.articles, "article")}, ${n(a.pages, "page")} (${n(a.files, "file")}) into ${a.where}/ in ${a.seconds} s` +
    (a.bodies && a.cachedPages ? `; from the cache: ${a.bodies[0]} of ${n(a.bodies[1], "body", "bodies")}, ${a.cachedPages[0]} of ${n(a.cachedPages[1], "page")}` : "") +
    (a.warnings ? `, ${n(a.warnings, "warning")}` : ""),
  "build.progress-load": () => "reading articles",
  "build.progress-markdown": () => "rendering Markdown",
  "build.progress-articles": () => "rendering articles",
  "build.progress-render": () => "writing listings",
  "build.failed": (a: { errors: number }) => `build failed: ${n(a.errors, "error")}; the previous output was left untouched`,
  "check.summary": (a: { articles: number; errors: number; warnings: number; links: number; fetched: boolean; broken: number; redirected: number; seconds: string }) =>
    `checked ${n(a.articles, "article")}: ${a.errors + a.warnings === 0 ? "no problems" : `${n(a.errors, "error")}, ${n(a.warnings, "warning")}`}; ` +
    `${n(a.links, "external link")}${a.fetched ? (a.links > 0 ? ` checked (${a.broken} broken, ${a.redirected} redirected)` : "") : a.links > 0 ? " (not fetched: use --external)" : ""} in ${a.seconds} s`,
  "check.strict": () => " (--strict: warnings fail)",
  "check.progress": (a: { done: number; total: number }) => `checking external links: ${a.done}/${a.total}`,
  "serve.building": () => "building the site in memory…",
  "serve.port-busy": (a: { port: number; next: number }) => `port ${a.port} is in use; trying ${a.next}`,
  "serve.serving": (a: { url: string }) => `serving ${a.url} (Ctrl-C to stop)`,
  "serve.stopped": () => "stopped",
  "serve.refused": (a: { path: string }) => `gazette: not serving ${a.path}: it leads outside the site's folders`,
  "serve.failed": (a: { initial: boolean; errors: number }) =>
    `${a.initial ? "build" : "rebuild"} failed: ${n(a.errors, "error")}; ${a.initial ? "serving an error page until they are fixed" : "still serving the last good site"}`,
  "serve.built": (a: { articles: number; pages: number; time: string }) => `built ${n(a.articles, "article")}, ${n(a.pages, "page")} in ${a.time}`,
  "serve.rebuilt": (a: { config: boolean; theme: boolean; articles?: number; files?: number; pages: number; time: string }) =>
    `rebuilt ${[...(a.config ? ["the config"] : []), ...(a.theme ? ["the theme"] : []), ...(a.articles !== undefined ? [n(a.articles, "article")] : []), ...(a.files !== undefined ? [n(a.files, "file")] : [])].join(", ")}, ${n(a.pages, "page")} in ${a.time}`,
  "serve.port-denied": (a: { port: number }) => `not allowed to listen on port ${a.port} (ports below 1024 need privileges); pass --port 4000 or another port`,
  "serve.host-unknown": (a: { host: string }) => `cannot listen on host ${a.host}: no such address on this machine`,
  "serve.ports-busy": (a: { range: string }) => `${a.range} in use; stop the other server or pass --port with a free port`,
  "serve.watch-limit": () => "the system's limit on watched files was reached, so some changes will not be seen (Linux: raise fs.inotify.max_user_watches; or close other watchers)",
  "overlay.title": () => "gazette: the site has errors. The page shows the last good build; fix the files and save.",
  "overlay.hide": () => "Hide",
  "overlay.page-title": () => "gazette: the site has errors",
  "overlay.page-heading": () => "The site has errors",
  "overlay.page-hint": () => "Fix them and save; this page reloads by itself.",
  "init.config": (a: { title: string; timezone: string; lint: string }) => `# Settings of this site, read by gazette. Every key is optional: delete a line
# to get its default. Unknown keys are an error.

# Site name, in the header and page titles (default: the folder name).
title: ${a.title}

# Meta description and feed subtitle (default: empty).
description: ""

# Absolute URL the site is deployed at. Its path is the base path of every
# link, for sites served from a subfolder (https://example.org/news/ serves
# under /news/). feed.xml, sitemap.xml and canonical URLs need it; without it
# \`gazette build\` warns and leaves them out. \`--base-url\` overrides it: the CI
# workflow in .github/workflows/publish.yml passes the GitHub Pages address.
# baseUrl: https://example.org/news/

# <html lang>, date format and the theme's labels: vi or en (default: vi).
language: vi

# Dates without an offset are in this zone, and dates are displayed in it
# (an IANA name; default: Asia/Ho_Chi_Minh).
timezone: ${a.timezone}

# Articles per listing page (default: 10).
perPage: 10

sidebar:
  # Recent articles in the sidebar (default: 10).
  recent: 10
  # Which articles: featured (front-matter featured: true), recent, or a
  # category such as Thông báo (default: featured when any, else the largest
  # category).
  # source: featured

related:
  # "Other news" links under an article (default: 5).
  count: 5

markdown:
  # Raw HTML in Markdown is dropped unless true (default: false).
  allowHtml: false

# An "edit this article" link on article pages; {path} becomes
# content/….md (default: none).
# editUrl: https://github.com/OWNER/REPO/edit/main/{path}

# A GoatCounter site (https://www.goatcounter.com/, self-hostable): its count
# script on every page and a "visits" block in the sidebar (default: none).
# analytics:
#   goatcounter: https://stats.example.org

# A "log in" link in the header (default: none).
# login:
#   url: https://example.org/admin/

# The organisation's lines in the footer, each shown when set; quote a phone
# number so that its leading 0 stays.
# footer:
#   organisation: Trung tâm Văn hóa, Thể thao và Truyền thông
#   address: Số 1 đường Mẫu
#   phone: "0214 000 0000"
#   email: lienhe@example.org
#   editor: Ông Nguyễn Văn A
#   licence: Giấy phép số 00/GP-TTĐT

# The search page /search/ and a search box in every page's header, found
# with or without accents. false leaves them out.
search: true

# Severity of each \`gazette check\` rule: off, warning or error. The values
# below are the defaults.
lint:
${a.lint}
`,
  "init.kept": (a: { path: string }) => `kept the existing ${a.path}`,
  "init.created": (a: { cd: string }) => `created a gazette site; next: ${a.cd}npm install && npx gazette build`,
  "init.is-file": (a: { dir: string }) => `${a.dir} is a file, not a folder`,
  "init.not-empty": (a: { dir: string; shown: string }) => `${a.dir} is not empty (${a.shown}); gazette init only fills an empty folder (dot-entries such as .git may be there)`,
  "new.wrote": () => `wrote a draft; delete "draft: true" to publish it (preview: gazette build --drafts, check: gazette check --drafts)`,
  "new.c-date": () => "publication time; a future date is built only with --future",
  "new.c-draft": () => "built only with --drafts: delete this line to publish",
  "new.c-author": () => "or authors: [Tuấn Nguyễn, Hoàng Luyến]; items may be {name, url}",
  "new.c-source": () => "organisation shown with the authors",
  "new.c-category": () => "one category",
  "new.c-summary": () => "One or two sentences for listings and search engines (default: the first paragraph).",
  "new.c-photo": () => "What the photo shows",
  "new.c-caption": () => "The caption under it.",
  "new.c-images": () => "alt text and captions of the photos in the body, matched by src",
  "new.c-updated": () => "date of the last significant change",
  "new.c-slug": () => "the article's URL is /<slug>/; default: from the file name",
  "new.c-layout": () => "another page template: templates/<layout>.hbs",
  "new.c-body": () => "The first paragraph is the summary unless `summary:` is set. A photo alone in its\n     paragraph becomes a figure; the text in quotes is its caption:",
  "new.no-slug": (a: { title: string }) => `cannot make a file name from the title "${a.title}": it has no letters or digits`,
  "new.exists": (a: { path: string }) => `${a.path} already exists; not overwriting it (edit it, or choose another title)`,
};
