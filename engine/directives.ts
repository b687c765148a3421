// Inline directives: `<!-- govreport-disable RULE -->` … `<!-- govreport-enable RULE -->` and
// `<!-- govreport-disable-next-line RULE -->` (no rule id: every rule) silence findings locally.
import type { DocStructure } from './source/types.ts';
import type { LineIndex } from './text.ts';

export interface Directive {
  line: number; // 0-based line the directive stands on
  kind: 'disable' | 'enable' | 'disable-next-line';
  rules: string[] | 'all';
}

const DIRECTIVE = /govreport-(disable-next-line|disable|enable)\b([^]*)/;

export function directives(structure: DocStructure, index: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const c of structure.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    out.push({ line: index.lineAt(c.end), kind: m[1] as Directive['kind'], rules: ids.length ? ids : 'all' });
  }
  return out;
}

export function suppressed(ds: Directive[], rule: string, line: number): boolean {
  let off = false;
  for (const d of ds) {
    const hits = d.rules === 'all' || d.rules.includes(rule);
    if (!hits) continue;
    if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
    if (d.line > line) continue;
    if (d.kind === 'disable') off = true;
    if (d.kind === 'enable') off = false;
  }
  return off;
}

