// 国办公开办函〔2021〕30号: the format for reports on 2021 and later years.
import { T3_ROWS_HEAD, T3_ROWS_TAIL } from './shared.ts';
import type { T2Col, T2Row } from '../model.ts';
import type { ColumnSpec, T2RowSpec, T3RowSpec, TemplateSpec } from './types.ts';

const decisions: ColumnSpec<T2Col> = { key: 'decisions', label: '本年处理决定数量', kind: 'count', display: { zh: '本年处理决定数量', en: 'decisions' } };
const t2row = (key: T2Row, label: string, match: (h: string) => boolean, en: string): T2RowSpec =>
  ({ key, label, match, display: { zh: label, en } });

const r6Rows: T3RowSpec[] = [
  { key: 'r6_1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', keyword: '逾期不补正', group: 'r6', display: { zh: '（六）1.逾期不补正', en: '(6)1 Correction overdue' } },
  { key: 'r6_2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', keyword: '缴纳费用', group: 'r6', display: { zh: '（六）2.逾期未缴费', en: '(6)2 Fee unpaid' } },
  { key: 'r6_3', label: '3.其他', group: 'r6', display: { zh: '（六）3.其他', en: '(6)3 Other' } },
];

export const Y2021: TemplateSpec = {
  version: '2021',
  notice: '国办公开办函〔2021〕30号',
  t2: {
    blocks: [
      {
        key: '一', caption: '第二十条第（一）项',
        columns: [
          { key: 'made', label: '本年制发件数', kind: 'count', display: { zh: '本年制发件数', en: 'made this year' } },
          { key: 'repealed', label: '本年废止件数', kind: 'count', display: { zh: '本年废止件数', en: 'repealed this year' } },
          { key: 'valid', label: '现行有效件数', kind: 'count', display: { zh: '现行有效件数', en: 'in force' } },
        ],
        rows: [
          t2row('reg', '规章', (h) => h === '规章', 'Rules'),
          t2row('norm', '行政规范性文件', (h) => h.endsWith('规范性文件'), 'Normative documents'),
        ],
      },
      { key: '五', caption: '第二十条第（五）项', columns: [decisions], rows: [t2row('permit', '行政许可', (h) => h.includes('行政许可'), 'Licensing')] },
      {
        key: '六', caption: '第二十条第（六）项', columns: [decisions],
        rows: [t2row('penalty', '行政处罚', (h) => h.includes('行政处罚'), 'Penalties'), t2row('enforce', '行政强制', (h) => h.includes('行政强制'), 'Enforcement')],
      },
      {
        key: '八', caption: '第二十条第（八）项',
        columns: [{ key: 'amount', label: '本年收费金额', kind: 'fee', display: { zh: '本年收费金额', en: 'amount (10k yuan)' } }],
        rows: [t2row('fee', '行政事业性收费', (h) => h.includes('行政事业性收费'), 'Fees')],
      },
    ],
    signals: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  },
  t3: {
    rows: [...T3_ROWS_HEAD, ...r6Rows, ...T3_ROWS_TAIL],
    items: [...T3_ROWS_HEAD.slice(2).map((r) => r.key), 'r6_1', 'r6_2', 'r6_3'],
  },
};
