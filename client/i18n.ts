// The client's own strings (status item, notifications, the preview's frame), Chinese first.
// They follow `govreport.language` as the server's messages do: Chinese unless the user chose
// English (`auto` follows the VS Code display language), so a Chinese report in an English UI
// still reads in Chinese by default.
import * as vscode from 'vscode';

const STRINGS = {
  'status.checking': { zh: '检查中', en: 'checking' },
  'status.ready': { zh: '{e} 个错误，{w} 个警告', en: '{e} error(s), {w} warning(s)' },
  'status.clean': { zh: '未发现问题', en: 'no problems' },
  'status.notReport': { zh: '非年度报告，未检查', en: 'not a report, not checked' },
  'status.off': { zh: '本工作区已关闭检查', en: 'checking is off in this workspace' },
  'status.starting': { zh: '正在启动', en: 'starting' },
  'status.stopped': { zh: '已停止：{reason}', en: 'stopped: {reason}' },
  'status.tooltip': { zh: 'GovReport 政府信息公开年度报告检查：{state}。单击查看问题。', en: 'GovReport annual-report checker: {state}. Click to see the problems.' },
  'status.tooltipStopped': { zh: 'GovReport 语言服务器已停止：{reason}。单击重启。', en: 'The GovReport language server stopped: {reason}. Click to restart.' },
  'reason.crashed': { zh: '语言服务器意外退出', en: 'the language server exited unexpectedly' },
  'reason.startFailed': { zh: '语言服务器无法启动', en: 'the language server could not start' },
  'openReport': { zh: 'GovReport：请先打开一份年度报告。', en: 'GovReport: open a report first.' },
  'toggle.off': { zh: 'GovReport：已关闭本工作区的检查。', en: 'GovReport: checking is off for this workspace.' },
  'toggle.on': { zh: 'GovReport：已开启本工作区的检查。', en: 'GovReport: checking is on for this workspace.' },
  'toggle.noWorkspace': { zh: 'GovReport：请先打开一个文件夹（工作区）。', en: 'GovReport: open a folder (workspace) first.' },
  'ruleDoc.missing': { zh: 'GovReport：没有规则 {id} 的说明页。', en: 'GovReport: there is no page for rule {id}.' },
  'ruleDoc.pick': { zh: '选择要查看说明的规则', en: 'Pick a rule to read about' },
  'paste.title': { zh: '粘贴为规范表格', en: 'Paste as canonical table' },
  'import.pick': { zh: '选择要导入的报告（.docx、.html、.pdf）', en: 'Pick a report to import (.docx, .html, .pdf)' },
  'import.exists': { zh: '{name} 已存在，是否覆盖？', en: '{name} exists. Overwrite it?' },
  'import.overwrite': { zh: '覆盖', en: 'Overwrite' },
  'import.failed': { zh: 'GovReport：无法导入 {name}：{reason}', en: 'GovReport: cannot import {name}: {reason}' },
  'import.done': { zh: 'GovReport：已导入为 {name}（表二 {T2}，表三 {T3}，表四 {T4}）。', en: 'GovReport: imported as {name} (table 2 {T2}, table 3 {T3}, table 4 {T4}).' },
  'table.bound': { zh: '已识别', en: 'read' },
  'table.partial': { zh: '部分识别', en: 'partly read' },
  'table.missing': { zh: '缺失', en: 'missing' },
  'table.unparseable': { zh: '无法识别', en: 'unreadable' },
  'workspace.title': { zh: 'GovReport：检查工作区全部报告', en: 'GovReport: checking every report in the workspace' },
  'workspace.progress': { zh: '{done}/{total} 个文件', en: '{done}/{total} files' },
  'workspace.none': { zh: 'GovReport：工作区中没有可检查的文件。', en: 'GovReport: no files to check in this workspace.' },
  'workspace.done': { zh: 'GovReport：已检查 {files} 个文件，其中 {reports} 份报告，共 {problems} 个问题。', en: 'GovReport: checked {files} file(s), {reports} report(s), {problems} problem(s).' },
  'workspace.unsupported': { zh: 'GovReport：当前语言服务器不支持检查工作区（{reason}）。', en: 'GovReport: this language server cannot check the workspace ({reason}).' },
  'preview.title': { zh: 'GovReport 表格预览', en: 'GovReport table preview' },
  'preview.empty': { zh: '当前文档不是年度报告，或尚未检查。', en: 'The document is not a report, or has not been checked yet.' },
  'preview.written': { zh: '填写', en: 'written' },
  'preview.computed': { zh: '计算', en: 'computed' },
  'preview.problems': { zh: '{n} 处问题', en: '{n} problem(s)' },
  'preview.noTable': { zh: '（本报告没有可识别的此表）', en: '(this table could not be read in the report)' },
  'preview.legend': { zh: '红框：有问题的单元格（单击跳转）。合计单元格显示“填写 / 计算”。', en: 'Red: cells with problems (click to jump). Totals show “written / computed”.' },
} satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof STRINGS;

/** 'zh' unless govreport.language says 'en' (or 'auto' under a non-Chinese display language). */
export function clientLang(): 'zh' | 'en' {
  const setting = vscode.workspace.getConfiguration('govreport').get<string>('language', 'zh');
  if (setting === 'en' || setting === 'zh') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function t(key: MessageKey, args: Record<string, string | number> = {}): string {
  return STRINGS[key][clientLang()].replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}
