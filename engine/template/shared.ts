// What the 2019 and 2021 formats share: the six sections, the T3 columns and most rows, T4.
import type { T3Col, T3Row, T4Col, T4Row } from '../model.ts';
import type { ColumnSpec, Display, SectionSpec, T3GroupSpec, T3RowSpec } from './types.ts';

const has = (s: string, ...words: string[]) => words.some((w) => s.includes(w));

export const SECTIONS: SectionSpec[] = [
  {
    key: 's1', index: 1, ordinal: '一', title: '总体情况',
    match: (t) => has(t, '总体情况', '概况', '概述', '基本情况'),
    display: { zh: '总体情况', en: 'Overview' },
  },
  {
    key: 's2', index: 2, ordinal: '二', title: '主动公开政府信息情况',
    match: (t) => t.includes('主动公开') && !t.includes('申请'),
    display: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' },
  },
  {
    key: 's3', index: 3, ordinal: '三', title: '收到和处理政府信息公开申请情况',
    match: (t) => t.includes('申请') && !has(t, '复议', '诉讼'),
    display: { zh: '收到和处理政府信息公开申请情况', en: 'Applications received and handled' },
  },
  {
    key: 's4', index: 4, ordinal: '四', title: '政府信息公开行政复议、行政诉讼情况',
    match: (t) => has(t, '复议', '诉讼'),
    display: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative review and litigation' },
  },
  {
    key: 's5', index: 5, ordinal: '五', title: '存在的主要问题及改进情况',
    match: (t) => has(t, '问题', '不足') && has(t, '改进', '整改', '措施', '打算', '下一步'),
    display: { zh: '存在的主要问题及改进情况', en: 'Main problems and improvements' },
  },
  {
    key: 's6', index: 6, ordinal: '六', title: '其他需要报告的事项',
    match: (t) => /^其[他它]/.test(t) && has(t, '事项', '报告', '说明'),
    display: { zh: '其他需要报告的事项', en: 'Other matters' },
  },
];

