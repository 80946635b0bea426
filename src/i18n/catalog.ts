/**
 * Message catalogs: the types shared by `en` and `vi`, picking a language,
 * and turning a key and its arguments (or a diagnostic) into text.
 */
import { en } from "./en.js";
import { vi } from "./vi.js";

export type { BaseUrlProblem, DateProblem, Found, ImageFault, PlaceholderReason } from "./en.js";

/** A catalog: every message key with the function that writes it. */
export type Catalog = typeof en;

/** A key of the catalogs. */
export type MessageKey = keyof Catalog;

/** The arguments of a message. */
export type ArgsOf<K extends MessageKey> = Catalog[K] extends (a: infer A) => string ? (unknown extends A ? Record<string, never> : A) : never;

/** Languages with a built-in catalog. */
export const LANGUAGES = ["en", "vi"] as const;

/** A language with a built-in catalog. */
export type Lang = (typeof LANGUAGES)[number];

/** The built-in catalogs by language. */
export const CATALOGS: Record<Lang, Catalog> = { en, vi };

/** The catalog language for a language tag (`vi-VN` → `vi`), or undefined when there is none. */
export function catalogLanguage(tag: string | undefined): Lang | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? "") ? (base as Lang) : undefined;
}

/** The message `key` with `args` in `lang`. */
export function message<K extends MessageKey>(lang: Lang, key: K, ...args: ArgsOf<K> extends Record<string, never> ? [] : [ArgsOf<K>]): string {
  return (CATALOGS[lang][key] as (a: unknown) => string)(args[0] ?? {});
}

/** The text of a message key and its arguments as stored in a diagnostic; undefined when the key is unknown. */
export function messageFromKey(lang: Lang, key: string, args: unknown): string | undefined {
  const write = Object.hasOwn(CATALOGS[lang], key) ? (CATALOGS[lang] as Record<string, (a: unknown) => string>)[key] : undefined;
  return write?.(args ?? {});
}

/** The catalog keys a diagnostic code can use: the code itself, or `code.variant`. */
export function keysOfCode(code: string): string[] {
  return Object.keys(en).filter((key) => key === code || key.startsWith(`${code}.`));
}
