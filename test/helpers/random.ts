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

/** mulberry32: a small seeded generator of numbers in [0, 1), so that a failing case can be reproduced from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
