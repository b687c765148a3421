// Hostile documents in the language server (issue 18): a section heading repeated, one-character
// lines, unmatched brackets — at 1, 2, 4 and 8 MB. Linear means each doubling of the input at most
// doubles the cost; bounded memory means the peak RSS grows by a bounded factor of the input, not
// by 100 bytes a byte. Each case runs in a fresh server (stdio, debounce off) so the peak RSS
// (VmHWM) is that document's: the document is opened, its diagnostics awaited, then one character
// typed and its diagnostics awaited. Figures are the server's CPU time for the check
// (govreport/stats lastCheck.cpuMs, process.cpuUsage of the server: all its threads), which a busy
// machine does not inflate as it does wall time; wall time is given beside it.
// Writes the section "server-hostile" of bench/RESULTS.md.
//   node esbuild.mjs && node --import tsx bench/server-hostile.bench.ts [sizes in MB, default 1 2 4 8]
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { STATS_REQUEST, type ServerStats } from '../server/protocol.ts';
import { ensureBuilt, TestClient } from '../test/server/lsp.ts';

const { writeSection, machine } = (await import('./results.mjs' as string)) as {
  writeSection(name: string, markdown: string): void;
  machine(): string;
};

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const MBS = sizes.length ? sizes : [1, 2, 4, 8];
const MB = 2 ** 20;
// The same cases as bench/hostile.bench.ts (the CLI's), so the two sections can be read together.
const CASES: { name: string; unit: string; languageId: string }[] = [
  { name: 'section heading repeated (`一、总体情况` a line)', unit: '一、总体情况\n', languageId: 'plaintext' },
  { name: 'Markdown heading repeated (`## 一、总体情况`)', unit: '## 一、总体情况\n', languageId: 'markdown' },
  { name: 'one-character lines (`字`)', unit: '字\n', languageId: 'plaintext' },
  { name: 'unmatched brackets (`（`), one line', unit: '（', languageId: 'plaintext' },
];

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

interface Row {
  open: { cpuMs: number; wallMs: number };
  edit: { cpuMs: number; wallMs: number };
  peakMb: number;
  startMb: number;
  diagnostics: number;
}

async function one(text: string, languageId: string): Promise<Row> {
  // validate always: the default (auto) would skip a text that does not look like a report.
  const client = await TestClient.start({ locale: 'zh-cn', settings: { validate: 'always' }, initializationOptions: { debounceMs: 0, idleGcMs: 0, maxDocumentSize: 64 * MB, settings: { validate: 'always' } } });
  const pid = client.proc.pid!;
  const startMb = procStatus(pid, 'VmRSS') / MB;
  const uri = `file:///bench/hostile.${languageId === 'markdown' ? 'md' : 'txt'}`;
  await client.open(uri, text, languageId, 1);
  const p = await client.waitForDiagnostics(uri, (x) => x.version === 1, 600_000);
  const s1 = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
  if (s1.checks !== 1 || !p.diagnostics.length) throw new Error(`expected one check with findings; ${s1.checks} checks, ${p.diagnostics.length} diagnostics`);
  const end = { line: 0, character: 0 };
  await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end }, text: '年' }] });
  await client.waitForDiagnostics(uri, (x) => x.version === 2, 600_000);
  const s2 = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
  const peakMb = procStatus(pid, 'VmHWM') / MB;
  await client.stop();
  return {
    open: { cpuMs: s1.lastCheck!.cpuMs, wallMs: s1.lastCheck!.wallMs },
    edit: { cpuMs: s2.lastCheck!.cpuMs, wallMs: s2.lastCheck!.wallMs },
    peakMb, startMb, diagnostics: p.diagnostics.length,
  };
}

ensureBuilt();
const loadStart = os.loadavg().map((x) => x.toFixed(2)).join(' / ');
const lines: string[] = [];
const verdicts: string[] = [];
for (const c of CASES) {
  const cells: string[] = [];
  const rows: Row[] = [];
  for (const mb of MBS) {
    const text = c.unit.repeat(Math.ceil((mb * MB) / Buffer.byteLength(c.unit)));
    const r = await one(text, c.languageId);
    rows.push(r);
    cells.push(`${r.open.cpuMs.toFixed(0)} ms CPU (${r.open.wallMs.toFixed(0)} wall); edit ${r.edit.cpuMs.toFixed(0)} ms CPU; peak ${r.peakMb.toFixed(0)} MB; ${r.diagnostics} diag.`);
    console.log(`${c.name} ${mb} MB: ${cells.at(-1)}`);
  }
  lines.push(`| ${c.name} | ${cells.join(' | ')} |`);
  // Each doubling: the CPU ratio (2 = linear), and the memory above the idle server per input MB.
  const ratios = rows.slice(1).map((r, i) => (r.open.cpuMs / rows[i].open.cpuMs).toFixed(2));
  const perMb = rows.map((r, i) => ((r.peakMb - r.startMb) / MBS[i]).toFixed(0));
  verdicts.push(`| ${c.name} | ${ratios.join(' / ')} | ${perMb.join(' / ')} |`);
}
const loadEnd = os.loadavg().map((x) => x.toFixed(2)).join(' / ');

writeSection('server-hostile', `
## Hostile documents in the language server (bench/server-hostile.bench.ts)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, load average (1/5/15 min) ${loadStart} at the start and
${loadEnd} at the end (the machine is shared: wall times include waiting for a CPU, CPU times do not).
Each document in a fresh server over stdio (debounce off, validate always, idle GC off), opened and its
diagnostics awaited, then one character typed at the start and its diagnostics awaited. "CPU" is the
server's CPU time for that check (process.cpuUsage, all threads, from \`govreport/stats\`), with the
check's wall time in brackets; "edit" the check after the keystroke; "peak" the server's VmHWM.

| input | ${MBS.map((m) => `${m} MB`).join(' | ')} |
| --- | ${MBS.map(() => '---').join(' | ')} |
${lines.join('\n')}

Growth: CPU of the open check at each doubling (${MBS.slice(1).map((m, i) => `${MBS[i]}→${m} MB`).join(', ')}; 2.00 = linear), and
peak RSS above the idle server per MB of input (${MBS.map((m) => `${m} MB`).join(', ')}):

| input | CPU ratio per doubling | peak MB above idle per input MB |
| --- | --- | --- |
${verdicts.join('\n')}
`);
