// How the survival campaigns (test/cli/survival*.test.ts, test/server/survival*.test.ts) choose
// their cases: a sample drawn with a seed, not every case, so `npm test` stays in its budget; the
// seed makes a failure repeatable.
//   GOVREPORT_SURVIVAL_SEED=<n>  the seed (an unsigned 32-bit integer). Default: a fixed one under
//                                CI (every CI run samples the same cases), else a new one per run.
//   GOVREPORT_SURVIVAL_ALL=1     every case (and the denser sweep of kill moments): the long run.
// Each test's draws depend only on the seed and the test's name, not on which tests ran before, and
// a failing test's error ends with the line to replay it.
import type { TestContext } from 'node:test';
import { random as seeded } from './random.ts';

/** The seed CI samples with when GOVREPORT_SURVIVAL_SEED is not set. */
const CI_SEED = 19;

function seedFromEnv(): number {
  const raw = process.env.GOVREPORT_SURVIVAL_SEED;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`GOVREPORT_SURVIVAL_SEED must be an integer from 0 to 4294967295, not ${JSON.stringify(raw)}`);
    return n;
  }
  return process.env.CI ? CI_SEED : Math.floor(Math.random() * 0x100000000);
}

export const SURVIVAL_SEED = seedFromEnv();
export const SURVIVAL_ALL = process.env.GOVREPORT_SURVIVAL_ALL === '1';

/** The environment that draws this run's cases again. */
export const replay = (): string => (SURVIVAL_ALL ? 'GOVREPORT_SURVIVAL_ALL=1' : `GOVREPORT_SURVIVAL_SEED=${SURVIVAL_SEED}`);


/** FNV-1a of a test's name, so each test draws its own sequence from the one seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface Sampler {
  /** A number in [0, 1): the seeded stand-in for Math.random (kill moments, delays). */
  random(): number;
  /** `k` of the cases, in their own order; all of them with GOVREPORT_SURVIVAL_ALL=1. */
  pick<T>(cases: readonly T[], k: number): T[];
  /** How many tries of a sweep: `sampled`, or `all` with GOVREPORT_SURVIVAL_ALL=1. */
  tries(sampled: number, all: number): number;
}

export function sampler(name: string): Sampler {
  const random = seeded(SURVIVAL_SEED ^ hash(name));
  return {
    random,
    pick<T>(cases: readonly T[], k: number): T[] {
      if (SURVIVAL_ALL || k >= cases.length) return [...cases];
      // A partial Fisher–Yates shuffle of the indices; the chosen cases keep their order.
      const idx = cases.map((_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(random() * (idx.length - i));
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      return idx.slice(0, k).sort((a, b) => a - b).map((i) => cases[i]);
    },
    tries: (sampled, all) => (SURVIVAL_ALL ? all : sampled),
  };
}

/**
 * A survival test's body: it gets the test's sampler, says the seed in its diagnostics, and a
 * failure's message ends with the environment that replays it.
 */
export function sampled(body: (t: TestContext, s: Sampler) => unknown): (t: TestContext) => Promise<void> {
  return async (t) => {
    t.diagnostic(`cases sampled with ${replay()}`);
    try {
      await body(t, sampler(t.name));
    } catch (e) {
      if (e instanceof Error) e.message += `\n(replay the same cases with ${replay()})`;
      throw e;
    }
  };
}
