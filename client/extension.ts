// The VS Code side: start the language server, route the commands to it, and show the active
// report's error/warning counts in the status bar. Everything else is the server's job.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_PROCESS_ENV } from '../server/protocol.ts';

const SOURCE = 'govreport';
const SERVER_COMMANDS = new Set(['govreport.recomputeTotals', 'govreport.fixAll']);

let client: LanguageClient | undefined;

/** Chinese when VS Code runs in Chinese; the two strings here do not justify an l10n bundle. */
const t = (zh: string, en: string) => (vscode.env.language.toLowerCase().startsWith('zh') ? zh : en);

export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath('out/server.cjs');
  // vscode-languageclient starts the server with its own environment plus `env`.
  const env = SERVER_PROCESS_ENV;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['markdown', 'plaintext', 'govreport'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.govreportrc.json') },
    middleware: {
      // The server's commands take a document URI; from the palette they get none, so the active
      // editor's document is meant. (The client registers these command ids itself, from the
      // server's executeCommandProvider, which is why the extension does not.)
      executeCommand: (command, args, next) => {
        if (!SERVER_COMMANDS.has(command)) return next(command, args);
        // Menus pass a vscode.Uri; the server takes the URI as a string.
        if (args[0] instanceof vscode.Uri) return next(command, [args[0].toString(), ...args.slice(1)]);
        if (args.length) return next(command, args);
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (!uri) return vscode.window.showWarningMessage(t('GovReport：请先打开一份年度报告。', 'GovReport: open a report first.'));
        return next(command, [uri]);
      },
    },
  };
  client = new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.restartServer', async () => {
      await client?.restart();
    }),
  );

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.name = 'GovReport';
  status.command = 'workbench.actions.view.problems';
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const ours = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE) : [];
    if (!doc || !ours.length) {
      status.hide();
      return;
    }
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    status.text = `$(error) ${errors} $(warning) ${warnings}`;
    status.tooltip = t(`GovReport：本报告有 ${errors} 个错误、${warnings} 个警告`, `GovReport: ${errors} error(s), ${warnings} warning(s) in this report`);
    status.show();
  };
  context.subscriptions.push(
    status,
    vscode.languages.onDidChangeDiagnostics(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );

  await client.start();
  update();
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
