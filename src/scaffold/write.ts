/**
 * Writing scaffolded files: never over an existing file, folders made as
 * needed, refusals reported as a `ScaffoldError` (exit 1).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** `new` or `init` refused to do what was asked (a file exists, a folder is not empty). */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScaffoldError";
  }
}

/** Writes `data` to `path` unless something is already there; returns false then. */
export function writeIfAbsent(path: string, data: string | Uint8Array): boolean {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, data, { flag: "wx" });
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw cause;
  }
}
