/**
 * Pagination of listings: splitting articles into pages, the numbered slots
 * of a pagination bar, and the path of each listing page.
 */

/** Splits items into pages of `perPage`; there is always at least one page, possibly empty. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  }
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += perPage) {
    pages.push(items.slice(start, start + perPage));
  }
  return pages.length > 0 ? pages : [[]];
}

/**
 * The slots of a pagination bar: page 1, page `total`, the pages within
 * `radius` of `current`, and `"gap"` for each run of two or more skipped
 * pages (a single skipped page is shown as its number instead).
 */
export function pageWindow(current: number, total: number, radius = 2): (number | "gap")[] {
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`total must be a positive integer, got ${total}`);
  if (!Number.isInteger(current) || current < 1 || current > total) {
    throw new RangeError(`current must be an integer from 1 to ${total}, got ${current}`);
  }
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`radius must be a non-negative integer, got ${radius}`);

  const shown = new Set<number>([1, total]);
  for (let page = Math.max(1, current - radius); page <= Math.min(total, current + radius); page++) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);

  const slots: (number | "gap")[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) slots.push(previous + 1);
    else if (page - previous > 2) slots.push("gap");
    slots.push(page);
    previous = page;
  }
  return slots;
}

/**
 * The path of a listing page relative to the listing root: page 1 is
 * `basePath` itself (`/categories/tin-tuc/`), page N is `${basePath}page/N/`.
 */
export function pageUrlPath(basePath: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a positive integer, got ${page}`);
  const base = basePath === "" || basePath.endsWith("/") ? basePath : `${basePath}/`;
  return page === 1 ? base : `${base}page/${page}/`;
}
