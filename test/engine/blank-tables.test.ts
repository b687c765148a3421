// Tables whose values are all left blank still bind (their blanks are CELL-EMPTY, not an
// unreadable table): the empty tables the insert fixes write, and reports that leave zeros blank.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from '../../engine/index.ts';

const head = '# 某某局2020年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n\n';
const blankRow = (n: number) => `|${' |'.repeat(n)}`;

test('a GFM table 4 with all 15 cells blank binds, each cell blank', () => {
  const t4 = [
    '## 四、政府信息公开行政复议、行政诉讼情况', '',
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
    '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    blankRow(15), '',
  ].join('\n');
  const { report } = parseReport(head + t4, { fileName: 'a.md' });
  const t = report.tables.T4;
  assert.equal(t.status, 'bound');
  assert.equal(t.cells.size, 15);
  assert.ok([...t.cells.values()].every((c) => c.state === 'blank'));
  // Fourteen blanks are not a table 4.
  const short = (head + t4).replace(blankRow(15), blankRow(14));
  assert.equal(parseReport(short, { fileName: 'a.md' }).report.tables.T4.status, 'unparseable');
});

test("a GFM 2019 table 3 whose （六）其他处理 row is blank still binds that row", () => {
  const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息',
    '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
    '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
    '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
  const t3 = ['## 三、收到和处理政府信息公开申请情况', '', '| 项目 | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---|---|---|---|---|---|---|---|',
    ...labels.map((l) => `| | ${l} |${l.includes('其他处理') ? ' |'.repeat(7) : ' 0 |'.repeat(7)}`), ''].join('\n');
  const t = parseReport(head + t3, { fileName: 'a.md' }).report.tables.T3;
  assert.equal(t.version, '2019');
  assert.equal(t.status, 'bound');
  assert.equal(t.rows.get('r6')?.state, 'bound');
  assert.deepEqual(['np', 'tot'].map((c) => t.cells.get(`t3.r6.${c}`)?.state), ['blank', 'blank']);
});
