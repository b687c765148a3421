// The table preview: a webview beside the report drawing 表二/表三/表四 as the official grid the
// server sends (govreport/tables), with the written and the computed value of every total and the
// cells with findings marked. It follows the active report and its cursor, redraws as the user
// types, and a click on a cell selects that cell in the document. The webview runs one script
// under a strict CSP (nonce; no inline handlers, no remote or local resources) and builds the grid
// with DOM calls, so no text from the document is ever read as markup.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TABLES_REQUEST, type Rng, type TablesResult } from '../server/requests/protocol.ts';
import { clientLang, t } from './i18n.ts';

/** What the webview says it drew (the tests read it through govreport.previewState). */
export interface Rendered {
  uri: string;
  version: number;
  tables: { id: string; status: string; cells: number; broken: number; totals: number }[];
  active: string | null;
}

const contains = (r: Rng, p: vscode.Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

export class TablePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private data: TablesResult | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly subs: vscode.Disposable[] = [];
  rendered: Rendered | undefined;
  private renderedWaiters: (() => void)[] = [];

  constructor(private readonly client: () => LanguageClient | undefined, private readonly isOurs: (d: vscode.TextDocument) => boolean) {
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e && this.isOurs(e.document) && e.document.uri.toString() !== this.uri?.toString()) {
          this.uri = e.document.uri;
          void this.refresh();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document.uri.toString() === this.uri?.toString()) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && e.textEditor.document.uri.toString() === this.uri?.toString()) this.postActive(e.selections[0].active);
      }),
      // A check finished (the server publishes after every change): the grid reflects it.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.panel && this.uri && e.uris.some((u) => u.toString() === this.uri!.toString())) this.schedule(0);
      }),
    );
  }

  /** Opens (or reveals) the preview for `uri` or the active report. */
  async show(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showWarningMessage(t('openReport'));
      return;
    }
    this.uri = target;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('govreport.preview', t('preview.title'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.rendered = undefined;
      });
      this.panel.webview.onDidReceiveMessage((m: { type: string; range?: Rng; rendered?: Rendered }) => {
        if (m.type === 'reveal' && m.range) void this.reveal(m.range);
        if (m.type === 'ready') void this.refresh();
        if (m.type === 'rendered' && m.rendered) {
          this.rendered = m.rendered;
          for (const w of this.renderedWaiters.splice(0)) w();
        }
      });
      this.panel.webview.html = this.html();
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      await this.refresh();
    }
  }

  /** Selects the cell in the document (what a click in the grid does). */
  async reveal(range: Rng): Promise<void> {
    if (!this.uri) return;
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private schedule(ms = 100): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    if (!this.panel || !this.uri || !client?.isRunning()) return;
    const uri = this.uri;
    let data: TablesResult | null = null;
    try {
      data = await client.sendRequest<TablesResult | null>(TABLES_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri) });
    } catch {
      return; // the document changed meanwhile; the next change asks again
    }
    if (!this.panel || uri.toString() !== this.uri?.toString()) return;
    this.data = data;
    const name = uri.path.split('/').pop() ?? '';
    this.panel.title = `${t('preview.title')} · ${name}`;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    void this.panel.webview.postMessage({
      type: 'tables', data, active: editor ? this.cellAt(editor.selection.active) : null,
      strings: {
        written: t('preview.written'), computed: t('preview.computed'), empty: t('preview.empty'), noTable: t('preview.noTable'),
        legend: t('preview.legend'), problems: t('preview.problems', { n: '{n}' }),
        bound: t('table.bound'), partial: t('table.partial'), missing: t('table.missing'), unparseable: t('table.unparseable'),
      },
      lang: clientLang(),
    });
  }

  private cellAt(p: vscode.Position): string | null {
    for (const table of this.data?.tables ?? []) {
      for (const row of table.rows) for (const c of row) if (c.range && contains(c.range, p)) return c.cell ?? null;
    }
    return null;
  }

  private postActive(p: vscode.Position): void {
    void this.panel?.webview.postMessage({ type: 'active', cell: this.cellAt(p) });
  }

  /** Resolves when the webview has drawn the next time (tests). */
  nextRender(timeoutMs = 10_000): Promise<Rendered | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.rendered), timeoutMs);
      this.renderedWaiters.push(() => {
        clearTimeout(timer);
        resolve(this.rendered);
      });
    });
  }

  private html(): string {
    const nonce = randomBytes(16).toString('base64');
    const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="${clientLang() === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: 12px; color: var(--vscode-foreground); padding: 8px; }
h2 { font-size: 13px; margin: 16px 0 6px; }
h2 .state { font-weight: normal; opacity: .75; margin-left: 8px; }
h2 .bad { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; margin-bottom: 8px; }
td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 4px; vertical-align: middle; }
td.header, td.caption { background: var(--vscode-editorWidget-background); font-weight: 600; text-align: center; }
td.label { max-width: 18em; }
td.value { text-align: right; min-width: 2.5em; font-variant-numeric: tabular-nums; }
td.value.at { cursor: pointer; }
td.value.at:hover { outline: 1px solid var(--vscode-focusBorder); }
td.error { background: var(--vscode-inputValidation-errorBackground, #f003); outline: 2px solid var(--vscode-editorError-foreground, #e51400); }
td.warning { background: var(--vscode-inputValidation-warningBackground, #fc03); }
td.info { background: var(--vscode-inputValidation-infoBackground, #08f2); }
td.active { outline: 2px solid var(--vscode-focusBorder, #07f); }
.total .computed { display: block; font-size: 10px; opacity: .8; }
.legend, .empty { opacity: .75; }
</style></head>
<body><div id="root"></div>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  let state = null;
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  function draw() {
    root.replaceChildren();
    const { data, strings } = state;
    const summary = [];
    if (!data) { root.append(el('p', 'empty', strings.empty)); report(summary); return; }
    root.append(el('p', 'legend', strings.legend));
    for (const table of data.tables) {
      const h = el('h2', '', table.title);
      h.append(el('span', 'state', strings[table.status] || table.status));
      if (table.problems) h.append(el('span', 'state bad', strings.problems.replace('{n}', table.problems)));
      root.append(h);
      let cells = 0, broken = 0, totals = 0;
      if (!table.rows.length) { root.append(el('p', 'empty', strings.noTable)); summary.push({ id: table.id, status: table.status, cells, broken, totals }); continue; }
      const grid = el('table');
      grid.dataset.table = table.id;
      for (const row of table.rows) {
        const tr = el('tr');
        for (const c of row) {
          const td = el('td', c.role);
          if (c.colSpan) td.colSpan = c.colSpan;
          if (c.rowSpan) td.rowSpan = c.rowSpan;
          if (c.role === 'value') {
            cells++;
            if (c.cell) td.dataset.cell = c.cell;
            const written = el('span', 'written', c.text);
            td.append(written);
            if (c.computed && c.computed.length) {
              totals++;
              td.classList.add('total');
              const shown = c.computed.map((v) => (v === null ? '?' : String(v)));
              const differs = c.computed.some((v) => v !== c.written);
              td.append(el('span', 'computed', (differs ? '≠ ' : '= ') + shown.join(' / ')));
            }
            const tips = [];
            if (c.formulas) tips.push(...c.formulas);
            if (c.problems) { tips.push(...c.problems); broken++; td.classList.add(c.severity || 'error'); }
            if (tips.length) td.title = tips.join('\\n');
            if (c.range) { td.classList.add('at'); td.addEventListener('click', () => vscode.postMessage({ type: 'reveal', range: c.range })); }
          } else td.textContent = c.text;
          tr.append(td);
        }
        grid.append(tr);
      }
      root.append(grid);
      summary.push({ id: table.id, status: table.status, cells, broken, totals });
    }
    markActive();
    report(summary);
  }
  function markActive() {
    for (const e of document.querySelectorAll('td.active')) e.classList.remove('active');
    if (!state || !state.active) return;
    const td = document.querySelector('td[data-cell="' + CSS.escape(state.active) + '"]');
    if (td) { td.classList.add('active'); td.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  }
  let lastSummary = [];
  function report(tables) {
    lastSummary = tables;
    vscode.postMessage({ type: 'rendered', rendered: { uri: state.data ? state.data.uri : '', version: state.data ? state.data.version : -1, tables, active: state.active || null } });
  }
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'tables') { state = m; draw(); }
    if (m.type === 'active' && state) { state.active = m.cell; markActive(); report(lastSummary); }
  });
  vscode.postMessage({ type: 'ready' });
})();
</script></body></html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}
