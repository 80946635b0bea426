/**
 * Lint rules across articles: category, tag and author names that differ
 * only by case, accents or punctuation (so they share one page under one
 * spelling), and duplicate titles.
 */
import { warning, type Diagnostic } from "../diagnostics.js";
import { slugify } from "../load/slug.js";
import type { LoadedArticle } from "../types.js";

type Kind = "category" | "tag" | "author";

interface Use {
  article: LoadedArticle;
  name: string;
}

/** The names an article gives for one kind of term, with the front-matter field they are in. */
function namesOf(article: LoadedArticle, kind: Kind): { names: string[]; field: string } {
  if (kind === "category") return { names: article.category !== undefined ? [article.category] : [], field: "category" };
  if (kind === "tag") return { names: article.tags, field: "tags" };
  return { names: article.authors.map((a) => a.name), field: article.fieldLines.authors !== undefined ? "authors" : "author" };
}

/**
 * Reports every use of a spelling that is not the one the site shows for its
 * term (the most used; ties: the first in code-point order, as the model picks),
 * at the line of the field, naming the shown spelling and where it is used.
 */
export function lintNameVariants(articles: readonly LoadedArticle[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const kind of ["category", "tag", "author"] as const) {
    const groups = new Map<string, Map<string, Use[]>>();
    for (const article of articles) {
      for (const name of namesOf(article, kind).names) {
        const slug = slugify(name);
        if (slug === "") continue;
        let spellings = groups.get(slug);
        if (!spellings) groups.set(slug, (spellings = new Map()));
        const uses = spellings.get(name) ?? [];
        uses.push({ article, name });
        spellings.set(name, uses);
      }
    }
    for (const [slug, spellings] of groups) {
      if (spellings.size < 2) continue;
      const ranked = [...spellings.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
      const [shown, shownUses] = ranked[0]!;
      const example = shownUses[0]!.article.displayPath;
      for (const [name, uses] of ranked.slice(1)) {
        for (const { article } of uses) {
          const field = namesOf(article, kind).field;
          out.push(
            warning(
              "name-variant",
              { kind, name, shown, example, more: shownUses.length - 1, url: `/${kind === "category" ? "categories" : `${kind}s`}/${slug}/` },
              { file: article.displayPath, line: article.fieldLines[field] ?? 1 },
            ),
          );
        }
      }
    }
  }
  return out;
}

/** A title as compared for duplicates: NFC, lower case, spacing collapsed. */
function titleKey(title: string): string {
  return title.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Reports each article whose title another article also has, naming the other files. */
export function lintDuplicateTitles(articles: readonly LoadedArticle[]): Diagnostic[] {
  const byTitle = new Map<string, LoadedArticle[]>();
  for (const article of articles) {
    const key = titleKey(article.title);
    if (key === "") continue;
    const list = byTitle.get(key) ?? [];
    list.push(article);
    byTitle.set(key, list);
  }
  const out: Diagnostic[] = [];
  for (const list of byTitle.values()) {
    if (list.length < 2) continue;
    for (const article of list) {
      const others = list.filter((a) => a !== article).map((a) => a.displayPath).sort();
      out.push(
        warning("duplicate-title", { title: article.title, others: others.join(", ") }, {
          file: article.displayPath,
          line: article.fieldLines.title ?? 1,
        }),
      );
    }
  }
  return out;
}
