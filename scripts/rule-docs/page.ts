// Renders a rule's pages: the facts from the rule object (summary, default level, the formats it
// applies to, its fixes and their kinds, how to turn it off) around the hand-written explanation
// and examples of its source. Pages are self-contained: a user opens them from the editor or a
// report with nothing else of the repository at hand.
import { rulePagePath } from '../../engine/rule-pages.ts';
import { expectedVersion, TEMPLATES } from '../../engine/template/index.ts';
import type { TemplateVersion } from '../../engine/model.ts';
import type { Documented, NoticeScope } from './catalogue.ts';
import { sectionsOf, type DocSource, type Example, type ExampleBlock, type Lang, type Part } from './source.ts';

const SEVERITY: Record<Lang, Record<string, string>> = {
  zh: { error: '错误（error）', warning: '警告（warning）', info: '提示（info）' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const SEVERITY_SHORT: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

const ORDINAL = ['', '一', '二', '三', '四', '五', '六'];

/** The report years a template version is required for, worked out from the engine's own mapping. */
function yearsOf(v: TemplateVersion): { first: number; last?: number } {
  const years: number[] = [];
  for (let y = 2000; y <= 2100; y++) if (expectedVersion(y) === v) years.push(y);
  const last = years[years.length - 1];
  return { first: years[0], last: last === 2100 ? undefined : last };
}

function versionText(v: TemplateVersion, lang: Lang): string {
  const { first, last } = yearsOf(v);
  const notice = TEMPLATES[v].notice;
  if (lang === 'zh') {
    const span = last === undefined ? `${first} 年度及以后的报告` : last === first ? `${first} 年度报告` : last === first + 1 ? `${first}、${last} 年度报告` : `${first}—${last} 年度报告`;
    return `${v} 年版格式（${notice}，${span}）`;
  }
  const span = last === undefined ? `reports on ${first} and later` : last === first ? `reports on ${first}` : last === first + 1 ? `reports on ${first} and ${last}` : `reports on ${first}–${last}`;
  return `the ${v} format (${notice}, ${span})`;
}

const NOTICE_SCOPE: Record<Lang, Record<NoticeScope, string>> = {
  zh: {
    file: '命令行检查的每个文件',
    url: '命令行按网址检查的每份报告（`govreport check https://…` 或 `--urls 网址列表`）',
    fix: '`govreport check --fix` 要修复的每个文件',
    config: '每次检查所用的配置（`.govreportrc.json`）',
    xyear: '命令行一次检查同一机关相邻两个年度的报告时，比较这两份报告',
  },
  en: {
    file: 'every file the command line checks',
    url: 'every report the command line checks by its address (`govreport check https://…` or `--urls LIST`)',
    fix: 'every file `govreport check --fix` is to fix',
    config: 'the configuration of every check (`.govreportrc.json`)',
    xyear: 'two reports of one agency on consecutive years, when the command line checks them together',
  },
};

function appliesTo(d: Documented, lang: Lang): string {
  const zh = lang === 'zh';
  if (d.notice) return NOTICE_SCOPE[lang][d.notice.scope];
  const { versions, always } = d.rule;
  const formats = versions.filter((v): v is TemplateVersion => v !== 'any');
  let text: string;
  if (versions.includes('any')) text = zh ? '所有报告，包括无法确定格式版本的报告' : 'every report, including one whose format cannot be told';
  else {
    const list = formats.map((v) => versionText(v, lang)).join(zh ? '和' : ' and ');
    text = zh ? `按 ${list}编写的报告` : `reports in ${list}`;
  }
  if (always) text += zh ? '；2019 年以前的报告也检查' : '; reports from before 2019 too';
  else text += zh ? '；2019 年以前的报告（早于现行格式）不检查' : '; not reports from before 2019 (older than the current formats)';
  return text;
}

/** A fix title with its placeholders shown as "…" (the page has no finding to fill them from). */
function fixTitle(template: string): string {
  return template.replace(/\{\w+\}/g, '…');
}

function fixesSection(d: Documented, src: DocSource, lang: Lang): string[] {
  const zh = lang === 'zh';
  const out = [zh ? '## 修复' : '## Fixes', ''];
  const fixes = Object.entries((!d.notice && d.rule.fixes) || {});
  // Without fixes, the source's note (which says why there is none) stands alone.
  if (!fixes.length && !src.fixNote) out.push(zh ? '本规则不提供自动修复。' : 'This rule offers no automatic fix.', '');
  for (const [key, kind] of fixes) {
    const title = fixTitle(d.rule.messages[key][lang]);
    if (kind === 'safe') {
      out.push(zh
        ? `- 安全修复“${title}”：不改变任何数值或含义。编辑器中可用“修复所有可自动修复的问题”（\`source.fixAll.govreport\`，也可设为保存时执行）一并应用，命令行 \`govreport check --fix\` 也会应用。`
        : `- Safe fix “${title}”: changes no value and no meaning. The editor applies it with the other safe fixes (\`source.fixAll.govreport\`, also on save if you set it so), and so does \`govreport check --fix\`.`);
    } else {
      out.push(zh
        ? `- 不安全修复“${title}”：会改变数值或内容，只在手动选择这个快速修复时应用，从不自动应用。`
        : `- Unsafe fix “${title}”: changes a value or the content, so it is applied only when you choose this quick fix, never automatically.`);
    }
  }
  if (fixes.length) out.push('');
  if (src.fixNote) out.push(src.fixNote[lang], '');
  return out;
}

function configSection(d: Documented, lang: Lang): string[] {
  const zh = lang === 'zh';
  const id = d.rule.id;
  const out = [zh ? '## 关闭或调整' : '## Turning it off or changing its level', ''];
  if (d.notice?.scope === 'config') {
    out.push(zh
      ? '本条报告配置本身的问题，不能关闭；改正配置后即不再出现。'
      : 'This notice is about the configuration itself and cannot be turned off; it goes away once the configuration is corrected.', '');
    return out;
  }
  if (d.notice && !d.notice.configurable) {
    out.push(zh
      ? '本条不能关闭，也不能调整级别：它说明这份报告没有得到完整的检查，关闭后结果会显得没有问题。按消息处理后即不再出现。'
      : 'This notice cannot be turned off and its level cannot be changed: it says the report was not fully checked, and without it the result would look clean. It goes away once the cause in the message is dealt with.', '');
    return out;
  }
  out.push(
    zh
      ? '在报告所在文件夹或其上级文件夹的 `.govreportrc.json` 中为本规则设置级别，`"off"` 为关闭：'
      : 'Set the rule’s level in a `.govreportrc.json` in the report’s folder or a folder above it; `"off"` turns it off:',
    '',
    '```json',
    `{ "rules": { "${id}": "off" } }`,
    '```',
    '',
    zh
      ? '级别可以是 `"error"`（错误）、`"warning"`（警告）、`"info"`（提示）或 `"off"`（关闭）。在 VS Code 中也可以在设置 `govreport.rules` 中调整。'
      : 'The level is one of `"error"`, `"warning"`, `"info"` and `"off"`. In VS Code, the setting `govreport.rules` does the same.',
    '',
  );
  if (!d.notice) {
    out.push(zh
      ? `只想在报告的某处关闭时，在报告中写注释：\`<!-- govreport-disable-next-line ${id} -->\` 关闭下一行的本项检查；\`<!-- govreport-disable ${id} -->\` 与 \`<!-- govreport-enable ${id} -->\` 之间不做本项检查。`
      : `To turn it off in one place of a report, write a comment in the report: \`<!-- govreport-disable-next-line ${id} -->\` turns it off for the next line; nothing between \`<!-- govreport-disable ${id} -->\` and \`<!-- govreport-enable ${id} -->\` is checked by it.`, '');
  }
  return out;
}

function partName(part: Part, lang: Lang): string {
  const zh = lang === 'zh';
  if (part === 'head') return zh ? '开头（第一部分之前）' : 'the opening (before section 1)';
  const sections = sectionsOf(part);
  if (sections && sections[0] === sections[1]) return zh ? `第${ORDINAL[sections[0]]}部分（含标题）` : `section ${sections[0]} (with its heading)`;
  if (sections) return zh ? `第${ORDINAL[sections[0]]}至第${ORDINAL[sections[1]]}部分（含标题）` : `sections ${sections[0]} to ${sections[1]} (with their headings)`;
  return zh ? `表${ORDINAL[Number(part[1])]}` : `table ${part[1]}`;
}

const LAYOUT: Record<Lang, Record<'md' | 'text', string>> = {
  zh: { md: 'Markdown', text: '纯文本' },
  en: { md: 'Markdown', text: 'plain text' },
};

/** A fence longer than any backtick run inside the block. */
function fenced(body: string, info: string): string[] {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [fence + info, ...(body ? body.split('\n') : []), fence];
}

/** The layout of an example's report blocks (Markdown when it has none of its own). */
export function reportLayout(ex: Example): 'md' | 'text' {
  return (ex.blocks.find((b) => b.layout !== 'json')?.layout ?? 'md') as 'md' | 'text';
}

function intro(ex: Example, lang: Lang): string {
  const zh = lang === 'zh';
  const layout = LAYOUT[lang][reportLayout(ex)];
  const join = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(zh ? '、' : ', ')}${zh ? '和' : ' and '}${names[names.length - 1]}`);
  const own = ex.blocks.filter((b) => !b.prev && b.part !== 'config');
  const prev = ex.blocks.filter((b) => b.prev);
  const config = ex.blocks.some((b) => b.part === 'config');
  let text: string;
  if (own[0]?.hex) text = zh ? '一个文件（按十六进制列出它的字节）' : 'A file (its bytes in hexadecimal)';
  else if (own[0]?.part === 'report') text = zh ? `一份完整的报告（${layout}）` : `A whole report (${layout})`;
  else if (own.length) {
    const list = join(own.map((b) => partName(b.part, lang)));
    text = zh ? `${ex.year} 年度报告（${layout}）的${list}，报告的其余部分符合格式要求` : `${capitalise(list)} of a report on ${ex.year} (${layout}); the rest of the report follows the format`;
  } else text = zh ? `一份符合格式要求的 ${ex.year} 年度报告（${layout}）` : `A report on ${ex.year} that follows the format (${layout})`;
  if (prev.length) {
    const list = join(prev.map((b) => partName(b.part, lang)));
    text += zh
      ? `；同一机关上一年度（${ex.year - 1} 年度）报告的${list}，其余部分同样符合格式要求`
      : `; ${list} of the same agency’s report on ${ex.year - 1}, whose rest follows the format too`;
  }
  const { run } = ex;
  const name = `${ex.year}.${reportLayout(ex) === 'md' ? 'md' : 'txt'}`;
  if (run.url && run.url.status !== 200) {
    text = zh
      ? `网址 \`https://…/${name}\`，服务器对它回答 HTTP ${run.url.status}，内容如下`
      : `The address \`https://…/${name}\`, which the server answers with HTTP ${run.url.status} and this body`;
  } else if (run.url) text += zh ? `；报告发布在网上，按网址检查：\`govreport check https://…/${name}\`` : `; the report is published on the web and checked by its address: \`govreport check https://…/${name}\``;
  if (run.readonly) text += zh ? '；文件为只读' : '; the file is read-only';
  if (run.fix) text += zh ? '；用 `govreport check --fix` 检查并修复' : '; checked and fixed with `govreport check --fix`';
  if (run.fault) text += zh ? '；检查这个文件时程序内部出错（此处为模拟的错误）' : '; the checker fails while checking it (a simulated failure)';
  if (config && run.configAbove) {
    text += zh
      ? `；报告保存为 \`/data/reports/${name}\`，配置文件 \`.govreportrc.json\` 在上一级文件夹 \`/data\` 中；在 \`/data/reports\` 中运行 \`govreport check ${name}\``
      : `; the report is saved as \`/data/reports/${name}\` and the configuration file \`.govreportrc.json\` is in the folder above, \`/data\`; \`govreport check ${name}\` is run in \`/data/reports\``;
  } else if (config) text += zh ? '；报告所在文件夹中的配置文件 `.govreportrc.json`' : '; the configuration file `.govreportrc.json` in the report’s folder';
  return `*${text}${zh ? '：' : ':'}*`;
}