export const T3_COLUMNS: ColumnSpec<T3Col>[] = [
  { key: 'np', label: '自然人', kind: 'count', display: { zh: '自然人', en: 'Natural persons' } },
  { key: 'biz', label: '商业企业', kind: 'count', display: { zh: '商业企业', en: 'Commercial enterprises' } },
  { key: 'sci', label: '科研机构', kind: 'count', display: { zh: '科研机构', en: 'Research institutions' } },
  { key: 'ngo', label: '社会公益组织', kind: 'count', display: { zh: '社会公益组织', en: 'Public-interest organisations' } },
  { key: 'law', label: '法律服务机构', kind: 'count', display: { zh: '法律服务机构', en: 'Legal-service institutions' } },
  { key: 'oth', label: '其他', kind: 'count', display: { zh: '其他', en: 'Other organisations' } },
  { key: 'sub', label: '小计', kind: 'count', display: { zh: '法人或其他组织小计', en: 'Organisations subtotal' } },
  { key: 'tot', label: '总计', kind: 'count', display: { zh: '总计', en: 'Total' } },
];
/** The five kinds of organisation, in the template's column order. */
export const T3_ORGS: T3Col[] = ['biz', 'sci', 'ngo', 'law', 'oth'];
/** Header labels STRUCT-TABLE-HEADER looks for in T3. */
export const T3_HEADER_LABELS = ['自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const row = (key: T3Row, label: string, keyword: string, zh: string, en: string, group?: string): T3RowSpec =>
  ({ key, label, keyword, group, display: { zh, en } });

/** Rows common to both versions, in template order, before the （六） rows. */
export const T3_ROWS_HEAD: T3RowSpec[] = [
  row('new', '一、本年新收政府信息公开申请数量', '本年新收', '一、本年新收', 'I. New applications'),
  row('carry', '二、上年结转政府信息公开申请数量', '上年结转', '二、上年结转', 'II. Carried over from last year'),
  row('r1', '（一）予以公开', '予以公开', '（一）予以公开', '(1) Disclosed'),
  row('r2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开', '（二）部分公开', '(2) Partly disclosed'),
  row('r3_1', '1.属于国家秘密', '国家秘密', '（三）1.国家秘密', '(3)1 State secret', 'r3'),
  row('r3_2', '2.其他法律行政法规禁止公开', '法律行政法规禁止', '（三）2.其他法律行政法规禁止公开', '(3)2 Barred by other laws', 'r3'),
  row('r3_3', '3.危及“三安全一稳定”', '三安全一稳定', '（三）3.危及“三安全一稳定”', '(3)3 Security and stability', 'r3'),
  row('r3_4', '4.保护第三方合法权益', '第三方', '（三）4.保护第三方合法权益', '(3)4 Third-party rights', 'r3'),
  row('r3_5', '5.属于三类内部事务信息', '内部事务', '（三）5.三类内部事务信息', '(3)5 Internal affairs', 'r3'),
  row('r3_6', '6.属于四类过程性信息', '过程性', '（三）6.四类过程性信息', '(3)6 Process information', 'r3'),
  row('r3_7', '7.属于行政执法案卷', '行政执法案卷', '（三）7.行政执法案卷', '(3)7 Enforcement files', 'r3'),
  row('r3_8', '8.属于行政查询事项', '行政查询', '（三）8.行政查询事项', '(3)8 Administrative enquiries', 'r3'),
  row('r4_1', '1.本机关不掌握相关政府信息', '不掌握', '（四）1.本机关不掌握', '(4)1 Not held', 'r4'),
  row('r4_2', '2.没有现成信息需要另行制作', '另行制作', '（四）2.需要另行制作', '(4)2 Would need creating', 'r4'),
  row('r4_3', '3.补正后申请内容仍不明确', '仍不明确', '（四）3.补正后仍不明确', '(4)3 Unclear after correction', 'r4'),
  row('r5_1', '1.信访举报投诉类申请', '信访举报投诉', '（五）1.信访举报投诉类', '(5)1 Petitions and complaints', 'r5'),
  row('r5_2', '2.重复申请', '重复申请', '（五）2.重复申请', '(5)2 Duplicate applications', 'r5'),
  row('r5_3', '3.要求提供公开出版物', '公开出版物', '（五）3.要求提供公开出版物', '(5)3 Published material', 'r5'),
  row('r5_4', '4.无正当理由大量反复申请', '大量反复', '（五）4.大量反复申请', '(5)4 Mass repeated applications', 'r5'),
  row('r5_5', '5.要求行政机关确认或重新出具已获取信息', '确认或重新出具', '（五）5.要求确认或重新出具', '(5)5 Confirm or re-issue', 'r5'),
];

export const T3_ROWS_TAIL: T3RowSpec[] = [
  row('r7', '（七）总计', '', '（七）总计', '(7) Total'),
  row('fwd', '四、结转下年度继续办理', '结转下年度', '四、结转下年度', 'IV. Carried forward'),
];

export const T3_GROUPS: T3GroupSpec[] = [
  { key: 'results', keyword: '本年度办理结果', display: { zh: '三、本年度办理结果', en: 'III. Results' } },
  { key: 'r3', keyword: '不予公开', display: { zh: '（三）不予公开', en: '(3) Withheld' } },
  { key: 'r4', keyword: '无法提供', display: { zh: '（四）无法提供', en: '(4) Cannot be provided' } },
  { key: 'r5', keyword: '不予处理', display: { zh: '（五）不予处理', en: '(5) Not handled' } },
  { key: 'r6', keyword: '其他处理', display: { zh: '（六）其他处理', en: '(6) Other handling' } },
];

export const T4_GROUPS: { key: T4Row; label: string; display: Display }[] = [
  { key: 'rev', label: '行政复议', display: { zh: '行政复议', en: 'Administrative review' } },
  { key: 'dir', label: '未经复议直接起诉', display: { zh: '未经复议直接起诉', en: 'Suits without prior review' } },
  { key: 'post', label: '复议后起诉', display: { zh: '复议后起诉', en: 'Suits after review' } },
];
export const T4_COLUMNS: ColumnSpec<T4Col>[] = [
  { key: 'keep', label: '结果维持', kind: 'count', display: { zh: '结果维持', en: 'upheld' } },
  { key: 'fix', label: '结果纠正', kind: 'count', display: { zh: '结果纠正', en: 'corrected' } },
  { key: 'other', label: '其他结果', kind: 'count', display: { zh: '其他结果', en: 'other outcome' } },
  { key: 'pend', label: '尚未审结', kind: 'count', display: { zh: '尚未审结', en: 'pending' } },
  { key: 'tot', label: '总计', kind: 'count', display: { zh: '总计', en: 'total' } },
];
/** Header labels for STRUCT-TABLE-HEADER with the number of times each must occur. */
export const T4_HEADER_LABELS: [string, number][] = [
  ['行政复议', 1], ['行政诉讼', 1], ['未经复议直接起诉', 1], ['复议后起诉', 1],
  ['结果维持', 3], ['结果纠正', 3], ['其他结果', 3], ['尚未审结', 3], ['总计', 3],
];

/**
 * Words converters and web editors put in a table's header where the template has none or a merged
 * one ("| 项目 | 数量 |"): header text of any table, naming no column.
 */
export const GENERIC_HEADER_WORDS = ['项目', '数量', '内容', '类别', '名称', '指标', '序号', '件数', '类型', '事项'];

/** Labels of the tables' groups and super-headers: a heading that says only one of them is a caption, never a section. */
export const TABLE_CAPTION_LABELS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '申请人情况', '法人或其他组织'];

export const TABLE_NAMES: Record<'T2' | 'T3' | 'T4', Display> = {
  T2: { zh: '主动公开政府信息情况表', en: 'the proactive-disclosure table' },
  T3: { zh: '政府信息公开申请情况表', en: 'the applications table' },
  T4: { zh: '行政复议、行政诉讼情况表', en: 'the review and litigation table' },
};
