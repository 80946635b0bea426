/**
 * Slugs for articles, categories, authors and tags: lower-case ASCII words
 * joined by single hyphens, with Vietnamese (and other Latin scripts)
 * transliterated. The same name in NFC or NFD gives the same slug.
 */

/** Latin letters that Unicode decomposition does not reduce to ASCII. */
const LETTERS: Readonly<Record<string, string>> = {
  đ: "d", Đ: "d", ð: "d", Ð: "d",
  ß: "ss", ẞ: "ss",
  æ: "ae", Æ: "ae",
  œ: "oe", Œ: "oe",
  ø: "o", Ø: "o",
  ł: "l", Ł: "l",
  þ: "th", Þ: "th",
  ħ: "h", Ħ: "h",
  ŧ: "t", Ŧ: "t",
  ı: "i",
  ŋ: "n", Ŋ: "n",
  ĸ: "k",
};

const COMBINING_MARK = /^\p{M}$/u;

/** What each non-ASCII code point becomes: letters, "" (a mark, dropped) or undefined (a separator). */
const folded = new Map<number, string | undefined>();

function foldNonAscii(point: number): string | undefined {
  if (folded.has(point)) return folded.get(point);
  const char = String.fromCodePoint(point);
  const result = COMBINING_MARK.test(char) ? "" : LETTERS[char];
  folded.set(point, result);
  return result;
}

/**
 * The longest slug gazette publishes: a slug is a folder name in the output,
 * and file systems allow 255 bytes a name; the margin leaves room for
 * suffixes other tools add (backups, sync conflicts).
 */
export const MAX_SLUG_LENGTH = 200;

const ALREADY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a name into a slug (`Đặng Văn Đức` → `dang-van-duc`); anything that is
 * not a letter or digit separates words, and characters with no ASCII form are
 * dropped, so the result may be empty.
 */
export function slugify(text: string): string {
  if (ALREADY_SLUG.test(text)) return text;
  // NFKD splits accents off their letters (ế → e + ◌̂ + ◌́) and also folds
  // compatibility forms (ﬁ → fi, full-width Ａ → A). One pass then keeps ASCII
  // letters and digits, drops accents, maps special letters, and turns every
  // other run of characters into at most one hyphen between words.
  const decomposed = text.normalize("NFKD");
  let slug = "";
  let separate = false;
  for (let i = 0; i < decomposed.length; i++) {
    let code = decomposed.charCodeAt(i);
    let piece: string | undefined;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 0x20; // A-Z → a-z
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) piece = String.fromCharCode(code);
    } else if (code >= 0x300 && code <= 0x36f) {
      continue; // the common combining diacritics
    } else {
      const point = decomposed.codePointAt(i) ?? code;
      if (point > 0xffff) i++;
      piece = foldNonAscii(point);
      if (piece === "") continue;
    }
    if (piece === undefined) {
      separate = slug.length > 0;
    } else {
      if (separate) slug += "-";
      separate = false;
      slug += piece;
    }
  }
  return slug;
}
