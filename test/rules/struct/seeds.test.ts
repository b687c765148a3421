// The fixture contract (docs/spec/seeds.md) for the STRUCT-* rules: each seed yields exactly the STRUCT
// findings listed there — rule, 1-based line, the text the range covers and the message — and
// none of the ones listed under "must not".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../engine/index.ts';
import { lineOf, seed } from '../harness.ts';

type Row = [rule: string, line: number, range: string, message: string];

const LEVEL = (ordinal: string, level: number) => `第${ordinal}部分标题为 ${level} 级，六个部分应统一为 2 级`;

const EXPECTED: Record<number, Row[]> = {
  0: [],
  1: [
    ['STRUCT-NUMBERING-HIERARCHY', 18, '(一)', '序号层级颠倒：“(一)加强重点领域信息公开”出现在“(6)2021年政务公开工作要点的落实情况”之下；层级应依次为“一、”“（一）”“1.”“（1）”'],
    ['STRUCT-TABLE-HEADER', 358, '行政复议 |', '行政复议、行政诉讼情况表的表头不完整（缺少结果维持、结果纠正、其他结果、尚未审结），已按模板列顺序识别'],
  ],
  2: [
    ['STRUCT-ROW-UNKNOWN', 36, '其他主动公开文件（含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件，可参考本单位政府信息公开平台“其他主动公开文件”栏目数据）', '“其他主动公开文件（…）”不是模板中的行，未参与检查'],
    ['STRUCT-HEADING-WORDING', 106, '行政机关收到和处理政府信息公开申请情况', '标题“行政机关收到和处理政府信息公开申请情况”与模板“收到和处理政府信息公开申请情况”不一致'],
    ['STRUCT-HEADING-WORDING', 368, '因政府信息公开工作被申请行政复议、提起行政诉讼情况', '标题“因政府信息公开工作被申请行政复议、提起行政诉讼情况”与模板“政府信息公开行政复议、行政诉讼情况”不一致'],
    ['STRUCT-HEADING-WORDING', 414, '政府信息公开工作存在的问题及改进情况', '标题“政府信息公开工作存在的问题及改进情况”与模板“存在的主要问题及改进情况”不一致'],
  ],
  3: [
    ['STRUCT-HEADING-LEVEL', 34, '###', LEVEL('三', 3)],
    ['STRUCT-HEADING-LEVEL', 65, '####', LEVEL('四', 4)],
    ['STRUCT-HEADING-LEVEL', 72, '####', LEVEL('五', 4)],
    ['STRUCT-HEADING-LEVEL', 82, '####', LEVEL('六', 4)],
  ],
  4: [
    ['STRUCT-HEADING-LEVEL', 3, '####', LEVEL('一', 4)],
    ['STRUCT-NUMBERING-RESTART', 7, '一、', '第一部分内又使用一级序号“一、”，与部分标题同级；应改用“（一）”“（二）”…'],
    ['STRUCT-HEADING-LEVEL', 11, '####', LEVEL('二', 4)],
    ['STRUCT-HEADING-LEVEL', 28, '#', LEVEL('三', 1)],
    ['STRUCT-TABLE-HEADER', 30, '申请人情况', '政府信息公开申请情况表的表头不完整（缺少法人或其他组织），已按模板列顺序识别'],
  ],
};

/** Fix kind each listed finding must offer (docs/spec/seeds.md "fix" column), by rule. */
const FIX: Record<string, 'safe' | 'unsafe' | null> = {
  'STRUCT-NUMBERING-HIERARCHY': null, 'STRUCT-TABLE-HEADER': null, 'STRUCT-ROW-UNKNOWN': null,
  'STRUCT-HEADING-WORDING': 'unsafe', 'STRUCT-HEADING-LEVEL': 'safe', 'STRUCT-NUMBERING-RESTART': 'unsafe',
};

describe('STRUCT-* findings on the seeds (docs/spec/seeds.md)', () => {
  for (let n = 0; n < 5; n++) {
    it(`seed 00${n}: exactly the listed STRUCT findings`, () => {
      const { name, text } = seed(n);
      const fs = check(text, { fileName: name }).findings.filter((f) => f.rule.startsWith('STRUCT-'));
      const got: Row[] = fs.map((f) => [f.rule, lineOf(text, f.range.start), text.slice(f.range.start, f.range.end), f.message]);
      assert.deepEqual(got, EXPECTED[n]);
      for (const f of fs) assert.equal(f.fix?.kind ?? null, FIX[f.rule], `${f.rule} fix kind`);
    });
  }

  it('seed 004: the restart fix rewrites 一、二、三 of lines 7–9 as （一）（二）（三）', () => {
    const text = seed(4).text;
    const f = check(text, { fileName: seed(4).name }).findings.find((x) => x.rule === 'STRUCT-NUMBERING-RESTART')!;
    assert.deepEqual(f.fix!.edits.map((e) => [lineOf(text, e.start), text.slice(e.start, e.end), e.newText]), [[7, '一、', '（一）'], [8, '二、', '（二）'], [9, '三、', '（三）']]);
    assert.deepEqual(f.related.map((r) => lineOf(text, r.range.start)), [8, 9]);
  });

  it('seeds 003/004: the level fix rewrites the # run to ##', () => {
    for (const n of [3, 4]) {
      const text = seed(n).text;
      for (const f of check(text, { fileName: seed(n).name }).findings.filter((x) => x.rule === 'STRUCT-HEADING-LEVEL')) {
        assert.equal(f.fix!.edits.length, 1);
        assert.equal(f.fix!.edits[0].newText, '##');
        assert.equal(text.slice(f.fix!.edits[0].start, f.fix!.edits[0].end), text.slice(f.range.start, f.range.end));
      }
    }
  });

  it('seed 002: the wording fixes write the template titles', () => {
    const text = seed(2).text;
    const fixes = check(text, { fileName: seed(2).name }).findings.filter((x) => x.rule === 'STRUCT-HEADING-WORDING').map((f) => f.fix!.edits[0].newText);
    assert.deepEqual(fixes, ['收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况']);
  });

  it('the "must not" items: no section, level, row or header findings where docs/spec/seeds.md forbids them', () => {
    const rules = (n: number) => check(seed(n).text, { fileName: seed(n).name }).findings.map((f) => f.rule);
    // 000: table rows 一、/三、/四、 and the sub-heading （一）主动公开 are not sections; no ATX headings.
    assert.ok(!rules(0).some((r) => r.startsWith('STRUCT-SECTION-') || r === 'STRUCT-HEADING-LEVEL'));
    // 003 and 004: no STRUCT-ROW-* and no STRUCT-SECTION-* (list items 7–9 of 004 are not sections).
    for (const n of [3, 4]) assert.ok(!rules(n).some((r) => r.startsWith('STRUCT-ROW-') || r.startsWith('STRUCT-SECTION-')), `seed ${n}`);
    // 001: STRUCT-TABLE-HEADER on T4 only; 004: on T3 only.
    const header = (n: number) => {
      const r = check(seed(n).text, { fileName: seed(n).name });
      return r.findings.filter((f) => f.rule === 'STRUCT-TABLE-HEADER').map((f) => (['T2', 'T3', 'T4'] as const).find((id) => r.report.tables[id].range.start === f.range.start));
    };
    assert.deepEqual(header(1), ['T4']);
    assert.deepEqual(header(4), ['T3']);
  });
});
