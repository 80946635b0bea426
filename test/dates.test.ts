import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarDate, formatDate, formatRfc3339, isoDateTime, isValidTimezone, parseDate } from "../src/load/dates.js";

const VN = "Asia/Ho_Chi_Minh";

/** Parses and returns the instant as a UTC ISO string, failing the test on an error. */
function parsed(value: unknown, timezone = VN): string {
  const result = parseDate(value, timezone);
  if (!result.ok) throw new Error(`expected ${String(value)} to parse: ${result.message}`);
  return new Date(result.time).toISOString();
}

function failure(value: unknown, timezone = VN): string {
  const result = parseDate(value, timezone);
  if (result.ok) throw new Error(`expected ${String(value)} to be rejected, got ${new Date(result.time).toISOString()}`);
  return result.message;
}

describe("parseDate", () => {
  it("reads YYYY-MM-DD as midnight in the site timezone", () => {
    expect(parsed("2024-07-26")).toBe("2024-07-25T17:00:00.000Z");
    expect(parsed("2024-07-26", "UTC")).toBe("2024-07-26T00:00:00.000Z");
  });

  it.each([
    ["2024-07-26 09:00", "2024-07-26T02:00:00.000Z"],
    ["2024-07-26T09:00", "2024-07-26T02:00:00.000Z"],
    ["2024-07-26 09:00:30", "2024-07-26T02:00:30.000Z"],
    ["2024-07-26T09:00:30", "2024-07-26T02:00:30.000Z"],
    ["2024-07-26T09:00:30.5", "2024-07-26T02:00:30.500Z"],
    ["2024-07-26T09:00:30.123456", "2024-07-26T02:00:30.123Z"],
  ])("reads the wall time %j in the site timezone", (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it.each([
    ["2024-07-26T09:00:00+07:00", "2024-07-26T02:00:00.000Z"],
    ["2024-07-26T09:00:00+0700", "2024-07-26T02:00:00.000Z"],
    ["2024-07-26T09:00+07:00", "2024-07-26T02:00:00.000Z"],
    ["2024-07-26T02:00:00Z", "2024-07-26T02:00:00.000Z"],
    ["2024-07-26T02:00:00.250Z", "2024-07-26T02:00:00.250Z"],
    ["2024-07-26 09:00 +07:00", "2024-07-26T02:00:00.000Z"],
    ["2024-07-25T22:00:00-04:00", "2024-07-26T02:00:00.000Z"],
    ["2024-07-26T07:30:00+05:30", "2024-07-26T02:00:00.000Z"],
  ])("reads %j with its own offset, ignoring the site timezone", (input, expected) => {
    expect(parsed(input)).toBe(expected);
    expect(parsed(input, "America/Los_Angeles")).toBe(expected);
  });

  it("trims surrounding whitespace", () => {
    expect(parsed("  2024-07-26 09:00  ")).toBe("2024-07-26T02:00:00.000Z");
  });

  it("accepts a JS Date as an instant", () => {
    const date = new Date(Date.UTC(2024, 6, 26, 2));
    expect(parseDate(date, VN)).toEqual({ ok: true, time: date.getTime() });
    expect(failure(new Date(Number.NaN))).toMatch(/invalid date/);
  });

  it("accepts leap days in leap years only", () => {
    expect(parsed("2024-02-29", "UTC")).toBe("2024-02-29T00:00:00.000Z");
    expect(parsed("2000-02-29", "UTC")).toBe("2000-02-29T00:00:00.000Z");
    expect(failure("1900-02-29")).toBe('invalid date "1900-02-29": day out of range');
  });

  it.each([
    ["2024-02-30", "day out of range"],
    ["2023-02-29", "day out of range"],
    ["2024-04-31", "day out of range"],
    ["2024-07-00", "day out of range"],
    ["2024-13-01", "month out of range"],
    ["2024-00-10", "month out of range"],
    ["2024-07-26 25:00", "hour out of range"],
    ["2024-07-26 24:00", "hour out of range"],
    ["2024-07-26 09:60", "minute out of range"],
    ["2024-07-26 09:00:60", "second out of range"],
    ["2024-07-26T09:00:00+25:00", "offset out of range"],
  ])("rejects the impossible date %j: %s", (input, reason) => {
    expect(failure(input)).toBe(`invalid date "${input}": ${reason}`);
  });

  it.each([["next monday"], ["26/07/2024"], ["2024/07/26"], ["2024-07"], [""], ["2024-07-26T"], ["2024-07-26Z"], ["July 26, 2024"]])(
    "rejects the unrecognised date %j, naming the accepted forms",
    (input) => {
      expect(failure(input)).toBe(
        `unrecognised date ${JSON.stringify(input)} (expected YYYY-MM-DD, "YYYY-MM-DD HH:mm" or ISO 8601 with offset)`,
      );
    },
  );

  it.each([[20240726], [1721959200000], [null], [undefined], [true], [["2024-07-26"]], [{ year: 2024 }]])(
    "rejects the non-string value %j",
    (input) => {
      expect(failure(input)).toMatch(/^unrecognised date .* \(expected a string: YYYY-MM-DD/);
    },
  );

  it("names a number in its message", () => {
    expect(failure(20240726)).toBe(
      'unrecognised date 20240726 (expected a string: YYYY-MM-DD, "YYYY-MM-DD HH:mm" or ISO 8601 with offset)',
    );
  });

  it("reports an unknown timezone for wall times", () => {
    expect(failure("2024-07-26", "Mars/Olympus_Mons")).toBe('unknown timezone "Mars/Olympus_Mons"');
    expect(parsed("2024-07-26T02:00:00Z", "Mars/Olympus_Mons")).toBe("2024-07-26T02:00:00.000Z");
  });

  describe("across daylight-saving changes", () => {
    it("reads Berlin winter and summer times with their own offsets", () => {
      expect(parsed("2024-01-15 12:00", "Europe/Berlin")).toBe("2024-01-15T11:00:00.000Z");
      expect(parsed("2024-07-15 12:00", "Europe/Berlin")).toBe("2024-07-15T10:00:00.000Z");
    });

    it("reads times either side of the Berlin spring-forward gap", () => {
      expect(parsed("2024-03-31 01:59", "Europe/Berlin")).toBe("2024-03-31T00:59:00.000Z");
      expect(parsed("2024-03-31 03:00", "Europe/Berlin")).toBe("2024-03-31T01:00:00.000Z");
    });

    it("moves a wall time inside the Berlin spring-forward gap to after it", () => {
      // 02:30 does not exist on 31 March 2024; like Temporal "compatible" it becomes 03:30 CEST.
      expect(parsed("2024-03-31 02:30", "Europe/Berlin")).toBe("2024-03-31T01:30:00.000Z");
      expect(isoDateTime(Date.parse("2024-03-31T01:30:00Z"), "Europe/Berlin")).toBe("2024-03-31T03:30:00+02:00");
    });

    it("takes the earlier instant for a wall time repeated by the Berlin fall-back", () => {
      // 02:30 happens twice on 27 October 2024: first in CEST (+02:00), then in CET.
      expect(parsed("2024-10-27 02:30", "Europe/Berlin")).toBe("2024-10-27T00:30:00.000Z");
      expect(parsed("2024-10-27 01:59", "Europe/Berlin")).toBe("2024-10-26T23:59:00.000Z");
      expect(parsed("2024-10-27 03:00", "Europe/Berlin")).toBe("2024-10-27T02:00:00.000Z");
    });

    it("handles the Los Angeles gap and overlap the same way", () => {
      expect(parsed("2024-03-10 02:30", "America/Los_Angeles")).toBe("2024-03-10T10:30:00.000Z");
      expect(parsed("2024-11-03 01:30", "America/Los_Angeles")).toBe("2024-11-03T08:30:00.000Z");
      expect(parsed("2024-11-03 00:30", "America/Los_Angeles")).toBe("2024-11-03T07:30:00.000Z");
      expect(parsed("2024-11-03 02:30", "America/Los_Angeles")).toBe("2024-11-03T10:30:00.000Z");
    });

    it("reads midnight correctly in a zone whose DST change skips midnight", () => {
      // Santiago springs forward at 24:00 on Saturday 7 September 2024: 00:00 on the 8th does not exist.
      expect(parsed("2024-09-08", "America/Santiago")).toBe("2024-09-08T04:00:00.000Z");
      expect(isoDateTime(Date.parse("2024-09-08T04:00:00Z"), "America/Santiago")).toBe("2024-09-08T01:00:00-03:00");
    });
  });

  it("parses every day of eight years consistently (the per-hour offset cache never goes stale)", () => {
    for (let i = 0; i < 3000; i++) {
      const day = new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10);
      const result = parseDate(`${day} 09:${String(i % 60).padStart(2, "0")}`, VN);
      expect(result).toEqual({ ok: true, time: Date.parse(`${day}T02:${String(i % 60).padStart(2, "0")}:00Z`) });
    }
  });
});

describe("isValidTimezone", () => {
  it.each([["Asia/Ho_Chi_Minh"], ["Europe/Berlin"], ["America/Los_Angeles"], ["UTC"], ["Pacific/Kiritimati"]])(
    "accepts the IANA zone %j",
    (tz) => {
      expect(isValidTimezone(tz)).toBe(true);
    },
  );

  it.each([["Mars/Olympus_Mons"], [""], ["Asia/Hanoi City"], ["GMT+7 please"]])("rejects %j", (tz) => {
    expect(isValidTimezone(tz)).toBe(false);
  });
});

describe("formatDate", () => {
  const instant = Date.UTC(2024, 6, 26, 2); // 09:00 in Vietnam

  it("formats vi dates as dd/mm/yyyy", () => {
    expect(formatDate(instant, VN, "vi")).toBe("26/07/2024");
    expect(formatDate(Date.UTC(2024, 0, 4, 2), VN, "vi")).toBe("04/01/2024");
  });

  it("formats en dates as d Mon yyyy", () => {
    expect(formatDate(instant, VN, "en")).toBe("26 Jul 2024");
    expect(formatDate(Date.UTC(2024, 0, 4, 2), VN, "en")).toBe("4 Jan 2024");
  });

  it("formats other languages as yyyy-mm-dd", () => {
    expect(formatDate(instant, VN, "fr")).toBe("2024-07-26");
    expect(formatDate(instant, VN, "")).toBe("2024-07-26");
  });

  it("uses the primary language subtag", () => {
    expect(formatDate(instant, VN, "vi-VN")).toBe("26/07/2024");
    expect(formatDate(instant, VN, "en-GB")).toBe("26 Jul 2024");
  });

  it("shows the site-zone date of an instant that is still the previous day in UTC", () => {
    const lateEvening = Date.UTC(2024, 6, 25, 20, 30); // 25/07 20:30 UTC = 26/07 03:30 in Vietnam
    expect(formatDate(lateEvening, VN, "vi")).toBe("26/07/2024");
    expect(formatDate(lateEvening, "UTC", "vi")).toBe("25/07/2024");
  });

  it("keeps the date until the last minute before midnight in the site zone", () => {
    expect(formatDate(Date.UTC(2024, 6, 26, 16, 59, 59), VN, "vi")).toBe("26/07/2024");
    expect(formatDate(Date.UTC(2024, 6, 26, 17, 0, 0), VN, "vi")).toBe("27/07/2024");
  });
});

describe("isoDateTime", () => {
  it("writes local time with the zone's offset, to the second", () => {
    expect(isoDateTime(Date.UTC(2024, 6, 26, 2, 0, 0, 999), VN)).toBe("2024-07-26T09:00:00+07:00");
  });

  it("writes +00:00, never Z, for UTC", () => {
    expect(isoDateTime(Date.UTC(2024, 6, 26, 2), "UTC")).toBe("2024-07-26T02:00:00+00:00");
  });

  it("writes negative and half-hour offsets", () => {
    expect(isoDateTime(Date.UTC(2024, 6, 26, 2), "America/Los_Angeles")).toBe("2024-07-25T19:00:00-07:00");
    expect(isoDateTime(Date.UTC(2024, 0, 26, 2), "America/Los_Angeles")).toBe("2024-01-25T18:00:00-08:00");
    expect(isoDateTime(Date.UTC(2024, 6, 26, 2), "Asia/Kolkata")).toBe("2024-07-26T07:30:00+05:30");
  });

  it("uses the offset in force at that instant", () => {
    expect(isoDateTime(Date.UTC(2024, 0, 15, 11), "Europe/Berlin")).toBe("2024-01-15T12:00:00+01:00");
    expect(isoDateTime(Date.UTC(2024, 6, 15, 10), "Europe/Berlin")).toBe("2024-07-15T12:00:00+02:00");
  });

  it("round-trips through parseDate", () => {
    const time = Date.UTC(2024, 10, 3, 9, 15, 42);
    for (const zone of [VN, "Europe/Berlin", "America/Los_Angeles", "UTC"]) {
      expect(parsed(isoDateTime(time, zone))).toBe(new Date(time).toISOString());
    }
  });
});

describe("calendarDate", () => {
  it("gives the date in the site zone", () => {
    expect(calendarDate(Date.UTC(2024, 6, 25, 20), VN)).toEqual({ year: 2024, month: 7, day: 26 });
    expect(calendarDate(Date.UTC(2024, 6, 25, 20), "UTC")).toEqual({ year: 2024, month: 7, day: 25 });
  });

  it("gives the new year in Vietnam while it is still 31 December in UTC", () => {
    expect(calendarDate(Date.UTC(2024, 11, 31, 18), VN)).toEqual({ year: 2025, month: 1, day: 1 });
  });
});

describe("formatRfc3339", () => {
  it("writes UTC to the second with Z", () => {
    expect(formatRfc3339(Date.UTC(2024, 6, 26, 2))).toBe("2024-07-26T02:00:00Z");
    expect(formatRfc3339(Date.UTC(2024, 6, 26, 2, 0, 0, 999))).toBe("2024-07-26T02:00:00Z");
  });
});

// The same answers whatever the machine's timezone: code that slipped into local
// time (getHours, getDate, new Date("2024-07-26 09:00")…) would fail in some of these.
describe.each([
  ["UTC", 0, 25],
  ["America/Los_Angeles", 420, 25],
  ["Asia/Ho_Chi_Minh", -420, 26],
  ["Pacific/Kiritimati", -840, 26],
])("with the process timezone set to %s", (zone, expectedOffset, localDayOfLateEvening) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  const lateEvening = Date.UTC(2024, 6, 25, 20, 30);

  it("really runs in that timezone", () => {
    expect(new Date(Date.UTC(2024, 6, 26)).getTimezoneOffset()).toBe(expectedOffset);
    expect(new Date(lateEvening).getDate()).toBe(localDayOfLateEvening);
  });

  it("reads a date without time as midnight in Vietnam", () => {
    expect(parsed("2024-07-26")).toBe("2024-07-25T17:00:00.000Z");
    expect(parsed("2024-07-26 09:00")).toBe("2024-07-26T02:00:00.000Z");
    expect(parsed("2024-07-26T09:00:00+07:00")).toBe("2024-07-26T02:00:00.000Z");
  });

  it("does not treat an article dated minutes ago in Vietnam as future", () => {
    const now = Date.UTC(2026, 10, 28, 23, 55); // 29/11 06:55 in Vietnam, still 28/11 in UTC
    const result = parseDate("2026-11-29 06:50", VN);
    expect(result.ok && result.time <= now).toBe(true);
    expect(parseDate("2026-11-29", VN)).toEqual({ ok: true, time: Date.UTC(2026, 10, 28, 17) });
    expect(calendarDate(now, VN)).toEqual({ year: 2026, month: 11, day: 29 });
  });

  it("formats an instant near midnight with the Vietnamese date", () => {
    expect(formatDate(lateEvening, VN, "vi")).toBe("26/07/2024");
    expect(calendarDate(lateEvening, VN)).toEqual({ year: 2024, month: 7, day: 26 });
    expect(isoDateTime(lateEvening, VN)).toBe("2024-07-26T03:30:00+07:00");
    expect(formatRfc3339(lateEvening)).toBe("2024-07-25T20:30:00Z");
  });

  it("handles the Berlin gap and overlap", () => {
    expect(parsed("2024-03-31 02:30", "Europe/Berlin")).toBe("2024-03-31T01:30:00.000Z");
    expect(parsed("2024-10-27 02:30", "Europe/Berlin")).toBe("2024-10-27T00:30:00.000Z");
  });
});
