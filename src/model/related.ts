/**
 * "Other news" for an article: the articles published just before it in its
 * category, filled up with the articles just before it in any category.
 */

/** The minimum an article needs for related lists: its key and category key. */
export interface RelatedItem {
  slug: string;
  category?: string;
}

/**
 * For each article of `sorted` (newest first), the slugs of up to `count`
 * older articles: same category first, then any category, in order of age.
 * Linear in the number of articles (times `count`).
 */
export function relatedArticles(sorted: readonly RelatedItem[], count: number): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (count <= 0) {
    for (const item of sorted) result.set(item.slug, []);
    return result;
  }
  // Position of each article inside its category's list, and the lists themselves.
  const byCategory = new Map<string, number[]>();
  const positionInCategory: number[] = [];
  sorted.forEach((item, index) => {
    const key = item.category ?? "";
    let list = byCategory.get(key);
    if (!list) byCategory.set(key, (list = []));
    positionInCategory.push(list.length);
    list.push(index);
  });
  sorted.forEach((item, index) => {
    const picked: string[] = [];
    const taken = new Set<number>([index]);
    if (item.category !== undefined) {
      const list = byCategory.get(item.category)!;
      for (let k = positionInCategory[index]! + 1; k < list.length && picked.length < count; k++) {
        picked.push(sorted[list[k]!]!.slug);
        taken.add(list[k]!);
      }
    }
    for (let k = index + 1; k < sorted.length && picked.length < count; k++) {
      if (!taken.has(k)) picked.push(sorted[k]!.slug);
    }
    result.set(item.slug, picked);
  });
  return result;
}
