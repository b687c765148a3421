// A minimal report around hand-written tables: title, period statement, the six sections.
import { renderGrid, t2GridOf, t3GridOf, t4GridOf, type RewriteLayout } from './layouts.ts';

export interface DocParts {
  year?: number;
  agency?: string;
  t2?: string;
  t3?: string;
  t4?: string;
}

export function reportText(p: DocParts): string {
  const year = p.year ?? 2021;
  return [
    `${p.agency ?? '测试区人民政府办公室'}${year}年政府信息公开工作年度报告`,
    '',
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '一、总体情况',
    '本机关认真落实主动公开、依申请公开、政府信息管理、平台建设和监督保障各项工作。',
    '二、主动公开政府信息情况',
    '',
    p.t2 ?? '',
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    p.t3 ?? '',
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    p.t4 ?? '',
    '',
    '五、存在的主要问题及改进情况',
    '存在的问题是解读不足，下一步将加强改进。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

/** A value per cell id (a small hash of the id), so that a shifted row or column shows up. */
export function distinct(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 997;
  return String(h);
}

export const zero = () => '0';

export function t2Text(layout: RewriteLayout, raw: (id: string) => string = zero, version: '2019' | '2021' = '2021'): string {
  return renderGrid(t2GridOf(version, raw), layout).join('\n');
}

export function t3Text(layout: RewriteLayout, raw: (id: string) => string = zero, version: '2019' | '2021' = '2021', cols?: string[]): string {
  return renderGrid(t3GridOf(version, raw, cols), layout).join('\n');
}

export function t4Text(layout: RewriteLayout, raw: (id: string) => string = zero): string {
  return renderGrid(t4GridOf(raw), layout).join('\n');
}
