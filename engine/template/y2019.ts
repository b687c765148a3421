// 国办公开办函〔2019〕60号: the trial format used for the 2019 and 2020 reports.
import { T3_ROWS_HEAD, T3_ROWS_TAIL } from './shared.ts';
import type { T2Col, T2Row } from '../model.ts';
import type { ColumnSpec, T2RowSpec, TemplateSpec } from './types.ts';

const col = (key: T2Col, label: string, kind: ColumnSpec['kind'], en: string): ColumnSpec<T2Col> =>
  ({ key, label, kind, display: { zh: label, en } });
const prev = col('prev', '上一年项目数量', 'count', "last year's items");
const delta = col('delta', '本年增/减', 'delta', 'change');
const decisions = col('decisions', '处理决定数量', 'count', 'decisions');
const t2row = (key: T2Row, label: string, match: (h: string) => boolean, en: string): T2RowSpec =>
  ({ key, label, match, display: { zh: label, en } });

export const Y2019: TemplateSpec = {
  version: '2019',
  notice: '国办公开办函〔2019〕60号',
  // 《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》
  noticeName: '关于政府信息公开工作年度报告有关事项的通知',
  t2: {
    blocks: [
      {
        key: '一', caption: '第二十条第（一）项',
        columns: [col('new', '本年新制作数量', 'count', 'new this year'), col('pub', '本年新公开数量', 'count', 'newly published'), col('total', '对外公开总数量', 'count', 'total published')],
        rows: [t2row('reg', '规章', (h) => h === '规章', 'Rules'), t2row('norm', '规范性文件', (h) => h.endsWith('规范性文件'), 'Normative documents')],
      },
      {
        key: '五', caption: '第二十条第（五）项', columns: [prev, delta, decisions],
        rows: [t2row('permit', '行政许可', (h) => h.includes('行政许可'), 'Licensing'), t2row('service', '其他对外管理服务事项', (h) => h.includes('对外管理服务'), 'Other services')],
      },
      {
        key: '六', caption: '第二十条第（六）项', columns: [prev, delta, decisions],
        rows: [t2row('penalty', '行政处罚', (h) => h.includes('行政处罚'), 'Penalties'), t2row('enforce', '行政强制', (h) => h.includes('行政强制'), 'Enforcement')],
      },
      { key: '八', caption: '第二十条第（八）项', columns: [prev, delta], rows: [t2row('fee', '行政事业性收费', (h) => h.includes('行政事业性收费'), 'Fees')] },
      {
        key: '九', caption: '第二十条第（九）项',
        columns: [col('count', '采购项目数量', 'count', 'projects'), col('amount', '采购总金额', 'money', 'total amount')],
        rows: [t2row('purchase', '政府集中采购', (h) => h.includes('政府集中采购'), 'Central procurement')],
      },
    ],
    signals: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '第二十条第(九)项', '政府集中采购', '采购项目数量', '采购总金额'],
  },
  t3: {
    rows: [
      ...T3_ROWS_HEAD,
      { key: 'r6', label: '（六）其他处理', keyword: '其他处理', display: { zh: '（六）其他处理', en: '(6) Other handling' } },
      ...T3_ROWS_TAIL,
    ],
    items: [...T3_ROWS_HEAD.slice(2).map((r) => r.key), 'r6'],
  },
};
