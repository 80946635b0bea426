/**
 * Folding and tokenising text for search, the same way the browser does it
 * (`templates/assets/search.js` mirrors these rules): a token is a run of
 * letters, digits and combining marks; its folded form drops case, tone and
 * shape marks, with đ/Đ → d ("Đường" → "duong"); its accent key keeps the
 * marks but puts the tone on one vowel whatever the spelling ("hoá" and "hóa"
 * give "hoá").
 */

/** The five Vietnamese tone marks, as combining characters (grave, acute, tilde, hook above, dot below). */
const TONES = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);

/** Letters that carry the tone in an accent key: the last of them in the token does. */
const VOWELS = new Set("aăâeêioôơuưy");

let foldTable: (string | undefined)[] | undefined;
let wordTable: Int8Array | undefined;

/** Folds one character as the browser does: NFD, marks removed, lower case, đ → d. */
function foldChar(ch: string): string {
  return ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/đ/g, "d");
}

/**
 * Per UTF-16 code unit: 1 when it belongs to a word (a letter, digit or mark
 * of the Basic Multilingual Plane), 0 when not, -1 until first seen (each is
 * tested once, so a build pays only for the characters its texts use).
 */
function words(): Int8Array {
  if (wordTable) return wordTable;
  wordTable = new Int8Array(0x10000).fill(-1);
  wordTable.fill(0, 0xd800, 0xe000);
  return wordTable;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether code unit `code` belongs to a word (see `words`). */
function isWord(table: Int8Array, code: number): boolean {
  let known = table[code]!;
  if (known < 0) known = table[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0;
  return known === 1;
}

/** Folds a token (or any text): lower case, no marks, đ → d ("Đường" → "duong"). */
export function fold(token: string): string {
  const table = (foldTable ??= new Array<string | undefined>(0x2000));
  let out = "";
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    out += code < 0x2000 ? (table[code] ??= foldChar(token[i]!)) : foldChar(token[i]!);
  }
  return out;
}

/**
 * The accent key of a token: lower case, NFC, its tone mark (if any) on the
 * vowel the current spelling rules put it on, so that both tone placements
 * ("hoá"/"hóa", "thuỷ"/"thủy") give one key: see `toneVowel`.
 */
export function accentKey(token: string): string {
  let tone = "";
  let base = "";
  for (const ch of token.toLowerCase().normalize("NFD")) {
    if (TONES.has(ch)) tone = ch;
    else base += ch;
  }
  base = base.normalize("NFC");
  if (tone === "") return base;
  const at = toneVowel(base);
  return (at < 0 ? base + tone : base.slice(0, at + 1) + tone + base.slice(at + 1)).normalize("NFC");
}

/** Vowel letters that carry a shape mark: the tone goes on them. */
const SHAPED = new Set("ăâêôơư");

/**
 * Where the tone goes in a toneless syllable: on a vowel with a shape mark
 * (the last one: "ươ" → ơ); else on the last vowel when a consonant closes
 * the syllable, or in "oa", "oe", "uy"; else on the last but one vowel
 * ("ao" → a, "oai" → a). "qu" and "gi" before a vowel count as consonants.
 * -1 when the token has no vowel.
 */
function toneVowel(base: string): number {
  let start = 0;
  while (start < base.length && !VOWELS.has(base[start]!)) start++;
  if ((base[start] === "u" && base[start - 1] === "q") || (base[start] === "i" && base[start - 1] === "g" && VOWELS.has(base[start + 1] ?? ""))) start++;
  let end = start;
  while (end < base.length && VOWELS.has(base[end]!)) end++;
  if (end === start) return -1;
  for (let i = end - 1; i >= start; i--) if (SHAPED.has(base[i]!)) return i;
  const cluster = base.slice(start, end);
  if (end < base.length || cluster.length === 1 || cluster === "oa" || cluster === "oe" || cluster === "uy") return end - 1;
  return end - 2;
}

/** Calls `each` with every token of `text` (NFC) in order: runs of letters, digits and combining marks. */
export function eachToken(text: string, each: (token: string) => void): void {
  const table = words();
  const source = /[\u0300-\u036f]/.test(text) ? text.normalize("NFC") : text;
  let start = -1;
  for (let i = 0; i < source.length; i++) {
    if (isWord(table, source.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      each(source.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) each(source.slice(start));
}

/** The tokens of `text` (NFC), in order. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  eachToken(text, (token) => tokens.push(token));
  return tokens;
}

/** Whether a query word carries accents (tone or shape marks, or đ): then accent-exact matches rank first. */
export function hasAccents(word: string): boolean {
  return fold(word) !== word.toLowerCase().normalize("NFC");
}

/**
 * Distinct tokens of many texts, without making a string of every token:
 * each token is hashed while it is scanned and looked up by its characters;
 * only a token never seen before becomes a string. Gives ids, the same for
 * the same token across every text of a build.
 */
export class TokenTable {
  /** The tokens by id. */
  readonly tokens: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(1 << 14).fill(-1);
  private seenIn = new Int32Array(1 << 12);
  private group = 1;

  /** Starts a new group (an article): `add` then gives each token at most once until the next group. */
  nextGroup(): void {
    this.group++;
  }

  /** Appends to `out` the ids of the tokens of `text` not yet given in this group. */
  add(text: string, out: number[]): void {
    const table = words();
    const source = /[\u0300-\u036f]/.test(text) ? text.normalize("NFC") : text;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= source.length; i++) {
      const code = i < source.length ? source.charCodeAt(i) : 32;
      if (isWord(table, code)) {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ code, 16777619);
      } else if (start >= 0) {
        const id = this.idOf(source, start, i, hash >>> 0);
        if (this.seenIn[id] !== this.group) {
          this.seenIn[id] = this.group;
          out.push(id);
        }
        start = -1;
      }
    }
  }

  /**
   * Appends to `out` the ids of the space-separated words of `text` (words
   * already made tokens, such as accent keys): no word test, normalisation
   * or per-group check, and still no string made for a word seen before.
   */
  addWords(text: string, out: number[]): void {
    let start = 0;
    let hash = 0x811c9dc5;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      if (code !== 32) {
        hash = Math.imul(hash ^ code, 16777619);
        continue;
      }
      if (i > start) out.push(this.idOf(text, start, i, hash >>> 0));
      start = i + 1;
      hash = 0x811c9dc5;
    }
  }

  private idOf(source: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.hashes[id] === hash && sameChars(this.tokens[id]!, source, start, end)) return id;
    }
    const id = this.tokens.length;
    this.tokens.push(source.slice(start, end));
    this.hashes.push(hash);
    if (id >= this.seenIn.length) {
      const grown = new Int32Array(this.seenIn.length * 2);
      grown.set(this.seenIn);
      this.seenIn = grown;
    }
    this.seenIn[id] = 0;
    if (this.tokens.length * 2 > this.slots.length) this.rehash();
    else this.insert(id);
    return id;
  }

  private insert(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.tokens.length; id++) this.insert(id);
  }
}

function sameChars(token: string, source: string, start: number, end: number): boolean {
  if (token.length !== end - start) return false;
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) !== source.charCodeAt(start + i)) return false;
  return true;
}
