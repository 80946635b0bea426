/**
 * The lint rules of `gazette check`: ids, default severities and what each
 * finds. Part of the config's schema (the loader validates `lint:` keys
 * against it); `check/lint.ts` applies them.
 */

/** What the config may set a rule to. */
export type LintLevel = "off" | "warning" | "error";

/** One lint rule as documented. */
export interface LintRule {
  id: string;
  severity: "warning" | "error";
  /** One line for the README and `--help`. */
  finds: string;
}

/** Every lint rule, in the order of the README's table. */
export const LINT_RULES: readonly LintRule[] = [
  { id: "image-alt", severity: "warning", finds: "an image (in the body or the cover) without alt text, or with a placeholder such as \"ảnh\", \"image\" or the file name" },
  { id: "image-caption", severity: "warning", finds: "a figure (an image alone in its paragraph) or a cover without a caption" },
  { id: "placeholder-caption", severity: "warning", finds: "a caption that is a placeholder such as \"Chú thích ảnh\" or \"caption\"" },
  { id: "title-length", severity: "warning", finds: "an empty title, or one longer than 150 characters" },
  { id: "summary-length", severity: "warning", finds: "a `summary:` longer than 300 characters, or no summary at all (no `summary:` and no first paragraph)" },
  { id: "missing-author", severity: "warning", finds: "an article without `author:` or `authors:`" },
  { id: "name-variant", severity: "warning", finds: "a category, tag or author spelled differently from another only by case, accents or punctuation (\"Văn hoá\" / \"Văn hóa\"): both share one page" },
  { id: "unpublished-image", severity: "warning", finds: "a photo that only drafts or articles dated in the future use: every build publishes it, before its article" },
  { id: "duplicate-title", severity: "warning", finds: "two articles with the same title (case and spacing aside)" },
  { id: "external-link", severity: "error", finds: "with --external: an external link that answers 4xx/5xx, times out, cannot connect or redirects more than 5 times" },
  { id: "external-redirect", severity: "warning", finds: "with --external: an external link that redirects (the message gives the final URL)" },
];

/** The ids of every lint rule. */
export const LINT_RULE_IDS: readonly string[] = LINT_RULES.map((rule) => rule.id);

/** The levels a rule can be set to in `lint:`. */
export const LINT_LEVELS: readonly LintLevel[] = ["off", "warning", "error"];
