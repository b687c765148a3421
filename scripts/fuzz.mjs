// Runs the property tests with many more cases than CI (FUZZ_RUNS, default 3000) and a seed of
// your choice (FUZZ_SEED), then records what ran and what it found in bench/RESULTS.md.
// Usage: node scripts/fuzz.mjs [runs] [seed]
import { spawnSync } from 'node:child_process';
import { writeSection, machine } from '../bench/results.mjs';

const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 3000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? Date.now() % 1e9);
const started = Date.now();
// The consistent-reports property (test/fuzz/consistent.test.ts) runs 10,000 cases here (issue 16
// asks for 10,000; they cost about 34 s of CPU, so CI checks a sample of 1,000).
const consistentRuns = Number(process.env.CONSISTENT_RUNS ?? 10000);
const r = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'test/fuzz'], {
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), CONSISTENT_RUNS: String(consistentRuns) },
  encoding: 'utf8', maxBuffer: 256 * 2 ** 20,
});
const out = r.stdout + r.stderr;
process.stdout.write(out);
const count = (re) => Number(re.exec(out)?.[1] ?? 0);
const pass = count(/^ℹ pass (\d+)/m);
const fail = count(/^ℹ fail (\d+)/m);
// Cases per property, as test/fuzz/*.test.ts derive them from FUZZ_RUNS.
const cases = { 'mutated seeds: sound ranges, values and fixes': runs, 'random text and bytes: no throw': runs,
  'safe fixes settle and are idempotent': Math.max(10, runs >> 2), 'ambiguous tables: no arithmetic': runs * 2,
  'work linear in the input (random text)': (runs >> 2) || 5,
  'Markdown skeleton: headings, code, tables as remark-gfm on the whole document': runs,
  'consistent reports: no arithmetic or prose-vs-table finding': consistentRuns };
const total = Object.values(cases).reduce((a, b) => a + b, 0);
const failures = [...out.matchAll(/^✖ (.+?) \(\d/gm)].map((m) => m[1]);
writeSection('fuzz', `## Property tests (\`node scripts/fuzz.mjs ${runs} ${seed}\`)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z; ${((Date.now() - started) / 1000).toFixed(0)} s. CI runs the same properties
with 40 cases each (the Markdown skeleton 300, the consistent reports 1,000) and a fixed seed (\`FUZZ_RUNS\`,
\`CONSISTENT_RUNS\`, \`FUZZ_SEED\` in the environment change them).

| property | cases |
|---|---:|
${Object.entries(cases).map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
| **total** | **${total}** |

Result: ${fail ? `**${fail} failing** — ${failures.join('; ')}` : `all ${pass} property tests passed`}.

Found so far, each now a regression test: an L2 continuation line joined two numbers into one
value cell spanning two lines (\`0\` + \`0\` read as 00: the value reported was not the text at its
range) — \`test/engine/regressions.test.ts\`; an ATX heading inside a list item (\`- # 三、…\`) was
taken for a Setext heading and STRUCT-HEADING-LEVEL's fix builder threw (seed 424242, 3,000 runs)
— same file; the first counted-work measure charged global regex and string searches for the whole
remainder, which made linear code look quadratic — fixed in the instrument, which
\`test/fuzz/work.test.ts\` proves can still see a real quadratic pattern. The Markdown skeleton
property, in its first runs, found where the skeleton read differently from remark-gfm on the whole
document: a Setext heading over a paragraph of several lines, a fence left open (it ran to the last
kept line, not to the end), a table under a list item taken for the document's, a block right after
a quote line losing its lazy continuation, a table whose header or delimiter row has no pipe at its
edges; all fixed in \`engine/parse/structure.ts\`. Left as known (the generator avoids them): a table
ends at a line without a pipe, where GFM reads one more row; lines left out of the skeleton no
longer continue a list item or quote lazily.
`);
process.exit(r.status ?? 1);
