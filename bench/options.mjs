// Command-line options of the benchmark scripts: `--name value` and `--flag`.
const argv = process.argv.slice(2);

/** The value after `--name`, or `fallback` when it is not given. */
export function option(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

/** Whether `--name` is given. */
export function flag(name) {
  return argv.includes(`--${name}`);
}
