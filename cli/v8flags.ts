// V8 tuning for a batch run, set before the worker threads exist (V8 flags are process-wide, so
// the workers' isolates get them too). A worker checks a few hundred reports and each starts
// cold: with V8's defaults it spent as much CPU compiling (TurboFan, on helper threads fighting
// the other worker for the two cores) as checking. Baseline code from the first call, a later
// optimising tier-up and a smaller inlining budget cut the CPU of 1,000 reports by about a
// third (bench/RESULTS.md, section cli). Set GOVREPORT_V8_FLAGS to replace the list ('' for none).
import { setFlagsFromString } from 'node:v8';

export const BATCH_V8_FLAGS = ['--always-sparkplug', '--interrupt-budget=600000', '--max-inlined-bytecode-size-cumulative=100'];

/** V8 majors these flags were measured on (Node 20: 11.3); another V8 may not know them and would say so on stderr. */
const KNOWN_V8 = /^1[0-2]\./;

export function applyBatchFlags(env = process.env, v8Version = process.versions.v8): string[] {
  const fromEnv = env.GOVREPORT_V8_FLAGS;
  const flags = fromEnv !== undefined ? fromEnv.split(/\s+/).filter(Boolean) : KNOWN_V8.test(v8Version) ? BATCH_V8_FLAGS : [];
  for (const f of flags) setFlagsFromString(f);
  return flags;
}
