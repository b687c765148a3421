// Hostile inputs: the engine never throws and always finishes (a hang fails by the runner's
// timeout), and offsets stay true with mixed line ends and characters outside the BMP.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { check, checkAsync, LineIndex, parseReport, type Finding } from '../../engine/index.ts';
import { MARKDOWN_TREE_LIMIT } from '../../engine/source/index.ts';
import type { Cell, Table } from '../../engine/model.ts';
import { cutInHalf, tagSoup } from '../helpers/hostile-sources.ts';
import { rewriteTables } from '../helpers/layouts.ts';
import { loadSeeds } from '../helpers/seeds.ts';

const OPTS = { timeout: 20000 };
const seeds = loadSeeds();
const seed = (n: number) => seeds[n];

/** Deterministic bytes (xorshift), so a failure can be reproduced. */
function bytes(n: number, seedValue: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seedValue >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** check() (which parses) as .txt and .md; returns the .txt parse. */
function survive(text: string) {
  let parsed;
  for (const fileName of ['hostile.txt', 'hostile.md']) {
    const r = check(text, { fileName });
    const p = r.parsed;
    assert.ok(p.report.tables.T2 && p.report.tables.T3 && p.report.tables.T4, `${fileName}: tables present`);
    for (const t of Object.values(p.report.tables) as Table[]) {
      for (const c of t.cells.values()) assert.ok(c.start >= 0 && c.end >= c.start && c.end <= text.length, `${fileName}: ${c.id} range inside the text`);
    }
    assert.ok(Array.isArray(r.findings), `${fileName}: findings`);
    for (const f of r.findings) assert.ok(f.range.start >= 0 && f.range.end >= f.range.start && f.range.end <= text.length, `${fileName}: ${f.rule} range inside the text`);
    if (fileName === 'hostile.txt') parsed = p;
  }
  return parsed!;
}

const cells = (p: ReturnType<typeof parseReport>): Cell[] =>
  (Object.values(p.report.tables) as Table[]).flatMap((t) => [...t.cells.values()]);

describe('hostile inputs never throw and always finish', () => {
  it('empty text', OPTS, () => {
    const p = survive('');
    for (const t of Object.values(p.report.tables) as Table[]) assert.equal(t.status, 'missing');
    assert.deepEqual(p.report.sections, []);
    assert.deepEqual(new LineIndex('').positionAt(0), { line: 0, character: 0 });
  });

  it('whitespace and line breaks only', OPTS, () => {
    survive('\n\r\n\r\t \u3000\n\n');
  });

  for (const [name, enc] of [['utf-8', 'utf-8'], ['utf-16le', 'utf-16le'], ['latin1', 'latin1']] as const) {
    it(`binary bytes decoded as ${name} (NUL included)`, OPTS, () => {
      const b = bytes(64 * 1024, 0x9e3779b9 ^ name.length);
      b[10] = 0;
      b[11] = 0;
      const text = new TextDecoder(enc).decode(b);
      assert.ok(text.includes('\u0000'), 'has NUL');
      survive(text);
    });
  }

  it('binary bytes spliced into a seed', OPTS, () => {
    const junk = new TextDecoder('utf-8').decode(bytes(4096, 7));
    const text = seed(0).text;
    const at = text.indexOf('一、本年新收');
    survive(text.slice(0, at) + junk + text.slice(at));
  });

  it('a 1 MB single line', OPTS, () => {
    const unit = '一、本年新收政府信息公开申请数量 7 0 0 0 0 0 7 ';
    survive(unit.repeat(Math.ceil(1_000_000 / unit.length)));
    survive('x'.repeat(1_000_000));
  });

  it('10,000 pipes on one line, and on 10,000 lines', OPTS, () => {
    survive('|'.repeat(10_000));
    survive('|\n'.repeat(10_000));
    survive(`${seed(1).text}\n${'|'.repeat(10_000)}`);
  });

  it('a T3 of 5,000 rows (the label rows repeated)', OPTS, () => {
    const s = seed(3); // TSV: one line per row
    const lines = s.text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const last = lines.findIndex((l) => l.startsWith('四、结转下年度'));
    const body = lines.slice(first, last + 1);
    const many: string[] = [];
    while (many.length < 5000) many.push(...body);
    const text = [...lines.slice(0, first), ...many.slice(0, 5000), ...lines.slice(last + 1)].join('\n');
    const p = survive(text);
    const t3 = p.report.tables.T3;
    // Every template row occurs 200 times with the same values: bound once, the rest duplicates.
    assert.equal(t3.status, 'bound');
    assert.equal(t3.duplicateRows.length, 5000 - 25);
    assert.equal(t3.cells.get('t3.new.np')?.value, 103);
  });

  it('a 5,000-row GFM table in Markdown', OPTS, () => {
    const row = '| （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
    const text = `三、收到和处理政府信息公开申请情况\n\n| 本年新收 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n${`${row}\n`.repeat(5000)}`;
    survive(text);
  });

  it('a Markdown document above MARKDOWN_TREE_LIMIT is line-scanned and its GFM tables still bind', OPTS, () => {
    const s = seed(2);
    const gfm = rewriteTables(s.text, parseReport(s.text, { fileName: s.name }), 'L1');
    const copies = Math.ceil((MARKDOWN_TREE_LIMIT + 1) / gfm.length);
    const text = Array(copies).fill(gfm).join('\n\n');
    assert.ok(text.length > MARKDOWN_TREE_LIMIT, 'above the limit');
    const p = survive(text);
    const md = parseReport(text, { fileName: 'big.md' });
    for (const t of [md.report.tables.T2, md.report.tables.T3, md.report.tables.T4]) {
      assert.equal(t.status, 'bound', t.id);
      assert.ok(t.layout.includes('L1'), `${t.id} read as GFM`);
    }
    assert.equal(md.report.tables.T3.cells.get('t3.r7.tot')?.value, 9);
    assert.equal(p.report.tables.T3.cells.get('t3.r7.tot')?.value, 9);
  });

  it('deeply nested Markdown and unclosed constructs', OPTS, () => {
    survive(`${'> '.repeat(2000)}一、总体情况\n${'['.repeat(5000)}\n\`\`\`\n${seed(2).text}`);
    survive(`${'- '.repeat(3000)}x\n<!-- ${'a'.repeat(10000)}`);
  });

  it('a report after 3,000 nested list markers still reads in Markdown (line scan fallback)', OPTS, () => {
    // remark overflowed the call stack here (mdast-util-find-and-replace) and parseReport threw.
    const s = seed(3);
    const text = `${'- '.repeat(3000)}x\n\n${s.text}`;
    const p = survive(text);
    const md = parseReport(text, { fileName: 'r.md' });
    const alone = parseReport(s.text, { fileName: 'r.md' });
    assert.deepEqual(md.report.sections.map((x) => x.key), alone.report.sections.map((x) => x.key));
    assert.equal(md.report.tables.T3.status, 'bound');
    assert.equal(md.report.tables.T3.cells.get('t3.r7.np')?.value, 95);
    assert.equal(p.report.tables.T3.status, 'bound');
  });
});

describe('memory stays bounded', () => {
  // One-character lines are the worst case per byte: a line object per two UTF-16 units. Rules
  // that built an object per line (TEXT-BRACKETS' paragraphs) or squashed the whole text per table
  // (table regions) made check() of 8 MB of them peak near 1 GB. Measured as the peak RSS of a
  // process that checks 4 MB of them once (~60 MB of it is Node itself): a count, not a time.
  it('4 MB of one-character lines: check() peaks under 400 MB', { timeout: 120_000 }, () => {
    const script = `
      import { check } from ${JSON.stringify(new URL('../../engine/index.ts', import.meta.url).pathname)};
      const text = '字\\n'.repeat(2 ** 20);
      const r = check(text, { fileName: 'x.txt' });
      process.stdout.write(JSON.stringify({ findings: r.findings.length, lines: r.parsed.index.lines.length, maxRss: process.resourceUsage().maxRSS }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: number; lines: number; maxRss: number };
    assert.equal(out.lines, 2 ** 20 + 1);
    assert.ok(out.maxRss / 1024 < 400, `peak RSS ${(out.maxRss / 1024).toFixed(0)} MB`);
  });
});

describe('offsets stay true', () => {
  /** Joins lines with CRLF, LF and CR in turn. */
  const mixed = (text: string) => text.split('\n').map((l, i, a) => (i === a.length - 1 ? l : l + ['\r\n', '\n', '\r'][i % 3])).join('');

  for (const s of seeds) {
    it(`${s.name}: mixed CRLF/LF/CR keeps every cell's text and line`, OPTS, () => {
      const lf = parseReport(s.text, { fileName: s.name });
      const text = mixed(s.text);
      assert.ok(text.includes('\r\n') && /\r(?!\n)/.test(text), 'all three line ends present');
      const mx = parseReport(text, { fileName: s.name });
      const a = new Map(cells(lf).map((c) => [c.id, c]));
      const b = cells(mx);
      assert.equal(b.length, a.size);
      assert.ok(b.length > 0, 'cells bound');
      for (const c of b) {
        const o = a.get(c.id)!;
        assert.equal(text.slice(c.start, c.end), s.text.slice(o.start, o.end), `${c.id} text`);
        assert.equal(c.value, o.value, `${c.id} value`);
        assert.deepEqual(mx.index.positionAt(c.start), lf.index.positionAt(o.start), `${c.id} position`);
        assert.deepEqual(new LineIndex(text).positionAt(c.end), new LineIndex(s.text).positionAt(o.end), `${c.id} end position`);
      }
      assert.deepEqual(mx.report.sections.map((x) => [x.key, x.heading.line]), lf.report.sections.map((x) => [x.key, x.heading.line]));
      // Findings land on the same lines and characters.
      const where = (t: string, f: { rule: string; range: { start: number; end: number } }) => {
        const idx = new LineIndex(t);
        return `${f.rule}@${JSON.stringify(idx.positionAt(f.range.start))}-${JSON.stringify(idx.positionAt(f.range.end))}`;
      };
      const fa = check(s.text, { fileName: s.name }).findings.map((f) => where(s.text, f));
      const fb = check(text, { fileName: s.name }).findings.map((f) => where(text, f));
      assert.deepEqual(fb, fa);
    });
  }

  for (const ch of ['😀', '𠀀']) {
    it(`a character outside the BMP (${ch}) before a cell counts two code units`, OPTS, () => {
      const s = seed(3); // TSV: the label and its seven values share a line
      const at = s.text.indexOf('一、本年新收');
      const text = s.text.slice(0, at) + ch + s.text.slice(at);
      const before = parseReport(s.text, { fileName: s.name });
      const after = parseReport(text, { fileName: s.name });
      const rowLine = before.index.lineAt(at);
      const old = new Map(cells(before).map((c) => [c.id, c]));
      let sameLine = 0;
      for (const c of cells(after)) {
        const o = old.get(c.id)!;
        const shift = o.start >= at ? 2 : 0;
        assert.equal(c.start, o.start + shift, `${c.id} start`);
        assert.equal(text.slice(c.start, c.end), o.raw, `${c.id} text`);
        const p = after.index.positionAt(c.start);
        const q = before.index.positionAt(o.start);
        assert.equal(p.line, q.line, `${c.id} line`);
        assert.equal(p.character, q.character + (q.line === rowLine ? 2 : 0), `${c.id} character`);
        if (q.line === rowLine) sameLine++;
      }
      assert.equal(sameLine, 7, 'the seven cells of the row after the character');
      assert.equal(after.report.tables.T3.cells.get('t3.new.np')?.value, 103);
      check(text, { fileName: s.name });
    });

    it(`${ch} inside a GFM row in Markdown keeps later cells right`, OPTS, () => {
      const s = seed(0);
      const gfm = rewriteTables(s.text, parseReport(s.text, { fileName: s.name }), 'L1');
      const at = gfm.indexOf('一、本年新收');
      const text = gfm.slice(0, at) + ch + gfm.slice(at);
      for (const fileName of ['r.md', 'r.txt']) {
        const p = parseReport(text, { fileName });
        const c = p.report.tables.T3.cells.get('t3.new.tot')!;
        assert.equal(c.value, 7);
        assert.equal(text.slice(c.start, c.end), '7');
        const line = p.index.lines[p.index.lineAt(c.start)].text;
        assert.equal(p.index.positionAt(c.start).character, line.lastIndexOf('| 7 |') + 2);
        check(text, { fileName });
      }
    });
  }
});

