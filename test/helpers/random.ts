/**
 * How many cases a seeded random test runs: its own default, or
 * GAZETTE_RANDOM_CASES for a deeper run (`GAZETTE_RANDOM_CASES=1000 npx vitest
 * run test/safety/random.test.ts`). The cases are a prefix of one seeded
 * sequence: a longer run repeats the shorter one first.
 */
export function randomCases(usual: number): number {
  const asked = Number(process.env.GAZETTE_RANDOM_CASES);
  return Number.isInteger(asked) && asked > 0 ? asked : usual;
}
