/**
 * Dates in the site's timezone (an IANA name such as `Asia/Ho_Chi_Minh`),
 * independent of the build machine's `TZ`. Nothing here reads the clock:
 * callers pass instants (epoch milliseconds) in and get instants out.
 * The formatting functions throw a RangeError for an unknown zone name, so
 * check the config with `isValidTimezone` first.
 */
import type { DateProblem } from "../i18n/catalog.js";

/** The outcome of reading a front-matter date: an instant, or a message saying why not. */
export type ParsedDate = { ok: true; time: number } | { ok: false; message: string; problem: DateProblem; value: string; detail?: string };

/** A calendar date (month and day 1-based). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const FORMS = 'YYYY-MM-DD, "YYYY-MM-DD HH:mm" or ISO 8601 with offset';

/**
 * `YYYY-MM-DD`, then optionally `[T ]HH:mm[:ss[.fff]]` and, after a time, an
 * optional offset `Z`, `±HH`, `±HHmm` or `±HH:mm` (YAML also allows a space
 * before it). Month, day and hour may have one digit, as in YAML timestamps.
 */
const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[ \t]*([Zz]|[+-]\d{2}(?::?\d{2})?))?)?$/;

const DAY_MS = 86_400_000;

/**
 * Reads a front-matter date: a string in one of the accepted forms (wall times
 * without an offset are in `timezone`) or a JS `Date` (taken as an instant).
 */
export function parseDate(value: unknown, timezone: string): ParsedDate {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? { ok: false, message: "invalid date (not a valid Date object)", problem: "out-of-range", value: "Date" } : { ok: true, time };
  }
  if (typeof value !== "string") {
    return { ok: false, message: `unrecognised date ${describe(value)} (expected a string: ${FORMS})`, problem: "not-string", value: describe(value) };
  }
  const text = value.trim();
  const match = DATE_PATTERN.exec(text);
  if (!match) return { ok: false, message: `unrecognised date ${JSON.stringify(value)} (expected ${FORMS})`, problem: "unrecognised", value: JSON.stringify(value) };

  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
  };
  const problem = wallTimeProblem(wall);
  if (problem) return { ok: false, message: `invalid date ${JSON.stringify(value)}: ${problem}`, problem: "out-of-range", value: JSON.stringify(value), detail: problem };
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));

  if (offset !== undefined) {
    const offsetMs = parseOffset(offset);
    if (offsetMs === undefined) return { ok: false, message: `invalid date ${JSON.stringify(value)}: offset out of range`, problem: "offset", value: JSON.stringify(value) };
    return { ok: true, time: wallAsUtc(wall) - offsetMs + millis };
  }
  if (!isValidTimezone(timezone)) return { ok: false, message: `unknown timezone ${JSON.stringify(timezone)}`, problem: "timezone", value: JSON.stringify(timezone) };
  return { ok: true, time: zonedWallToInstant(wall, timezone) + millis };
}

/** True when `tz` is an IANA timezone name this Node.js knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimezone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Formats the date of an instant in the site zone for display: `26/07/2024` for
 * `vi`, `26 Jul 2024` for `en`, `2024-07-26` for any other language.
 */
export function formatDate(time: number, timezone: string, language: string): string {
  const { year, month, day } = calendarDate(time, timezone);
  switch (language.toLowerCase().split(/[-_]/)[0]) {
    case "vi":
      return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
    case "en":
      return `${day} ${MONTHS_EN[month - 1]} ${pad4(year)}`;
    default:
      return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
  }
}

/** ISO 8601 local date-time with the zone's offset at that instant, to the second: `2024-07-26T09:00:00+07:00`. */
export function isoDateTime(time: number, timezone: string): string {
  const seconds = Math.floor(time / 1000) * 1000;
  const wall = wallTimeAt(seconds, timezone);
  const offset = (wallAsUtc(wall) - seconds) / 1000;
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const offsetSeconds = abs % 60;
  const offsetText =
    `${sign}${pad2(Math.floor(abs / 3600))}:${pad2(Math.floor(abs / 60) % 60)}` + (offsetSeconds ? `:${pad2(offsetSeconds)}` : "");
  return (
    `${pad4(wall.year)}-${pad2(wall.month)}-${pad2(wall.day)}` +
    `T${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}${offsetText}`
  );
}

/** The calendar date of an instant in the site zone (for file names and the footer year). */
export function calendarDate(time: number, timezone: string): CalendarDate {
  const { year, month, day } = wallTimeAt(time, timezone);
  return { year, month, day };
}

/** RFC 3339 in UTC to the second, for Atom and sitemaps: `2024-07-26T02:00:00Z`. */
export function formatRfc3339(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}

