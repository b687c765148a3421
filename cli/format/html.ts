// One self-contained HTML page: a sortable summary of all reports, then per report its findings
// beside tables 三 and 四 drawn as grids (template labels), the cells with findings highlighted
// (class "hl", data-cell="t3.r7.np") with the computed value shown ("8 → 4"). All text escaped,
// and a strict Content-Security-Policy: nothing loads from anywhere, and the one inline script and
// the one inline style run only because their hashes are named (a script smuggled into the page
// through a report's text would not run even if escaping failed).
import { createHash } from 'node:crypto';
import type { Lang } from '../../engine/finding.ts';
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS, TABLE_NAMES, TEMPLATES } from '../../engine/template/index.ts';
import type { FileResult, GridTable, OutFinding } from '../types.ts';
import type { FormatInput } from './common.ts';
import { tr } from './common.ts';

export function esc(s: unknown): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-top:1px solid #ccc;padding-top:1em}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;font-size:13px}
th{background:#f2f2f2}th.sort{cursor:pointer;text-decoration:underline dotted}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.grid td.v{text-align:right;min-width:3.5em}
.grid td.hl{background:#ffd7d7;outline:2px solid #d33;font-weight:bold}
.grid td.hl.warning{background:#fff0c2;outline-color:#d90}.grid td.hl.info{background:#dfefff;outline-color:#39f}
.cols{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
.sev-error{color:#b00}.sev-warning{color:#a60}.sev-info{color:#06c}
ul.findings{padding-left:1.2em;max-width:48em}ul.findings li{margin:.25em 0}
.meta{color:#555}.note{color:#777;font-style:italic}
`;

const SORT_JS = `
document.querySelectorAll('th.sort').forEach(function(th){th.addEventListener('click',function(){
var t=th.closest('table'),b=t.tBodies[0],i=th.cellIndex,d=th.dataset.dir==='desc'?'asc':'desc';th.dataset.dir=d;
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var a=x.cells[i].dataset.v,c=y.cells[i].dataset.v;
var r=isNaN(a)||isNaN(c)?String(a).localeCompare(String(c)):a-c;return d==='desc'?-r:r;});rows.forEach(function(r){b.appendChild(r);});});});
`;

const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
export const CSP = `default-src 'none'; script-src ${hash(SORT_JS)}; style-src ${hash(CSS)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

function cellKey(f: OutFinding): string | null {
  return f.cell ? `${f.cell.table.toLowerCase()}.${f.cell.row}.${f.cell.col}` : null;
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

function drawGrid(
  id: 'T3' | 'T4', table: GridTable | undefined, byCell: Map<string, OutFinding[]>, lang: Lang,
): string {
  const name = TABLE_NAMES[id][lang];
  if (!table || table.status === 'missing' || table.status === 'unparseable') {
    return `<div><h3>${esc(name)}</h3><p class="note">${esc(tr(lang, `未能识别（${table?.status ?? 'missing'}）`, `not read (${table?.status ?? 'missing'})`))}</p></div>`;
  }
  let rows: { key: string; label: string }[];
  let cols: { key: string; label: string }[];
  if (id === 'T3') {
    const version = table.version ?? '2021';
    rows = TEMPLATES[version].t3.rows.map((r) => ({ key: r.key, label: r.display[lang] }));
    const hasSub = Object.keys(table.cells).some((k) => k.endsWith('.sub'));
    cols = T3_COLUMNS.filter((c) => c.key !== 'sub' || hasSub).map((c) => ({ key: c.key, label: c.display[lang] }));
  } else {
    rows = T4_GROUPS.map((g) => ({ key: g.key, label: g.display[lang] }));
    cols = T4_COLUMNS.map((c) => ({ key: c.key, label: c.display[lang] }));
  }
  const prefix = id.toLowerCase();
  let s = `<div><h3>${esc(name)}</h3><table class="grid" data-table="${id}"><thead><tr><th></th>`;
  for (const c of cols) s += `<th>${esc(c.label)}</th>`;
  s += '</tr></thead><tbody>';
  for (const r of rows) {
    s += `<tr><th scope="row">${esc(r.label)}</th>`;
    for (const c of cols) {
      const key = `${prefix}.${r.key}.${c.key}`;
      const cell = table.cells[key];
      const fs = byCell.get(key);
      let text = cell ? cell.raw.trim() : '';
      let cls = 'v';
      let title = '';
      if (fs && fs.length) {
        const worst = fs.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
        cls += ` hl ${worst.severity}`;
        // "written → computed" for the arithmetic-style findings (info ones are questions, not corrections);
        // a cell can have two expectations (e.g. （七）总计 by its items and by the balance): all are shown.
        const shown = fs.filter((f) => f.severity !== 'info' && f.computed !== null && f.written !== null && f.computed !== f.written);
        if (shown.length) text = `${shown[0].written} → ${[...new Set(shown.map((f) => f.computed))].join(' / ')}`;
        title = fs.map((f) => `${f.rule}: ${f.message}`).join('\n');
      }
      s += `<td class="${cls}" data-cell="${esc(key)}"${title ? ` title="${esc(title)}"` : ''}>${esc(text)}</td>`;
    }
    s += '</tr>';
  }
  return `${s}</tbody></table></div>`;
}

function reportSection(r: FileResult, i: number, lang: Lang): string {
  const byCell = new Map<string, OutFinding[]>();
  for (const f of r.findings) {
    const k = cellKey(f);
    if (k && (k.startsWith('t3.') || k.startsWith('t4.'))) byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  const meta = [r.agency ?? tr(lang, '（未识别机关）', '(agency unknown)'), r.year ?? '—', r.template ? tr(lang, `${r.template}年版模板`, `${r.template} template`) : '—'];
  // A fetched report links to where it was published (an http(s) address only: nothing else is a link).
  const source = r.url && /^https?:\/\//i.test(r.url)
    ? ` · <a class="source" href="${esc(r.url)}" rel="noopener noreferrer">${esc(tr(lang, '原文', 'source'))}</a>` : '';
  let s = `<section class="report" id="r${i}" data-path="${esc(r.path)}"${r.url ? ` data-url="${esc(r.url)}"` : ''}><h2>${esc(r.path)}</h2><p class="meta">${meta.map(esc).join(' · ')}${source}</p><div class="cols">`;
  s += '<div><h3>' + esc(tr(lang, `问题（${r.findings.length}）`, `Findings (${r.findings.length})`)) + '</h3>';
  if (r.findings.length) {
    s += '<ul class="findings">';
    for (const f of r.findings) {
      const k = cellKey(f);
      s += `<li class="sev-${f.severity}"${k ? ` data-cell="${esc(k)}"` : ''}><b>${esc(f.severity)}</b> <code>${esc(f.rule)}</code> ` +
        `<span class="loc">${esc(tr(lang, `第 ${f.range.start.line + 1} 行`, `line ${f.range.start.line + 1}`))}</span> ${esc(f.message)}</li>`;
    }
    s += '</ul>';
  } else s += `<p class="note">${esc(tr(lang, '未发现问题', 'No findings'))}</p>`;
  s += '</div>';
  if (r.grid) s += drawGrid('T3', r.grid.T3, byCell, lang) + drawGrid('T4', r.grid.T4, byCell, lang);
  return `${s}</div></section>\n`;
}

export function* formatHtml(input: FormatInput): Generator<string> {
  const { results, summary, lang } = input;
  const title = tr(lang, '政府信息公开工作年度报告检查结果', 'Annual disclosure report check results');
  yield `<!DOCTYPE html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">` +
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>\n<h1>${esc(title)}</h1>\n` +
    `<p class="meta">govreport ${esc(input.version)} · ${esc(tr(lang,
      `文件 ${summary.files} 个；错误 ${summary.errors}，警告 ${summary.warnings}，提示 ${summary.infos}；无法读取 ${summary.unreadable}`,
      `${summary.files} file(s); ${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info(s); ${summary.unreadable} unreadable`))}</p>\n`;
  const h = (zh: string, en: string) => esc(tr(lang, zh, en));
  let s = `<table id="summary"><thead><tr><th class="sort">${h('文件', 'File')}</th><th class="sort">${h('机关', 'Agency')}</th>` +
    `<th class="sort">${h('年度', 'Year')}</th><th class="sort" id="sort-errors">${h('错误', 'Errors')}</th>` +
    `<th class="sort">${h('警告', 'Warnings')}</th><th class="sort">${h('提示', 'Infos')}</th></tr></thead><tbody>`;
  results.forEach((r, i) => {
    const n = (sev: string) => r.findings.filter((f) => f.severity === sev).length;
    s += `<tr><td data-v="${esc(r.path)}"><a href="#r${i}">${esc(r.path)}</a></td><td data-v="${esc(r.agency ?? '')}">${esc(r.agency ?? '')}</td>` +
      `<td class="n" data-v="${r.year ?? ''}">${r.year ?? ''}</td><td class="n errors" data-v="${n('error')}">${n('error')}</td>` +
      `<td class="n" data-v="${n('warning')}">${n('warning')}</td><td class="n" data-v="${n('info')}">${n('info')}</td></tr>`;
  });
  yield `${s}</tbody></table>\n`;
  for (let i = 0; i < results.length; i++) yield reportSection(results[i], i, lang);
  yield `<script>${SORT_JS}</script>\n</body></html>\n`;
}
