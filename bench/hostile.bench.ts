// Hostile inputs through the built CLI (issue 18): a section heading repeated, one-character
// lines, unmatched brackets — at 1, 2, 4 and 8 MB, one file per run, one worker, time and peak RSS
// of the whole process (/usr/bin/time -v when present). Linear means each doubling doubles the cost
// at most, no more. Then bad input of other kinds (issue 14): a 100 MB page, zip bombs (past 50 MB,
// with sizes told and with sizes lied about, and past 10,000 entries), 5,000- and 50,000-deep nesting,
// XML entity expansion — each must end in a clear finding in bounded time and memory.
// Writes the section "hostile" of bench/RESULTS.md.
// Then truncated and malformed files of each type: a seed's .docx, web page and PDF cut in half, the
// page as tag soup.
//   node --import tsx bench/hostile.bench.ts [sizes in MB, default 1 2 4 8] [--sizes-only]
import { spawnSync } from 'node:child_process';
import { strToU8, zipSync } from 'fflate';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cutInHalf, tagSoup } from '../test/helpers/hostile-sources.ts';
// @ts-expect-error plain ESM module without types
import { machine, writeSection } from './results.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out', 'cli.cjs');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const MB = sizes.length ? sizes : [1, 2, 4, 8];
const CASES: { name: string; unit: string; ext: string }[] = [
  { name: 'section heading repeated (`一、总体情况` a line)', unit: '一、总体情况\n', ext: 'txt' },
  { name: 'Markdown heading repeated (`## 一、总体情况`)', unit: '## 一、总体情况\n', ext: 'md' },
  { name: 'one-character lines (`字`)', unit: '字\n', ext: 'txt' },
  { name: 'unmatched brackets (`（`), one line', unit: '（', ext: 'txt' },
];

const dir = mkdtempSync(join(tmpdir(), 'govreport-hostile-'));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const rows: string[] = [];
const load = loadavg()[0].toFixed(2);
interface Run {
  ms: number;
  /** User + system CPU seconds of the process (GNU time), or null. */
  cpu: number | null;
  rssMb: number | null;
  findings: string;
  rules: string;
}

/** One file through the CLI, one worker: wall time, peak RSS, what it reported. */
function run(file: string, extra: string[] = []): Run {
  const args = [CLI, 'check', '--format', 'json', '--no-progress', '--jobs', '1', ...extra, file];
  const t0 = performance.now();
  const r = timeBin ? spawnSync(timeBin, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '')?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '')?.[1];
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '')?.[1];
  const cpu = user && sys ? Number(user) + Number(sys) : null;
  let findings = '?';
  let rules = '';
  try {
    const list = JSON.parse(r.stdout).reports[0].findings as { rule: string; message: string }[];
    findings = String(list.length);
    const first = list.find((f) => f.rule.startsWith('FILE-'));
    rules = first ? `${first.rule}: ${first.message}` : [...new Set(list.map((f) => f.rule))].join(', ');
  } catch {
    findings = `exit ${r.status}`;
  }
  return { ms, cpu, rssMb: rss ? Math.round(Number(rss) / 1024) : null, findings, rules };
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (documentXml: string | Uint8Array, more: Record<string, Uint8Array> = {}) =>
  zipSync({ 'word/document.xml': typeof documentXml === 'string' ? strToU8(documentXml) : documentXml, ...more }, { level: 9 });
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

/** A zip whose headers claim `claimed` bytes for every entry: the inflater must stop at the budget on its own. */
function lyingSizes(zip: Uint8Array, claimed: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50) view.setUint32(at + 22, claimed, true);
    else if (sig === 0x02014b50) view.setUint32(at + 24, claimed, true);
  }
  return out;
}

