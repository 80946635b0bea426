/**
 * Finds where a key sits in a block of YAML, so that messages about a value
 * (not a syntax error) can still name a line. A plain line scan: good for the
 * block-style mappings writers use; undefined when the key is not found.
 */

/** 1-based line (within `yaml`) of `key` at the top level, or of `parent.key` one level down. */
export function findKeyLine(yaml: string, keyPath: string): number | undefined {
  const lines = yaml.split(/\r?\n/);
  const [first, second] = keyPath.split(".");
  const top = lines.findIndex((l) => keyPattern(first!).test(l) && !/^\s/.test(l));
  if (top === -1) return undefined;
  if (second === undefined) return top + 1;
  for (let i = top + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() !== "" && !/^\s/.test(line)) break; // next top-level key
    if (keyPattern(second).test(line.trimStart())) return i + 1;
  }
  // a flow mapping on the same line: `sidebar: {recent: 3}`
  return top + 1;
}

function keyPattern(key: string): RegExp {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\s*["']?${escaped}["']?\\s*:`);
}
