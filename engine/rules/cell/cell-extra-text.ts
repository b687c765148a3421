// CELL-EXTRA-TEXT: a readable number with something else in its cell — invisible padding
// (U+3000 from Word), the row label echoed before it (OCR), a unit the column already states, or
// the value glued to its label. The number is read as written; the residue is only noise.
import type { Cell, Table } from '../../model.ts';
import { withoutInlineMarkup } from '../../text.ts';
import { defineRule, type FixSpec } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import type { Display } from '../../template/types.ts';
import { emitPerCause, kindOf, valueCells, type CellNote } from './shared.ts';

const PADDING = /[\u3000\u00a0\u2000-\u200b\ufeff]/;

/** 全角空格×2 / full-width space ×2 … (docs/spec/rules.md §1 `{residue}`). */
function describePadding(chars: string[]): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  const add = (n: number, z: string, e: string) => {
    if (!n) return;
    zh.push(n > 1 ? `${z}×${n}` : z);
    en.push(n > 1 ? `${e} ×${n}` : e);
  };
  add(chars.filter((c) => c === '\u3000').length, '全角空格', 'full-width space');
  add(chars.filter((c) => c === '\u00a0').length, '不间断空格', 'no-break space');
  add(chars.filter((c) => /[\u2000-\u200b\ufeff]/.test(c)).length, '零宽字符', 'zero-width character');
  return { zh: zh.join('、'), en: en.join(', ') };
}

/**
 * Whether the cell's unit is one its column does not need: count units in count cells and
 * 万元/万 in the 2021 fee cell (its header says 万元). 元/亿元 there are T2-FEE-UNIT's concern, and
 * the 2019 purchase amount needs its unit (the template header names none).
 */
function unitUnneeded(table: Table, cell: Cell): boolean {
  if (!cell.flags.includes('unit') || !cell.unit) return false;
  const kind = kindOf(table, cell);
  if (kind === 'count' || kind === 'delta') return true;
  if (kind === 'fee') return cell.unit === '万元';
  return false;
}

export default defineRule({
  id: 'CELL-EXTRA-TEXT',
  severity: 'info',
  versions: ['any'],
  summary: { zh: '单元格中除数字外不应有其他内容', en: 'A cell holds only its number' },
  messages: {
    default: { zh: '{cell} 除数字 {value} 外还含有“{residue}”', en: '{cell} contains “{residue}” besides the number {value}' },
    table: { zh: '{table}中 {n} 个单元格除数字外还含有“{residue}”：{places}', en: '{n} cells of {table} contain “{residue}” besides their numbers: {places}' },
    fix: { zh: '只保留数字 {value}', en: 'Keep only the number {value}' },
    fixAll: { zh: '这 {n} 个单元格只保留数字', en: 'Keep only the numbers in these {n} cells' },
  },
  fixes: { fix: 'safe', fixAll: 'safe' },
  check({ text, report, emit }) {
    // One cause per kind of residue in a table (padding, an echoed label, a unit, a glued label).
    const notes: (CellNote & { residue: Display })[] = [];
    for (const { table, cell } of valueCells(report)) {
      if (cell.state !== 'number' || !cell.number) continue;
      // nearly every cell is a bare number: no display text to build for it
      if (cell.start === cell.number.start && cell.end === cell.number.end && !cell.flags.includes('glued')) continue;
      const args = { cell: cellDisplay(table, cell), value: cell.value! };
      if (cell.flags.includes('glued')) {
        // "行政许可0": the label and the value share one cell; rewriting it would move the label.
        const residue = cell.residue ?? '';
        notes.push({ table, cell, cause: 'glued', residue: { zh: residue, en: residue }, emission: { range: { start: cell.start, end: cell.end }, cell, args: { ...args, residue } } });
        continue;
      }
      const prefix = text.slice(cell.start, cell.number.start);
      const suffix = text.slice(cell.number.end, cell.end);
      const pads = [...prefix + suffix].filter((c) => PADDING.test(c));
      const padding = cell.flags.includes('padding') && pads.length > 0;
      // What the reader sees: inline markup a converter left in the cell is no residue of its own.
      const echo = cell.flags.includes('echo') ? withoutInlineMarkup(prefix).replace(/[\s\u3000\u00a0\u2000-\u200b\ufeff]+/g, '') : '';
      const unitText = withoutInlineMarkup(suffix).replace(/[\s\u3000\u00a0\u2000-\u200b\ufeff]+/g, '');
      const dropUnit = unitText !== '' && unitUnneeded(table, cell);
      if (!padding && !echo && !dropUnit) continue;
      const pad = padding ? describePadding(pads) : undefined;
      const parts = (lang: 'zh' | 'en') => [pad?.[lang], echo, dropUnit ? unitText : ''].filter(Boolean).join(lang === 'zh' ? '、' : ', ');
      // Keep the number as written (its width is CELL-FULLWIDTH-DIGIT's business) and a needed unit.
      const kept = text.slice(cell.number.start, cell.number.end) + (dropUnit ? '' : suffix.replace(/[\u3000\u00a0\u2000-\u200b\ufeff]/g, ''));
      const fix: FixSpec = { title: 'fix', args, edits: [{ start: cell.start, end: cell.end, newText: kept }] };
      const residue = { zh: parts('zh'), en: parts('en') };
      const cause = [padding ? 'padding' : '', echo ? 'echo' : '', dropUnit ? `unit:${unitText}` : ''].join('|');
      notes.push({ table, cell, cause, residue, emission: { range: { start: cell.start, end: cell.end }, cell, args: { ...args, residue }, fixes: [fix] } });
    }
    // The group's residue: each cell's, without its counts (全角空格×2 and 全角空格 are one kind).
    const kinds = (list: { residue: Display }[], lang: 'zh' | 'en') =>
      [...new Set(list.map((n) => n.residue[lang].replace(/ ?×\d+/g, '')))].join(lang === 'zh' ? '”“' : '”, “');
    emitPerCause(notes, emit, (list) => {
      const all = list as typeof notes;
      return { residue: { zh: kinds(all, 'zh'), en: kinds(all, 'en') } };
    });
  },
});