// ---------------------------------------------------------------------------
// Wall time ↔ instant

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone name; throws RangeError for an unknown zone. */
function formatter(timezone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timezone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, cached);
  }
  return cached;
}

/** `7/26/2024 AD, 09:00:00` as en-US formats it; tolerant of the separators ICU versions use. */
const FORMATTED = /^(\d+)\/(\d+)\/(\d+)\s*(AD|BC|A|B)?\D+?(\d+):(\d+):(\d+)$/;

/** The wall-clock reading in `timezone` at an instant (milliseconds ignored). */
function wallTimeAt(time: number, timezone: string): Readonly<WallTime> {
  let known = wallTimes.get(timezone);
  if (!known || known.size > 100_000) wallTimes.set(timezone, (known = new Map()));
  let wall = known.get(time);
  if (!wall) known.set(time, (wall = formatWallTime(time, timezone)));
  return wall;
}

/** Wall times already computed, by zone and instant: one article's date is shown on many pages, and Intl's formatting is slow. */
const wallTimes = new Map<string, Map<number, Readonly<WallTime>>>();

function formatWallTime(time: number, timezone: string): WallTime {
  const zoneFormatter = formatter(timezone);
  // format() plus a regular expression is about three times faster than formatToParts().
  const match = FORMATTED.exec(zoneFormatter.format(time));
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  if (match) {
    [, fields.month, fields.day, fields.year, fields.era, fields.hour, fields.minute, fields.second] = match;
  } else {
    for (const part of zoneFormatter.formatToParts(time)) fields[part.type] = part.value;
  }
  const year = Number(fields.year);
  return {
    year: fields.era?.startsWith("B") ? 1 - year : year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** The zone's UTC offset in ms at an instant. */
function offsetAt(time: number, timezone: string): number {
  const seconds = Math.floor(time / 1000) * 1000;
  return wallAsUtc(wallTimeAt(seconds, timezone)) - seconds;
}

const HOUR_MS = 3_600_000;
const hourlyOffsets = new Map<string, Map<number, number>>();

/** The zone's offset at the start of the UTC hour holding `time`, cached (articles cluster on few days). */
function offsetAtHour(time: number, timezone: string): number {
  let zoneOffsets = hourlyOffsets.get(timezone);
  if (!zoneOffsets) hourlyOffsets.set(timezone, (zoneOffsets = new Map()));
  const hour = Math.floor(time / HOUR_MS);
  let offset = zoneOffsets.get(hour);
  if (offset === undefined) zoneOffsets.set(hour, (offset = offsetAt(hour * HOUR_MS, timezone)));
  return offset;
}

/**
 * The instant a wall time names in a zone. Like Temporal's "compatible"
 * disambiguation: a time skipped by a spring-forward gap is read with the
 * offset before the gap (so it lands after it); a time repeated by a
 * fall-back overlap takes the earlier instant.
 */
function zonedWallToInstant(wall: WallTime, timezone: string): number {
  const local = wallAsUtc(wall);
  // Offsets well before and after the wall time (zones change offset at most
  // once in two days); if they differ, the wall time may be in a gap or overlap.
  const before = offsetAtHour(local - DAY_MS, timezone);
  const after = offsetAtHour(local + DAY_MS + HOUR_MS, timezone);
  if (before === after) return local - before;
  const candidates = [before, after]
    .map((offset) => local - offset)
    .filter((instant) => local - instant === offsetAt(instant, timezone));
  if (candidates.length > 0) return Math.min(...candidates);
  // In a spring-forward gap: reading it with the earlier (smaller) offset
  // gives the instant after the gap, e.g. 02:30 in Berlin → 03:30 CEST.
  return local - before;
}

/** Milliseconds since the epoch of a wall time read as UTC (years 0–99 included). */
function wallAsUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

// ---------------------------------------------------------------------------
// Validation helpers

function wallTimeProblem(wall: WallTime): string | undefined {
  if (wall.year < 1) return "year out of range";
  if (wall.month < 1 || wall.month > 12) return "month out of range";
  if (wall.day < 1 || wall.day > daysInMonth(wall.year, wall.month)) return "day out of range";
  if (wall.hour > 23) return "hour out of range";
  if (wall.minute > 59) return "minute out of range";
  if (wall.second > 59) return "second out of range";
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `Z`, `+07`, `+0700` or `+07:00` in ms east of UTC; undefined when out of range. */
function parseOffset(text: string): number | undefined {
  if (text === "Z" || text === "z") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** A short rendering of a non-string front-matter value for messages: `20240726`, `[…]`, `{…}`. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return "[…]";
  return typeof value === "object" && value !== null ? "{…}" : String(value);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}