/** The other bad inputs: written, run, described. */
function badInputs(): { name: string; bytes: number; run: Run }[] {
  const out: { name: string; bytes: number; run: Run }[] = [];
  const add = (name: string, file: string, data: Uint8Array | string, extra: string[] = []) => {
    writeFileSync(file, data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    const r = run(file, extra);
    out.push({ name, bytes, run: r });
    process.stderr.write(`${name}: ${(r.ms / 1000).toFixed(2)} s, ${r.rssMb} MB, ${r.findings} findings ${r.rules}\n`);
    rmSync(file, { force: true });
  };
  // A 100 MB page: refused by the CLI's file size limit (64 MB), and past it by the engine's own.
  const body = '<p>一、总体情况</p><p>本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。</p>\n';
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body>${body.repeat(Math.ceil((100 * 2 ** 20) / Buffer.byteLength(body)))}</body></html>`;
  add('100 MB HTML page (default limits)', join(dir, 'big.html'), page);
  add('100 MB HTML page (`--max-file-size 256M`: past the CLI limit, the engine\'s)', join(dir, 'big.html'), page, ['--max-file-size', '256M']);
  // Zip bombs: 60 MB of XML in 60 KB, sizes told; the same with every size claimed to be 1 KB; 10,001 entries.
  const filler = `<w:document ${W}><w:body>${para('一、总体情况')}${'<w:p/>'.repeat(Math.ceil((60 * 2 ** 20) / 6))}</w:body></w:document>`;
  const bomb = docx(filler);
  add('zip bomb .docx: 60 MB of XML, sizes told', join(dir, 'bomb.docx'), bomb);
  add('zip bomb .docx: 60 MB of XML, sizes claimed 1 KB', join(dir, 'bomb-lying.docx'), lyingSizes(bomb, 1024));
  const parts: Record<string, Uint8Array> = {};
  for (let i = 0; i < 10_001; i++) parts[`word/media/p${i}.xml`] = strToU8('<x/>');
  add('.docx of 10,001 entries', join(dir, 'entries.docx'), docx(`<w:document ${W}><w:body>${para('一、总体情况')}</w:body></w:document>`, parts));
  // Nesting: 5,000 and 50,000 levels of <div> around a report's first section; 5,000 nested Word tables.
  for (const depth of [5_000, 50_000]) {
    const deep = `<!DOCTYPE html><html><body>${'<div>'.repeat(depth)}<p>一、总体情况</p><p>本年度主动公开政府信息。</p>${'</div>'.repeat(depth)}</body></html>`;
    add(`HTML nested ${depth.toLocaleString('en')} deep`, join(dir, 'deep.html'), deep);
  }
  const cell = (inner: string) => `<w:tbl><w:tr><w:tc>${inner}</w:tc></w:tr></w:tbl>`;
  let nested = para('一、总体情况');
  for (let i = 0; i < 5_000; i++) nested = cell(nested + para(''));
  add('.docx with tables nested 5,000 deep', join(dir, 'deep.docx'), docx(`<w:document ${W}><w:body>${nested}</w:body></w:document>`));
  // Entity expansion: a billion laughs, and one 100 KB entity used 10,000 times (quadratic blow-up).
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><w:document ${W}><w:body>${para('&lol9;')}</w:body></w:document>`;
  add('.docx, billion laughs (10⁹ "lol"s)', join(dir, 'laughs.docx'), docx(laughs));
  const quadratic = `<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "${'a'.repeat(100_000)}">]><w:document ${W}><w:body>${para('&a;'.repeat(10_000))}</w:body></w:document>`;
  add('.docx, one 100 KB entity used 10,000 times', join(dir, 'quadratic.docx'), docx(quadratic));
  // Truncated and malformed files of each type (test/helpers/hostile-sources.ts, which
  // test/engine/hostile.test.ts holds to their findings): half of a seed's Word form, web page and
  // PDF; the web page as tag soup.
  add('.docx cut in half', join(dir, 'cut.docx'), cutInHalf('002.docx'));
  add('HTML page cut in half', join(dir, 'cut.html'), cutInHalf('002.html'));
  add('PDF cut in half', join(dir, 'cut.pdf'), cutInHalf('002.pdf'));
  add('HTML page as tag soup (no </td>, </tr>, </p>; stray <table>, <td>; misnested <b><i>; unclosed <font>)', join(dir, 'soup.html'), tagSoup('002.html'));
  return out;
}

let others: { name: string; bytes: number; run: Run }[] = [];
try {
  for (const c of CASES) {
    const cells: string[] = [];
    for (const mb of MB) {
      const n = Math.ceil((mb * 2 ** 20) / Buffer.byteLength(c.unit));
      const file = join(dir, `case.${c.ext}`);
      writeFileSync(file, c.unit.repeat(n));
      const r = run(file);
      cells.push(`${(r.ms / 1000).toFixed(2)} s (CPU ${r.cpu?.toFixed(2) ?? '—'} s), ${r.rssMb ?? '—'} MB, ${r.findings} findings`);
      process.stderr.write(`${c.name} ${mb} MB: ${cells[cells.length - 1]}\n`);
    }
    rows.push(`| ${c.name} | ${cells.join(' | ')} |`);
  }
  if (!process.argv.includes('--sizes-only')) others = badInputs();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const load1 = loadavg()[0].toFixed(2);
const mb = (n: number) => (n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : `${(n / 1024).toFixed(0)} KB`);

writeSection('hostile', `## Hostile inputs (bench/hostile.bench.ts)

One file per run through the built CLI (\`check --format json --jobs 1\`): wall time of the whole
process (and its user + system CPU time), its peak RSS, and the findings written (each rule lists at most 100 per document, then
one saying how many more). ${machine()}; ${new Date().toISOString().slice(0, 16)}Z, load average at the start ${load}
and ${load1} at the end (other sessions were running on the same two cores).

| input | ${MB.map((m) => `${m} MB`).join(' | ')} |
| --- | ${MB.map(() => '---').join(' | ')} |
${rows.join('\n')}

Other bad input, each one file through the same command (the file's size on disk; the result is the
first FILE- finding, else the rules reported):

| input | file | wall s | CPU s | peak RSS MB | findings | result |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${others.map((o) => `| ${o.name} | ${mb(o.bytes)} | ${(o.run.ms / 1000).toFixed(2)} | ${o.run.cpu?.toFixed(2) ?? '—'} | ${o.run.rssMb ?? '—'} | ${o.run.findings} | ${o.run.rules.replace(/\|/g, '\\|')} |`).join('\n')}
`);
