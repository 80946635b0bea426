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
  const known = table[code]!;
  return (known < 0 ? classify(table, code) : known) === 1;
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

/** FNV-1a's offset basis, as a signed 32-bit number. */
const FNV_START = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Tests a code unit not seen before and records the answer in `table` (see `words`). */
function classify(table: Int8Array, code: number): number {
  return (table[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0);
}

/**
 * Distinct tokens of many texts, without making a string of every token:
 * each token is hashed while it is scanned and looked up by its characters;
 * only a token never seen before becomes a string. Gives ids, the same for
 * the same token across every text of a build.
 *
 * The loops look up the word table and compare characters in place rather
 * than through small helpers: they run for every character a build indexes.
 */
export class TokenTable {
  /** The tokens by id. */
  readonly tokens: string[] = [];
  /** Per id: its token's hash (FNV-1a of its UTF-16 code units, signed). */
  private hashes = new Int32Array(1 << 12);
  /** Open addressing: ids, -1 for an empty slot. */
  private slots = new Int32Array(1 << 14).fill(-1);
  /** Per id: the last group that gave it. */
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
    const length = source.length;
    let start = -1;
    let hash = 0;
    for (let i = 0; i < length; i++) {
      const code = source.charCodeAt(i);
      let word = table[code]!;
      if (word < 0) word = classify(table, code);
      if (word === 1) {
        if (start < 0) {
          start = i;
          hash = FNV_START;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
      } else if (start >= 0) {
        this.give(this.idOf(source, start, i, hash), out);
        start = -1;
      }
    }
    if (start >= 0) this.give(this.idOf(source, start, length, hash), out);
  }

  /**
   * Appends to `out` the ids of the space-separated words of `text` (words
   * already made tokens, such as accent keys): no word test, normalisation
   * or per-group check, and still no string made for a word seen before.
   */
  addWords(text: string, out: number[]): void {
    const length = text.length;
    let start = 0;
    let hash = FNV_START;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 32) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      if (i > start) out.push(this.idOf(text, start, i, hash));
      start = i + 1;
      hash = FNV_START;
    }
    if (length > start) out.push(this.idOf(text, start, length, hash));
  }

  /** Appends `id` to `out` unless this group gave it already. */
  private give(id: number, out: number[]): void {
    if (this.seenIn[id] === this.group) return;
    this.seenIn[id] = this.group;
    out.push(id);
  }

  /** The id of `source[start…end)`, whose hash is `hash`; a new one (and the token's string) when it was never seen. */
  private idOf(source: string, start: number, end: number, hash: number): number {
    const { slots, hashes, tokens } = this;
    const mask = slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]!;
      if (id < 0) break;
      if (hashes[id] !== hash) continue;
      const token = tokens[id]!;
      if (token.length !== length) continue;
      let same = 0;
      while (same < length && token.charCodeAt(same) === source.charCodeAt(start + same)) same++;
      if (same === length) return id;
    }
    return this.added(source.slice(start, end), hash);
  }

  private added(token: string, hash: number): number {
    const id = this.tokens.length;
    this.tokens.push(token);
    if (id >= this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.seenIn = grown(this.seenIn);
    }
    this.hashes[id] = hash;
    this.seenIn[id] = 0;
    if (this.tokens.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let other = 0; other < this.tokens.length; other++) this.insert(other);
    } else this.insert(id);
    return id;
  }

  private insert(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }
}

/** `marks` twice as long, its values kept. */
export function grown(marks: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(marks.length * 2);
  bigger.set(marks);
  return bigger;
}