// Issue 14: truncated and malformed documents of each source kind (test/helpers/hostile-sources.ts;
// bench/hostile.bench.ts measures the same files through the CLI).
describe('truncated and malformed sources', () => {
  const FORMS = new URL('../fixtures/forms/', import.meta.url).pathname;
  const key = (f: Finding) => [f.rule, f.severity, f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-', f.written, f.computed, f.message].join(' | ');
  const intact = check(new Uint8Array(readFileSync(`${FORMS}002.html`)), { fileName: '002.html' }).findings.map(key);

  for (const [form, message] of [['002.docx', 'Word 文档（.docx）已损坏或不完整，无法读取，未检查'], ['002.pdf', 'PDF 文件已损坏或格式有误，无法读取，未检查']]) {
    it(`${form} cut in half: one FILE-UNREADABLE saying the file is damaged, nothing else`, OPTS, async () => {
      const r = await checkAsync(cutInHalf(form), { fileName: `cut-${form}` });
      assert.deepEqual(r.findings.map((f) => [f.rule, f.severity, f.message]), [['FILE-UNREADABLE', 'error', message]]);
    });
  }

  it('a web page cut in half: what it holds is read as the whole page reads it, and what it lost is said missing', OPTS, () => {
    const r = check(cutInHalf('002.html'), { fileName: 'cut-002.html' });
    const lost = r.findings.filter((f) => !intact.includes(key(f)));
    assert.deepEqual([...new Set(lost.map((f) => f.rule))].sort(), ['STRUCT-SECTION-MISSING', 'STRUCT-TABLE-MISSING']);
    assert.deepEqual(lost.filter((f) => f.rule === 'STRUCT-SECTION-MISSING').map((f) => f.message), [
      '缺少第四部分“政府信息公开行政复议、行政诉讼情况”', '缺少第五部分“存在的主要问题及改进情况”', '缺少第六部分“其他需要报告的事项”',
    ]);
    assert.equal(r.report.tables.T2.status, 'bound', 'the table before the cut is read whole');
  });

  it('every seed’s web page as tag soup: the findings of the intact page, no more, no fewer', OPTS, () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const soup = check(tagSoup(`${n}.html`), { fileName: `soup-${n}.html` });
      const page = check(readFileSync(`${FORMS}${n}.html`, 'utf8'), { fileName: `${n}.html` });
      assert.deepEqual(soup.findings.map(key).sort(), page.findings.map(key).sort(), n);
      assert.deepEqual(Object.values(soup.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
    }
  });
});
