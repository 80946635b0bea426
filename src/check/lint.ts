/**
 * The per-article lint rules of `gazette check`: alt text, captions, title
 * and summary length, authors. Each finding is a diagnostic with the rule id
 * as its code and the rule's default severity; `applyLintLevels` adjusts them.
 */
import { warning, type Diagnostic } from "../diagnostics.js";
import type { BodyReference } from "../markdown/render.js";
import type { LoadedArticle } from "../types.js";
import { altTextProblem, captionProblem } from "./placeholders.js";
import { LINT_RULES, type LintLevel } from "../load/lint-rules.js";

/** Longest title that reads well in listings, in characters. */
export const MAX_TITLE = 150;
/** Longest summary, in characters. */
export const MAX_SUMMARY = 300;

/** One published article with what rendering found in its body. */
export interface CheckedArticle {
  article: LoadedArticle;
  references: BodyReference[];
  firstParagraph: string;
}

/** Characters as readers count them (code points of the NFC form). */
function length(text: string): number {
  return [...text.normalize("NFC")].length;
}

/** Runs every per-article rule on one article. */
export function lintArticle({ article, references, firstParagraph }: CheckedArticle): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = article.displayPath;
  const field = (key: string) => ({ file, line: article.fieldLines[key] ?? 1 });

  for (const ref of references) {
    if (ref.kind !== "image") continue;
    const at = { file, line: ref.line, column: ref.column };
    const alt = altTextProblem(ref.alt, ref.url);
    if (alt === "missing") out.push(warning("image-alt", { url: ref.url }, at));
    else if (alt) out.push(warning("image-alt.placeholder", { url: ref.url, alt: (ref.alt ?? "").trim(), reason: alt }, at));
    if (ref.figure && ref.caption === undefined) out.push(warning("image-caption", { url: ref.url }, at));
    const caption = ref.caption !== undefined ? captionProblem(ref.caption, ref.url) : undefined;
    if (caption) out.push(warning("placeholder-caption", { url: ref.url, caption: ref.caption!.trim(), reason: caption }, at));
  }
  const cover = article.cover;
  if (cover) {
    const alt = altTextProblem(cover.alt, cover.src);
    if (alt === "missing") out.push(warning("image-alt.cover", {}, field("cover")));
    else if (alt) out.push(warning("image-alt.cover-placeholder", { alt: (cover.alt ?? "").trim(), reason: alt }, field("cover")));
    if (!cover.caption) out.push(warning("image-caption.cover", {}, field("cover")));
    else {
      const caption = captionProblem(cover.caption, cover.src);
      if (caption) out.push(warning("placeholder-caption.cover", { caption: cover.caption.trim(), reason: caption }, field("cover")));
    }
  }

  const title = article.title.trim();
  if (title === "") out.push(warning("title-length.empty", {}, field("title")));
  else if (length(title) > MAX_TITLE) out.push(warning("title-length", { length: length(title), max: MAX_TITLE }, field("title")));
  if (article.summary !== undefined && length(article.summary) > MAX_SUMMARY) {
    out.push(warning("summary-length", { length: length(article.summary), max: MAX_SUMMARY }, field("summary")));
  } else if (article.summary === undefined && firstParagraph.trim() === "") {
    out.push(warning("summary-length.none", {}, { file, line: 1 }));
  }
  if (article.authors.length === 0) out.push(warning("missing-author", {}, { file, line: 1 }));
  return out;
}

const DEFAULTS = new Map(LINT_RULES.map((rule) => [rule.id, rule.severity]));

/** Applies the config's `lint:` levels to lint findings: drops rules set to off, sets the severity of the others. */
export function applyLintLevels(diagnostics: readonly Diagnostic[], levels: Readonly<Record<string, LintLevel>> = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const fallback = DEFAULTS.get(d.code);
    if (fallback === undefined) {
      out.push(d);
      continue;
    }
    const level = levels[d.code] ?? fallback;
    if (level !== "off") out.push({ ...d, severity: level });
  }
  return out;
}
