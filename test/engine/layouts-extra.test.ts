// Layouts and table shapes of docs/spec/layouts.md that the seeds do not show, and the cell grammar of
// docs/spec/rules.md §1, each on a small hand-written input inside a minimal report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../engine/index.ts';
import type { Cell, Table } from '../../engine/model.ts';
import { TEMPLATES } from '../../engine/template/index.ts';
import { distinct, reportText, t2Text, t3Text, t4Text, zero } from '../helpers/docs.ts';
import { renderGrid, t2GridOf, t3GridOf, t4GridOf, type Grid } from '../helpers/layouts.ts';

const parse = (text: string, fileName = 'report.txt') => parseReport(text, { fileName });
const T = (text: string, id: 'T2' | 'T3' | 'T4', fileName?: string) => parse(text, fileName).report.tables[id];
const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
const values = (t: Table, row: string, cols = ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot']) => cols.map((c) => t.cells.get(`t3.${row}.${c}`)?.value);
const rowKeys2021 = TEMPLATES['2021'].t3.rows.map((r) => r.key);
const T3_NOTE_LINE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** A T3 2021 in PDF text with a wrapped 逾期不补正 label, vertical header text and a page number. */
const PDF_T3 = [
  T3_NOTE_LINE,
  '申请人情况',
  '自',
  '然',
  '人',
  '法人或其他组织',
  '总',
  '计',
  '商业企业 科研机构 社会公益组织 法律服务机构 其他',
  '一、本年新收政府信息公开申请数量 7 0 0 0 0 1 8',
  '二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1',
  '三、本年度 （一）予以公开 2 0 0 0 0 0 2',
  '办理结果',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0',
  '（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0',
  '2.其他法律行政法规禁止公开 0 0 0 0 0 0 0',
  '3.危及“三安全一稳定” 0 0 0 0 0 0 0',
  '4.保护第三方合法权益 1 0 0 0 0 0 1',
  '5.属于三类内部事务信息 0 0 0 0 0 0 0',
  '- 5 -',
  '6.属于四类过程性信息 0 0 0 0 0 0 0',
  '7.属于行政执法案卷 0 0 0 0 0 0 0',
  '8.属于行政查询事项 0 0 0 0 0 0 0',
  '（四）无法提供 1.本机关不掌握相关政府信息 3 0 0 0 0 0 3',
  '2.没有现成信息需要另行制作 0 0 0 0 0 0 0',
  '3.补正后申请内容仍不明确 0 0 0 0 0 0 0',
  '（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0',
  '2.重复申请 0 0 0 0 0 0 0',
  '3.要求提供公开出版物 0 0 0 0 0 0 0',
  '4.无正当理由大量反复申请 0 0 0 0 0 0 0',
  '5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0',
  '（六）其他处理',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府',
  '信息公开申请 2 0 0 0 0 0 2',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0',
  '3.其他 0 0 0 0 0 1 1',
  '（七）总计 8 0 0 0 0 1 9',
  '四、结转下年度继续办理 0 0 0 0 0 0 0',
].join('\n');

describe('L6 PDF text', () => {
  const text = reportText({ t3: PDF_T3, t4: t4Text('L6', distinct) });
  const t3 = T(text, 'T3');

  it('binds all 25 rows with their values', () => {
    assert.equal(t3.status, 'bound');
    assert.equal(t3.version, '2021');
    assert.ok(t3.layout.includes('L6'), `layout ${t3.layout}`);
    assert.deepEqual([...t3.rows.keys()].sort(), [...rowKeys2021].sort());
    assert.deepEqual(values(t3, 'new'), [7, 0, 0, 0, 0, 1, 8]);
    assert.deepEqual(values(t3, 'carry'), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(values(t3, 'r1'), [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(values(t3, 'r3_4'), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(values(t3, 'r4_1'), [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(values(t3, 'r6_3'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(values(t3, 'r7'), [8, 0, 0, 0, 0, 1, 9]);
    assert.equal(t3.cells.size, 25 * 7);
  });

  it('joins the wrapped 逾期不补正 label over two lines', () => {
    const r = t3.rows.get('r6_1')!;
    assert.equal(r.state, 'bound');
    assert.deepEqual(values(t3, 'r6_1'), [2, 0, 0, 0, 0, 0, 2]);
    assert.equal(lineOf(text, r.label!.start), lineOf(text, text.indexOf('1.申请人无正当理由逾期不补正')));
    assert.equal(lineOf(text, r.label!.end), lineOf(text, text.indexOf('信息公开申请 2')));
    assert.equal(t3.unknownRows.length, 0);
  });

  it('reads vertical header text (自/然/人, 总/计) as header labels', () => {
    assert.deepEqual(t3.missingHeaderLabels, []);
    assert.deepEqual(t3.noise, []);
  });

  it('binds T4 from PDF text in template order', () => {
    const t4 = T(text, 'T4');
    assert.equal(t4.status, 'bound');
    assert.equal(t4.cells.get('t4.post.pend')?.value, Number(distinct('t4.post.pend')));
    assert.equal(t4.cells.get('t4.rev.keep')?.value, Number(distinct('t4.rev.keep')));
  });

  it('skips page numbers and running headers inside tables without noise', () => {
    const title = '测试区人民政府办公室2021年政府信息公开工作年度报告';
    const t2 = t2Text('L6', distinct).split('\n');
    t2.splice(5, 0, '第 2 页 共 9 页', '政府信息公开工作年度报告');
    const t3 = t3Text('L6', distinct).split('\n');
    t3.splice(12, 0, '— 3 —', title);
    t3.splice(20, 0, '7'); // a bare page number between two PDF rows
    t2.splice(4, 0, '', '3', ''); // … and one after a PDF row, before a block caption
    const t4 = t4Text('L6', distinct).split('\n');
    t4.splice(3, 0, '12'); // … and one between the T4 header and its 15 values
    const p = parse(reportText({ t2: t2.join('\n'), t3: t3.join('\n'), t4: t4.join('\n') }));
    for (const t of [p.report.tables.T2, p.report.tables.T3, p.report.tables.T4]) {
      assert.equal(t.status, 'bound', t.id);
      assert.deepEqual(t.noise, [], t.id);
      assert.deepEqual(t.unknownRows, [], t.id);
      for (const [k, c] of t.cells) assert.equal(c.value, Number(distinct(k)), k);
    }
  });

  it('reads one-value T2 rows ("行政许可 0") and units in PDF text', () => {
    const t2 = T(reportText({ t2: t2Text('L6', distinct) }), 'T2');
    assert.equal(t2.status, 'bound');
    for (const id of ['t2.permit.decisions', 't2.penalty.decisions', 't2.fee.amount', 't2.norm.valid']) {
      assert.equal(t2.cells.get(id)?.value, Number(distinct(id)), id);
    }
    const raw = (id: string) => (id === 't2.purchase.amount' ? '988.2576万' : distinct(id));
    const t2019 = T(reportText({ year: 2020, t2: t2Text('L6', raw, '2019') }), 'T2');
    assert.equal(t2019.status, 'bound');
    assert.equal(t2019.cells.get('t2.purchase.amount')?.value, 988.2576);
    assert.equal(t2019.cells.get('t2.purchase.amount')?.unit, '万元');
    assert.equal(t2019.cells.get('t2.purchase.count')?.value, Number(distinct('t2.purchase.count')));
  });
});

describe('L7 browser copy (rowspan labels not repeated)', () => {
  const t3 = [
    `${T3_NOTE_LINE}\t申请人情况`,
    '自然人\t法人或其他组织\t总计',
    '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    '一、本年新收政府信息公开申请数量\t7\t0\t0\t0\t0\t0\t7',
    '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
    '三、本年度办理结果\t（一）予以公开\t2\t0\t0\t0\t0\t0\t2',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0',
    '（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
    ...TEMPLATES['2021'].t3.rows.slice(5, 12).map((r) => `${r.label}\t0\t0\t0\t0\t0\t0\t0`),
    '（四）无法提供\t1.本机关不掌握相关政府信息\t5\t0\t0\t0\t0\t0\t5',
    ...TEMPLATES['2021'].t3.rows.slice(13, 15).map((r) => `${r.label}\t0\t0\t0\t0\t0\t0\t0`),
    '（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0',
    ...TEMPLATES['2021'].t3.rows.slice(16, 20).map((r) => `${r.label}\t0\t0\t0\t0\t0\t0\t0`),
    `（六）其他处理\t${TEMPLATES['2021'].t3.rows[20].label}\t0\t0\t0\t0\t0\t0\t0`,
    ...TEMPLATES['2021'].t3.rows.slice(21, 23).map((r) => `${r.label}\t0\t0\t0\t0\t0\t0\t0`),
    '（七）总计\t7\t0\t0\t0\t0\t0\t7',
    '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1',
  ].join('\n');

  it('binds every row by its own label whatever its tab column', () => {
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.status, 'bound');
    assert.equal(t.cells.size, 175);
    assert.deepEqual(values(t, 'r1'), [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(values(t, 'r4_1'), [5, 0, 0, 0, 0, 0, 5]);
    assert.deepEqual(values(t, 'r3_2'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(values(t, 'fwd'), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(t.missingHeaderLabels, []);
  });
});

describe('L8 one cell per paragraph', () => {
  it('lone numbers are values here, not page numbers', () => {
    const t2 = T(reportText({ t2: t2Text('L8', (id) => (id.endsWith('.decisions') || id === 't2.fee.amount' ? '12' : '3')) }), 'T2');
    assert.equal(t2.status, 'bound');
    assert.equal(t2.cells.get('t2.permit.decisions')?.value, 12);
    assert.equal(t2.cells.get('t2.fee.amount')?.value, 12);
    assert.equal(t2.cells.get('t2.reg.made')?.value, 3);
  });

  it('binds T3 rows by their labels', () => {
    const text = reportText({ t3: t3Text('L8', distinct), t4: t4Text('L8', distinct) });
    const t3 = T(text, 'T3');
    assert.equal(t3.status, 'bound');
    assert.ok(t3.layout.includes('L8'), `layout ${t3.layout}`);
    for (const key of rowKeys2021) {
      assert.deepEqual(values(t3, key), ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot'].map((c) => Number(distinct(`t3.${key}.${c}`))), key);
    }
    const t4 = T(text, 'T4');
    assert.equal(t4.status, 'bound');
    assert.equal(t4.cells.get('t4.dir.other')?.value, Number(distinct('t4.dir.other')));
  });

  it('a row whose blank vanished is short (STRUCT-ROW-VALUES), not shifted into the next row', () => {
    const text = reportText({ t3: t3Text('L8', (id) => (id === 't3.r2.sci' ? '' : '1')) });
    const t3 = T(text, 'T3');
    assert.equal(t3.rows.get('r2')?.state, 'values');
    assert.equal(t3.rows.get('r2')?.found, 6);
    assert.equal(t3.cells.has('t3.r2.np'), false);
    assert.deepEqual(values(t3, 'r3_1'), [1, 1, 1, 1, 1, 1, 1]);
    assert.equal(t3.status, 'partial');
  });
});

describe('refusals (docs/spec/layouts.md §3)', () => {
  it('L9: cells run together → T3 unparseable (glued), no cells', () => {
    const t3 = PDF_T3.replace('（七）总计 8 0 0 0 0 1 9', '（七）总计640020470');
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.status, 'unparseable');
    assert.equal(t.unparseableReason, 'glued');
    assert.equal(t.cells.size, 0);
  });

  it('L9: a whole T3 of concatenated rows → unparseable (glued)', () => {
    const lines = TEMPLATES['2021'].t3.rows.map((r) => `${r.label}7000007`);
    const t = T(reportText({ t3: [T3_NOTE_LINE, '自然人 法人或其他组织 总计', ...lines].join('\n') }), 'T3');
    assert.equal(t.status, 'unparseable');
    assert.equal(t.unparseableReason, 'glued');
    assert.equal(t.cells.size, 0);
  });

  it('a value zone with fewer tokens and one long enough to hold them → glued', () => {
    const t3 = t3Text('L4', zero).replace(/^(（七）总计|\t（七）总计)(.*)$/m, (_m, a) => `${a}\t\t640020470`);
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.status, 'unparseable');
    assert.equal(t.unparseableReason, 'glued');
    assert.equal(t.cells.size, 0);
  });

  it('T4 with 14 values → unparseable (not-15)', () => {
    const t4 = t4Text('L4', zero).replace(/\t0$/m, '');
    assert.match(t4.split('\n').at(-1)!, /^0(\t0){13}$/);
    const t = T(reportText({ t4 }), 'T4');
    assert.equal(t.status, 'unparseable');
    assert.equal(t.unparseableReason, 'not-15');
    assert.equal(t.cells.size, 0);
  });

  it('T2 with fewer than half its rows → unparseable (few-rows); a row of three glued → glued', () => {
    const t2 = ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0', '行政规范性文件\t4\t0\t63'].join('\n');
    const few = T(reportText({ t2 }), 'T2');
    assert.equal(few.status, 'unparseable');
    assert.equal(few.unparseableReason, 'few-rows');
    assert.equal(few.cells.size, 0);
    const glued = T(reportText({ t2: t2Text('L2').replace('\t规章\n\t0\n\t0\n\t0', '\t规章000') }), 'T2');
    assert.equal(glued.status, 'unparseable');
    assert.equal(glued.unparseableReason, 'glued');
    assert.equal(glued.cells.size, 0);
  });

  it('T3 with fewer than half the rows → unparseable (few-rows)', () => {
    const grid = t3GridOf('2021', zero);
    const keep = grid.slice(0, 3 + 12); // header + 12 of 25 rows
    const t = T(reportText({ t3: renderGrid(keep, 'L4').join('\n') + '\n四、结转下年度继续办理' }), 'T3');
    assert.equal(t.status, 'unparseable');
    assert.equal(t.unparseableReason, 'few-rows');
    assert.equal(t.cells.size, 0);
    const half = grid.slice(0, 3 + 13);
    const t13 = T(reportText({ t3: renderGrid(half, 'L4').join('\n') + '\n四、结转下年度继续办理' }), 'T3');
    assert.equal(t13.status, 'partial');
  });
});

describe('T3 columns', () => {
  it('a header row listing 总计 before 自然人 → columns follow the header', () => {
    const orgs = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
    // Values written as "column position": tot first, then np, then the five organisations.
    const rows = TEMPLATES['2021'].t3.rows.map((r, i) => `${r.label}\t${100 + i}\t${i}\t0\t0\t0\t0\t${100}`);
    const t3 = [`${T3_NOTE_LINE}\t总计\t自然人\t${orgs.join('\t')}`, ...rows].join('\n');
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.status, 'bound');
    assert.equal(t.cells.get('t3.new.tot')?.value, 100);
    assert.equal(t.cells.get('t3.new.np')?.value, 0);
    assert.equal(t.cells.get('t3.fwd.tot')?.value, 124);
    assert.equal(t.cells.get('t3.fwd.np')?.value, 24);
    assert.equal(t.cells.get('t3.fwd.oth')?.value, 100);
  });

  it('科研机构 before 商业企业 in the organisations row → those columns follow the header', () => {
    const t3 = t3Text('L4', distinct).replace('\t商业企业\t科研机构\t', '\t科研机构\t商业企业\t');
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.status, 'bound');
    // The value written under 科研机构 (the template's biz position) is sci now.
    assert.equal(t.cells.get('t3.r7.sci')?.value, Number(distinct('t3.r7.biz')));
    assert.equal(t.cells.get('t3.r7.biz')?.value, Number(distinct('t3.r7.sci')));
    assert.equal(t.cells.get('t3.r7.np')?.value, Number(distinct('t3.r7.np')));
  });

  it('a 小计 column between 其他 and 总计 → hasSubtotal and 8 values per row', () => {
    const cols = ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'sub', 'tot'];
    for (const layout of ['L4', 'L1', 'L2'] as const) {
      const t = T(reportText({ t3: t3Text(layout, distinct, '2021', cols) }), 'T3');
      assert.equal(t.status, 'bound', layout);
      assert.equal(t.hasSubtotal, true, layout);
      assert.equal(t.cells.size, 25 * 8, layout);
      for (const key of rowKeys2021) assert.deepEqual(values(t, key, cols), cols.map((c) => Number(distinct(`t3.${key}.${c}`))), `${layout} ${key}`);
    }
  });

  it('without a 小计 header a row of 8 numbers is STRUCT-ROW-VALUES, not a subtotal', () => {
    const t3 = t3Text('L4', zero).replace(/^(一、本年新收政府信息公开申请数量.*)$/m, '$1\t0');
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.hasSubtotal, false);
    assert.equal(t.rows.get('new')?.state, 'values');
    assert.equal(t.rows.get('new')?.found, 8);
    assert.equal(t.cells.has('t3.new.np'), false);
  });
});

describe('column order stated by the header, in every layout', () => {
  const wrongCells = (t: Table) => [...t.cells].filter(([k, c]) => String(c.value) !== distinct(k)).map(([k]) => k);
  for (const layout of ['L1', 'L2', 'L3', 'L4', 'L6', 'L7', 'L8'] as const) {
    it(`${layout}: T3 with 总计 first, T4 with 总计 first in each group, T2 with columns swapped`, () => {
      // The grids are written in the header's order, values under their own column labels.
      const g3 = t3GridOf('2021', distinct, ['tot', 'np', 'biz', 'sci', 'ngo', 'law', 'oth']);
      const g4: Grid = t4GridOfOrdered([4, 0, 1, 2, 3]);
      const g2 = t2GridOf('2021', distinct);
      for (const r of [1, 2, 3]) [g2[r][1], g2[r][3]] = [g2[r][3], g2[r][1]]; // 现行有效件数 … 本年制发件数
      const text = reportText({ t2: renderGrid(g2, layout).join('\n'), t3: renderGrid(g3, layout).join('\n'), t4: renderGrid(g4, layout).join('\n') });
      const p = parse(text);
      for (const t of [p.report.tables.T2, p.report.tables.T3, p.report.tables.T4]) {
        assert.equal(t.status, 'bound', `${t.id}`);
        assert.deepEqual(wrongCells(t), [], `${t.id} cells under the wrong column`);
      }
    });
  }
});

/** T4 with each group's five columns in `order` (indices into the template order). */
function t4GridOfOrdered(order: number[]): Grid {
  const g = t4GridOf(distinct);
  g[2] = [0, 1, 2].flatMap((gi) => order.map((o) => g[2][gi * 5 + o]));
  g[3] = [0, 1, 2].flatMap((gi) => order.map((o) => g[3][gi * 5 + o]));
  return g;
}

describe('GFM blank cells', () => {
  for (const ext of ['.txt', '.md']) {
    it(`T3 blank value → CELL blank state at its own column (${ext})`, () => {
      const text = reportText({ t3: t3Text('L1', (id) => (id === 't3.new.biz' || id === 't3.r7.tot' ? '' : '3')) });
      const t = T(text, 'T3', `report${ext}`);
      assert.equal(t.status, 'bound');
      const biz = t.cells.get('t3.new.biz')!;
      assert.equal(biz.state, 'blank');
      assert.equal(biz.start, biz.end);
      assert.equal(t.cells.get('t3.new.sci')?.value, 3);
      assert.equal(t.cells.get('t3.new.tot')?.value, 3);
      assert.equal(t.cells.get('t3.r7.tot')?.state, 'blank');
      assert.equal(t.cells.get('t3.r7.oth')?.value, 3);
      // The empty range sits right after "| " (docs/spec/rules.md §0).
      const line = text.split('\n')[lineOf(text, biz.start) - 1];
      assert.match(line, /^\| 一、本年新收/);
      assert.equal(text.slice(biz.start - 2, biz.start), '| ');
      assert.equal(text[biz.start], ' ');
    });

    it(`T2 blank value → blank at its header column (${ext})`, () => {
      const text = reportText({ t2: t2Text('L1', (id) => (id === 't2.reg.valid' || id === 't2.norm.made' ? '' : '2')) });
      const t = T(text, 'T2', `report${ext}`);
      assert.equal(t.status, 'bound');
      assert.equal(t.cells.get('t2.reg.valid')?.state, 'blank');
      assert.equal(t.cells.get('t2.reg.made')?.value, 2);
      assert.equal(t.cells.get('t2.norm.made')?.state, 'blank');
      assert.equal(t.cells.get('t2.norm.valid')?.value, 2);
    });

    it(`T4 blank value stays in its column (${ext})`, () => {
      const text = reportText({ t4: t4Text('L1', (id) => (id === 't4.dir.fix' ? '' : distinct(id))) });
      const t = T(text, 'T4', `report${ext}`);
      assert.equal(t.status, 'bound');
      assert.equal(t.cells.get('t4.dir.fix')?.state, 'blank');
      assert.equal(t.cells.get('t4.post.tot')?.value, Number(distinct('t4.post.tot')));
    });
  }
});

describe('blank values in every layout that keeps positions (L1 GFM, L2 TAB-only line, L4 TSV, L7)', () => {
  // One-digit values: next to an edge blank in TSV a longer one could be two cells run together.
  const digit = (id: string) => String(Number(distinct(id)) % 10);
  const blanks = {
    T2: ['t2.reg.made', 't2.norm.repealed', 't2.norm.valid', 't2.permit.decisions'],
    T3: ['t3.new.np', 't3.carry.sci', 't3.r7.tot', 't3.r6_3.np', 't3.r6_3.tot'],
    T4: ['t4.rev.keep', 't4.dir.pend', 't4.post.tot'],
  };
  for (const layout of ['L1', 'L2', 'L4', 'L7'] as const) {
    for (const id of ['T2', 'T3', 'T4'] as const) {
      it(`${layout} ${id}: first, middle and last values blank`, () => {
        const set = new Set<string>(blanks[id]);
        const raw = (c: string) => (set.has(c) ? '' : digit(c));
        const text = reportText({ t2: id === 'T2' ? t2Text(layout, raw) : undefined, t3: id === 'T3' ? t3Text(layout, raw) : undefined, t4: id === 'T4' ? t4Text(layout, raw) : undefined });
        const t = T(text, id);
        assert.equal(t.status, 'bound');
        assert.equal(t.cells.size, id === 'T2' ? 10 : id === 'T3' ? 175 : 15);
        for (const [k, c] of t.cells) {
          if (set.has(k)) {
            assert.equal(c.state, 'blank', k);
            assert.equal(c.start, c.end, `${k} empty range`);
          } else assert.equal(c.value, Number(digit(k)), k);
        }
      });
    }
  }
  it('L2: a TAB-only line before a label is rowspan residue, not a value', () => {
    const t3 = t3Text('L2', digit).replace('\t（二）部分公开', '\t\n\t（二）部分公开');
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.status, 'bound');
    assert.equal(t.rows.get('r1')?.state, 'bound');
    assert.equal(t.rows.get('r2')?.state, 'bound');
  });
});

describe('template version per table', () => {
  it('a 2021 report that pasted a 2019 T3 → T3 version 2019, 23 rows', () => {
    const p = parse(reportText({ year: 2021, t2: t2Text('L4'), t3: t3Text('L4', distinct, '2019') }));
    assert.equal(p.report.template, '2021');
    assert.equal(p.report.tables.T2.version, '2021');
    const t = p.report.tables.T3;
    assert.equal(t.version, '2019');
    assert.equal(t.status, 'bound');
    assert.equal(t.rows.size, 23);
    assert.equal(t.cells.get('t3.r6.np')?.value, Number(distinct('t3.r6.np')));
    assert.equal(t.cells.has('t3.r6_1.np'), false);
  });

  it('a 2020 report with a 2021 T3 → T3 version 2021', () => {
    const t = T(reportText({ year: 2020, t3: t3Text('L4', zero, '2021') }), 'T3');
    assert.equal(t.version, '2021');
    assert.equal(t.status, 'bound');
    assert.equal(t.rows.size, 25);
  });
});

describe('merged rows', () => {
  it('two row keywords in one label → not bound, an unknown row', () => {
    const lines = t3Text('L4', zero).split('\n');
    const at = lines.findIndex((l) => l.includes('1.属于国家秘密'));
    assert.ok(lines[at + 1].includes('2.其他法律行政法规禁止公开'), 'r3_2 follows r3_1');
    lines.splice(at, 2, lines[at].replace('1.属于国家秘密', '1.属于国家秘密 2.其他法律行政法规禁止公开'));
    const t3 = lines.join('\n');
    const t = T(reportText({ t3 }), 'T3');
    assert.equal(t.rows.get('r3_1')?.state, 'missing');
    assert.equal(t.rows.get('r3_2')?.state, 'missing');
    assert.equal(t.cells.has('t3.r3_1.np'), false);
    assert.equal(t.unknownRows.length, 1);
    assert.match(t.unknownRows[0].text, /国家秘密.*法律行政法规禁止/);
    assert.equal(t.status, 'partial');
    assert.deepEqual(values(t, 'r3_3'), [0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('cell grammar through the binder (docs/spec/rules.md §1)', () => {
  /** T3 in TSV with `raw` written into t3.new.biz; returns that cell. */
  const cellOf = (raw: string, layout: 'L4' | 'L1' = 'L4'): Cell => {
    const t = T(reportText({ t3: t3Text(layout, (id) => (id === 't3.new.biz' ? raw : '0')) }), 'T3');
    assert.equal(t.status, 'bound', `table bound with ${JSON.stringify(raw)}`);
    return t.cells.get('t3.new.biz')!;
  };
  const cases: [string, Partial<Cell>][] = [
    ['８', { state: 'number', value: 8, flags: ['fullwidth'] }],
    ['1,691', { state: 'number', value: 1691, flags: ['thousands'] }],
    ['1，691', { state: 'invalid', value: undefined }],
    ['4\u3000\u3000', { state: 'number', value: 4, flags: ['padding'] }],
    ['\u00a05\u00a0', { state: 'number', value: 5, flags: ['padding'] }],
    ['5件', { state: 'number', value: 5, unit: '件', flags: ['unit'] }],
    ['988.2576万', { state: 'invalid', value: undefined }],
    ['约5', { state: 'invalid', value: undefined }],
    ['5余', { state: 'invalid', value: undefined }],
    ['3 5', { state: 'invalid', value: undefined }],
    ['五', { state: 'invalid', value: undefined }],
    ['-1', { state: 'number', value: -1, flags: [] }],
    ['2.5', { state: 'number', value: 2.5, flags: [] }],
    ['/', { state: 'placeholder', value: undefined }],
    ['-', { state: 'placeholder', value: undefined }],
    ['—', { state: 'placeholder', value: undefined }],
    ['无', { state: 'placeholder', value: undefined }],
    ['', { state: 'blank', value: undefined }],
  ];
  for (const layout of ['L4', 'L1'] as const) {
    for (const [raw, want] of cases) {
      it(`${layout} ${JSON.stringify(raw)} → ${want.state} ${want.value ?? ''}`, () => {
        const c = cellOf(raw, layout);
        for (const [k, v] of Object.entries(want)) assert.deepEqual(c[k as keyof Cell], v, `${k} of ${JSON.stringify(raw)}`);
        assert.equal(c.raw, raw.replace(/^[ \t]+|[ \t]+$/g, ''));
        // The other values of the row stay where they were.
        const t = T(reportText({ t3: t3Text(layout, (id) => (id === 't3.new.biz' ? raw : id === 't3.new.sci' ? '6' : '0')) }), 'T3');
        assert.equal(t.cells.get('t3.new.sci')?.value, 6);
      });
    }
  }

  for (const layout of ['L4', 'L7'] as const) {
    it(`${layout}: a blank first or last value is a blank cell at its column, the row is not short`, () => {
      // One-digit values: with six tokens a two-digit one could be two cells run together.
      const digit = (id: string) => String(Number(distinct(id)) % 10);
      const blank = new Set(['t3.new.np', 't3.r7.tot', 't3.fwd.np', 't3.fwd.tot']);
      const t = T(reportText({ t3: t3Text(layout, (id) => (blank.has(id) ? '' : digit(id))) }), 'T3');
      assert.equal(t.status, 'bound');
      for (const id of blank) assert.equal(t.cells.get(id)?.state, 'blank', id);
      assert.equal(t.cells.get('t3.new.biz')?.value, Number(digit('t3.new.biz')));
      assert.equal(t.cells.get('t3.r7.oth')?.value, Number(digit('t3.r7.oth')));
      assert.equal(t.cells.get('t3.fwd.oth')?.value, Number(digit('t3.fwd.oth')));
      const t2 = T(reportText({ t2: t2Text(layout, (id) => (id === 't2.reg.made' || id === 't2.norm.valid' ? '' : '5')) }), 'T2');
      assert.equal(t2.status, 'bound');
      assert.equal(t2.cells.get('t2.reg.made')?.state, 'blank');
      assert.equal(t2.cells.get('t2.reg.valid')?.value, 5);
      assert.equal(t2.cells.get('t2.norm.valid')?.state, 'blank');
      assert.equal(t2.cells.get('t2.norm.made')?.value, 5);
    });
  }

  it('TSV: an edge blank next to a two-digit value, the row as wide as the header → a blank cell (a run of TABs is a run of cells)', () => {
    const raw = (id: string) => (id === 't3.new.tot' ? '' : id === 't3.new.np' ? '12' : '1');
    for (const layout of ['L4', 'L7'] as const) {
      const t = T(reportText({ t3: t3Text(layout, raw) }), 'T3');
      assert.equal(t.status, 'bound', layout);
      assert.equal(t.cells.get('t3.new.np')?.value, 12, layout);
      assert.equal(t.cells.get('t3.new.tot')?.state, 'blank', layout);
    }
  });

  it('TSV: a row one TAB short of the header with a two-digit value is ambiguous (a glued pair looks the same) → unparseable', () => {
    // The trailing TAB of the blank 总计 lost: six cells for seven columns, "12" could be "1|2".
    const text = reportText({ t3: t3Text('L4', (id) => (id === 't3.new.tot' ? '' : id === 't3.new.np' ? '12' : '1')) });
    const lost = text.replace(/^(一、本年新收[^\n]*?)\t$/m, '$1');
    assert.notEqual(lost, text);
    const t = T(lost, 'T3');
    assert.equal(t.status, 'unparseable');
    assert.equal(t.unparseableReason, 'glued');
  });

  it('GFM: an edge blank next to a two-digit value is not ambiguous (cells are explicit)', () => {
    const t = T(reportText({ t3: t3Text('L1', (id) => (id === 't3.new.tot' ? '' : id === 't3.new.np' ? '12' : '1')) }), 'T3');
    assert.equal(t.status, 'bound');
    assert.equal(t.cells.get('t3.new.np')?.value, 12);
    assert.equal(t.cells.get('t3.new.tot')?.state, 'blank');
  });

  it('TSV: a row shifted right of the header with a blank edge stays short (positions disagree)', () => {
    const lines = t3Text('L4', (id) => (id === 't3.r1.tot' ? '' : '1')).split('\n');
    const at = lines.findIndex((l) => l.includes('（一）予以公开'));
    lines[at] = lines[at].replace('（一）予以公开\t', '（一）予以公开\t\t\t'); // two columns right
    const t = T(reportText({ t3: lines.join('\n') }), 'T3');
    assert.equal(t.rows.get('r1')?.state, 'values');
    assert.equal(t.cells.has('t3.r1.np'), false);
  });

  it('TSV blank inside the row is a blank cell at its column', () => {
    const t = T(reportText({ t3: t3Text('L4', (id) => (id === 't3.new.biz' ? '' : id === 't3.new.sci' ? '6' : '0')) }), 'T3');
    assert.equal(t.cells.get('t3.new.biz')?.state, 'blank');
    assert.equal(t.cells.get('t3.new.sci')?.value, 6);
  });

  it('T2: "行政处罚 0" is a value echoing its label', () => {
    const t2 = t2Text('L4', (id) => (id === 't2.penalty.decisions' ? '行政处罚 0' : '1'));
    const c = T(reportText({ t2 }), 'T2').cells.get('t2.penalty.decisions')!;
    assert.equal(c.state, 'number');
    assert.equal(c.value, 0);
    assert.deepEqual(c.flags, ['echo']);
    assert.equal(c.raw, '行政处罚 0');
  });

  it('2019 T2: "988.2576万" is a number with unit 万元 in the purchase amount, invalid in a count cell', () => {
    const raw = (id: string) => (id === 't2.purchase.amount' || id === 't2.purchase.count' ? '988.2576万' : '1');
    const t = T(reportText({ year: 2020, t2: t2Text('L4', raw, '2019') }), 'T2');
    assert.equal(t.version, '2019');
    const amount = t.cells.get('t2.purchase.amount')!;
    assert.equal(amount.state, 'number');
    assert.equal(amount.value, 988.2576);
    assert.equal(amount.unit, '万元');
    assert.equal(t.cells.get('t2.purchase.count')?.state, 'invalid');
  });

  it('2019 T2: a negative delta is a number', () => {
    const t = T(reportText({ year: 2020, t2: t2Text('L2', (id) => (id === 't2.fee.delta' ? '-2' : '1'), '2019') }), 'T2');
    assert.equal(t.cells.get('t2.fee.delta')?.value, -2);
  });

  it('T2: a value glued to a one-value label ("行政许可0") binds with the glued flag', () => {
    const t2 = t2Text('L2').replace('\t行政许可\n\t0', '\t行政许可0');
    const t = T(reportText({ t2 }), 'T2');
    assert.equal(t.status, 'bound');
    const c = t.cells.get('t2.permit.decisions')!;
    assert.equal(c.value, 0);
    assert.ok(c.flags.includes('glued'), `flags ${c.flags}`);
  });
});
