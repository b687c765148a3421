// The status item: names the tool and shows the state of the active report — starting, checking,
// its error/warning counts, not a report, off for this workspace, or the server stopped and why.
// A click opens the Problems panel (or restarts a stopped server).
import * as vscode from 'vscode';
import { t } from './i18n.ts';

export const SOURCE = 'govreport';

export type ServerState = { kind: 'starting' } | { kind: 'running' } | { kind: 'stopped'; reason: string };

export class Status implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Left, 100);
  private server: ServerState = { kind: 'starting' };
  /** Documents changed or opened whose diagnostics have not come back yet. */
  private readonly pending = new Set<string>();
  /** Documents the server looked at and found no report in. */
  readonly notReports = new Set<string>();

  constructor(private readonly isOurs: (doc: vscode.TextDocument) => boolean) {
    this.item.name = 'GovReport';
  }

  setServer(state: ServerState): void {
    this.server = state;
    this.update();
  }

  checking(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
  }

  checked(uri: vscode.Uri): void {
    this.pending.delete(uri.toString());
    this.update();
  }

  /** The text shown now, for tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const item = this.item;
    const doc = vscode.window.activeTextEditor?.document;
    if (this.server.kind === 'stopped') {
      item.text = `$(error) GovReport: ${t('status.stopped', { reason: this.server.reason })}`;
      item.tooltip = t('status.tooltipStopped', { reason: this.server.reason });
      item.command = 'govreport.restartServer';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      return;
    }
    item.backgroundColor = undefined;
    item.command = 'workbench.actions.view.problems';
    if (!doc || !this.isOurs(doc)) {
      item.hide();
      return;
    }
    const uri = doc.uri.toString();
    let state: string;
    let icon = '$(checklist)';
    if (this.server.kind === 'starting') {
      state = t('status.starting');
      icon = '$(loading~spin)';
    } else if (vscode.workspace.getConfiguration('govreport', doc.uri).get('validate') === 'never') {
      state = t('status.off');
      icon = '$(circle-slash)';
    } else if (this.pending.has(uri)) {
      state = t('status.checking');
      icon = '$(loading~spin)';
    } else if (this.notReports.has(uri)) {
      state = t('status.notReport');
      icon = '$(circle-slash)';
    } else {
      const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
      const e = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const w = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      state = e || w ? t('status.ready', { e, w }) : t('status.clean');
      icon = e ? '$(error)' : w ? '$(warning)' : '$(pass)';
    }
    item.text = `${icon} GovReport: ${state}`;
    item.tooltip = t('status.tooltip', { state });
    item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