function blockLabel(ex: Example, b: ExampleBlock, lang: Lang): string {
  const zh = lang === 'zh';
  if (b.part === 'config' && ex.run.configAbove) return zh ? '上一级文件夹中的 `.govreportrc.json`：' : '`.govreportrc.json` in the folder above:';
  if (b.part === 'config') return '`.govreportrc.json`' + (zh ? '：' : ':');
  const name = b.part === 'report' ? (zh ? '报告' : 'the report') : partName(b.part, lang);
  if (b.prev) return zh ? `上一年度报告的${name}：` : `Last year’s report, ${name}:`;
  return zh ? `${name}：` : `${capitalise(name)}:`;
}

function exampleLines(ex: Example, severity: string, lang: Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  if (ex.caption) out.push(ex.caption[lang], '');
  out.push(intro(ex, lang), '');
  for (const b of ex.blocks) {
    if (ex.blocks.length > 1) out.push(blockLabel(ex, b, lang), '');
    const info = b.layout === 'md' ? 'markdown' : b.layout === 'json' ? 'json' : 'text';
    out.push(...fenced(b.body, info), '');
  }
  if (ex.messages[lang].length) {
    out.push(zh ? `检查结果（${SEVERITY_SHORT[severity]}）：` : `What the checker reports (${severity}):`, '');
    for (const m of ex.messages[lang]) out.push(`- ${m}`);
    out.push('');
  }
  return out;
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

export function renderPage(d: Documented, src: DocSource, lang: Lang): string {
  const zh = lang === 'zh';
  const { rule } = d;
  const other = lang === 'zh' ? 'en' : 'zh';
  const otherLink = relative(rulePagePath(rule.id, lang), rulePagePath(rule.id, other));
  const fixes = Object.values((!d.notice && d.rule.fixes) || {});
  const fixKinds = !fixes.length
    ? (zh ? '无' : 'none')
    : [...new Set(fixes)].map((k) => (k === 'safe' ? (zh ? '安全修复' : 'safe') : zh ? '不安全修复' : 'unsafe')).join(zh ? '、' : ', ');
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.summary[lang]}**`,
    '',
    zh ? `- 默认级别：${SEVERITY.zh[rule.severity]}` : `- Default level: ${SEVERITY.en[rule.severity]}`,
    zh ? `- 适用范围：${appliesTo(d, lang)}` : `- Applies to: ${appliesTo(d, lang)}`,
    zh ? `- 自动修复：${fixKinds}` : `- Fixes: ${fixKinds}`,
    zh ? `- [English](${otherLink})` : `- [中文](${otherLink})`,
    '',
    zh ? '## 检查内容' : '## What it checks',
    '',
    src.checks[lang],
    '',
    zh ? '## 为什么' : '## Why',
    '',
    src.why[lang],
    '',
    zh ? '## 不通过的例子' : '## Failing example',
    '',
    ...src.failing.flatMap((ex) => exampleLines(ex, rule.severity, lang)),
    zh ? '## 通过的例子' : '## Passing example',
    '',
    ...src.passing.flatMap((ex) => exampleLines(ex, rule.severity, lang)),
    ...fixesSection(d, src, lang),
    ...configSection(d, lang),
    zh
      ? `<!-- 本页由 npm run docs 根据规则定义和 docs/rules/src/${rule.id}.md 生成；请修改它们，不要修改本页。 -->`
      : `<!-- Generated by npm run docs from the rule object and docs/rules/src/${rule.id}.md; edit those, not this page. -->`,
    '',
  ];
  return lines.join('\n');
}

/** The index page of every documented rule, per language. */
export function renderIndex(all: Documented[], lang: Lang): string {
  const zh = lang === 'zh';
  const here = rulePagePath('README', lang);
  const rows = all.map(({ rule }) => `| [${rule.id}](${relative(here, rulePagePath(rule.id, lang))}) | ${SEVERITY[lang][rule.severity]} | ${rule.summary[lang]} |`);
  return [
    zh ? '# GovReport 检查规则' : '# GovReport rules',
    '',
    zh
      ? `每条规则一页：检查什么、为什么、不通过和通过的例子、修复方式，以及如何关闭或调整级别。[English](${relative(here, rulePagePath('README', 'en'))})`
      : `One page per rule: what it checks and why, a failing and a passing example, its fixes, and how to turn it off or change its level. [中文](${relative(here, rulePagePath('README', 'zh'))})`,
    '',
    zh ? '| 规则 | 默认级别 | 说明 |' : '| Rule | Default level | Summary |',
    '|---|---|---|',
    ...rows,
    '',
    zh
      ? '<!-- 本页由 npm run docs 生成，请勿手工修改。 -->'
      : '<!-- Generated by npm run docs; do not edit by hand. -->',
    '',
  ].join('\n');
}

/** A link from one page path to another, both relative to docs/rules/. */
function relative(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to;
}
