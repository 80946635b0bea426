/**
 * Postings: for each word (accent key), the articles it occurs in and those
 * whose title has it, as ascending article ids; grouped by folded word and
 * encoded compactly for the browser (see `encodeIds`).
 */

/** The articles of one accent key: all of them, and those with it in the title (a subset). */
export interface Posting {
  docs: number[];
  title: number[];
}

/** Terms by folded word, each with its accent variants' postings. */
export type PostingTable = Map<string, Map<string, Posting>>;

/** Digits of the last base-32 digit of a number (JSON-safe, no quote or backslash). */
const LAST = "0123456789abcdefghijklmnopqrstuv";
/** Digits of the other base-32 digits. */
const MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/**
 * Encodes ascending ids as the gaps between them, each gap minus one in
 * base 32, most significant digit first, the last digit from another
 * alphabet: ids 0, 1, 2, 40 become "000" + "x6". Runs of neighbouring ids are
 * runs of "0", which gzip squeezes to almost nothing.
 */
export function encodeIds(ids: readonly number[]): string {
  let out = "";
  let previous = -1;
  for (const id of ids) {
    let gap = id - previous - 1;
    previous = id;
    let digits = LAST[gap & 31]!;
    gap >>>= 5;
    while (gap > 0) {
      digits = MORE[gap & 31]! + digits;
      gap >>>= 5;
    }
    out += digits;
  }
  return out;
}

/** Decodes `encodeIds` (the browser has its own copy of this). */
export function decodeIds(text: string): number[] {
  const ids: number[] = [];
  let previous = -1;
  let value = 0;
  for (const ch of text) {
    const more = MORE.indexOf(ch);
    if (more >= 0) {
      value = value * 32 + more;
      continue;
    }
    previous += value * 32 + LAST.indexOf(ch) + 1;
    ids.push(previous);
    value = 0;
  }
  return ids;
}
