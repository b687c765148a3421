// The HTML reader: tables as grids (spans expanded, covered slots), Word's web-page export, site
// chrome, positions in the page, and hostile pages (deep nesting, huge, truncated).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { check, parseReport } from '../../engine/index.ts';
import { readHtml, HTML_LIMIT } from '../../engine/source/html.ts';
import { locateTexts } from '../../engine/source/html-locate.ts';
import { parseTree } from '../../engine/source/html-tree.ts';
import iconv from 'iconv-lite';
import { PAGE_VARIANTS, pageVariant } from '../helpers/pages.ts';

const SEED_002 = new URL('../fixtures/forms/002.html', import.meta.url).pathname;
const page = (body: string, head = '<meta charset="utf-8"><title>测试页</title>') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const gridTexts = (html: string) => readHtml(html).structure.grids.map((g) => g.rows.map((r) => r.cells.map((c) => (c.covered ? `#${c.covered}` : c.text))));

test('rowspan and colspan are expanded: a merged cell in its first slot, the slots it covers marked by what covers them', () => {
  const grids = gridTexts(page(`<table>
    <tr><td rowspan="2" colspan="2">甲</td><td>乙</td></tr>
    <tr><td>丙</td></tr>
    <tr><td>丁</td><td colspan="2">戊</td></tr></table>`));
  assert.deepEqual(grids, [[['甲', '#left', '乙'], ['#above', '#above', '丙'], ['丁', '戊', '#left']]]);
});

test('a layout table holding tables is page layout: its cells are blocks, the inner tables are grids', () => {
  const html = page(`<table><tr><td><p>一、总体情况</p><p>正文。</p><table><tr><td>规章</td><td>1</td></tr></table></td><td>侧栏</td></tr></table>`);
  const r = readHtml(html);
  assert.deepEqual(gridTexts(html), [[['规章', '1']]]);
  assert.ok(r.text.includes('一、总体情况\n\n正文。'));
});

test('Word’s "save as web page": mso styles, <o:p>, conditional comments, <br> inside a cell, &nbsp; cells', () => {
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style><!-- p.MsoNormal {mso-style-parent:""; font-family:宋体} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>
<p class=MsoNormal><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'>二、</span><![endif]><span style='font-family:黑体'>主动公开政府信息情况<o:p></o:p></span></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>信息内容<o:p></o:p></p></td><td><p class=MsoNormal>本年新<br>制作数量</p></td></tr>
<tr><td><p class=MsoNormal>规章</p></td><td><p class=MsoNormal><span lang=EN-US>5&nbsp;<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal>规范性文件</p></td><td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td></tr></table></div></body></html>`;
  const r = readHtml(html);
  assert.ok(r.text.startsWith('二、主动公开政府信息情况'), 'the list number Word wrote as text is part of the heading');
  assert.deepEqual(gridTexts(html), [[['信息内容', '本年新制作数量'], ['规章', '5\u00a0'], ['规范性文件', '\u00a0']]]);
  assert.ok(!r.text.includes('mso-'), 'styles are not text');
});

test('scripts, styles, hidden blocks and navigation are not report text', () => {
  const r = readHtml(page(`<script>document.write("一、总体情况")</script><style>.a{}</style>
    <nav><a href="/">首页</a></nav><div style="display:none">三、收到和处理政府信息公开申请情况</div>
    <div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div><footer>版权所有</footer>`));
  assert.equal(r.text, '一、总体情况\n\n二、主动公开政府信息情况');
});

test('whitespace as a browser shows it: runs collapse, a line break between CJK characters is removed, entities decode', () => {
  const r = readHtml(page('<p>本年度\n  主动公开 A&amp;B   政府  信息</p>'));
  assert.equal(r.text, '本年度主动公开 A&B 政府 信息');
});

test('every character of the rendered text maps back to the page: findings point at the page’s own line and column', () => {
  const html = readFileSync(SEED_002, 'utf8');
  const r = check(html, { fileName: '002.html' });
  for (const f of r.findings.filter((x) => x.cell)) {
    const cell = r.report.tables[f.cell!.table].cells.get(`${f.cell!.table.toLowerCase()}.${f.cell!.row}.${f.cell!.col}`)!;
    assert.equal(html.slice(f.range.start, f.range.end), cell.raw, `${f.rule} ${f.cell!.row}.${f.cell!.col}`);
  }
  const pos = r.positions.positionAt(r.findings[0].range.start);
  assert.ok(pos.line > 10, 'a line of the page, not of the rendered text');
});

test('an ordered list shows its markers as a browser does (decimal, or CJK for a CJK list style)', () => {
  assert.equal(readHtml(page('<ol><li>甲</li><li>乙</li></ol>')).text, '1. 甲\n\n2. 乙');
  assert.equal(readHtml(page('<ol start="2" style="list-style-type: cjk-ideographic"><li>主动公开政府信息情况</li></ol>')).text, '二、主动公开政府信息情况');
});

test('the title: from a title block above the report, else from <title>; a breadcrumb is never the title', () => {
  const body = '<div class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开年报</a> &gt; 2023年度报告</div>'
    + '<div id="c"><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>第二十条第（一）项</p></div>';
  const fromTitle = parseReport(page(body, '<meta charset="utf-8"><title>某某区2023年政府信息公开工作年度报告_某某区人民政府网</title>'), { fileName: 'a.html' });
  assert.equal(fromTitle.report.title?.text, '某某区2023年政府信息公开工作年度报告');
  assert.equal(fromTitle.report.year, 2023);
  const above = parseReport(page(`<h2>某某局2022年政府信息公开工作年度报告</h2>${body}`), { fileName: 'a.html' });
  assert.equal(above.report.title?.text, '某某局2022年政府信息公开工作年度报告');
});

test('hostile pages: 5,000-deep nesting, truncated markup and a page past the size limit each end in a result, never a throw', () => {
  const deep = page(`${'<div>'.repeat(5000)}<p>一、总体情况</p>${'</div>'.repeat(5000)}`);
  const r = check(deep, { fileName: 'deep.html' });
  assert.ok(r.parsed.source.text.includes('一、总体情况'));
  const truncated = readFileSync(SEED_002, 'utf8').slice(0, 40_000);
  assert.doesNotThrow(() => check(truncated, { fileName: 'cut.html' }));
  const huge = check(`<html><body>${'x'.repeat(HTML_LIMIT)}</body></html>`, { fileName: 'huge.html' });
  assert.deepEqual(huge.findings.map((f) => [f.rule, f.message]), [['FILE-UNREADABLE', '网页超过 2,000 万个字符，未检查']]);
});

test('bytes of a page past four times the character limit are refused before they are decoded', () => {
  const bytes = new Uint8Array(4 * HTML_LIMIT + 1).fill(0x20);
  bytes.set(new TextEncoder().encode('<html><body>'));
  const r = check(bytes, { fileName: 'huge.html' });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.message]), [['FILE-UNREADABLE', '网页超过 2,000 万个字符，未检查']]);
});

test('a table cell of 300,000 characters is read whole (its offsets were once spread as call arguments, past the stack)', () => {
  const long = '字'.repeat(300_000);
  const r = readHtml(page(`<p>一、总体情况</p><table><tr><td>${long}</td><td>1</td></tr></table>`));
  assert.equal(r.structure.grids[0].rows[0].cells[0].text.length, long.length);
  assert.equal(r.origin.length, r.text.length);
});

test('a text file holding a saved page is read as a page, by its markup', () => {
  const r = check(readFileSync(SEED_002, 'utf8'), { fileName: 'saved-page.txt' });
  assert.equal(r.report.source, 'html');
  assert.equal(r.report.tables.T3.status, 'bound');
});

test('bytes of a page: the charset it declares (GB2312) decides', () => {
  const gb = Buffer.from('<html><head><meta charset="gb2312"></head><body><p>', 'latin1');
  const text = new Uint8Array([...gb, 0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, ...Buffer.from('</p></body></html>', 'latin1')]);
  const r = parseReport(text, { fileName: 'gb.html' });
  assert.equal(r.source.encoding, 'gb18030');
  assert.equal(r.source.text, '一、总体情况');
});

test('text is located without parse5’s location info, and the reading is the one with it: every fixture page, every variant', () => {
  const F = new URL('../fixtures/', import.meta.url).pathname;
  const pages: string[] = [];
  for (const f of readdirSync(`${F}forms`).filter((x) => x.endsWith('.html'))) {
    const form = readFileSync(`${F}forms/${f}`, 'utf8');
    pages.push(form);
    for (const v of PAGE_VARIANTS) pages.push(iconv.decode(Buffer.from(pageVariant(form, v)), v === 'layout' ? 'utf8' : 'gb18030'));
  }
  for (const f of ['wgj-002.html', 'sh-2019.html']) pages.push(iconv.decode(readFileSync(`${F}html/${f}`), 'gb18030'));
  for (const html of pages) {
    assert.ok(locateTexts(html, parseTree(html)), 'the page takes the fast way');
    const fast = readHtml(html);
    const located = readHtml(html, { locations: true });
    assert.equal(fast.text, located.text);
    assert.deepEqual([...fast.origin], [...located.origin]);
  }
});

test('a page whose tree does not follow its source (text moved out of a table, an entity not known to the locator, a template) is read with parse5’s locations', () => {
  const cases = [
    page('<p>一、总体情况</p><table><tr><td>规章</td>孤立文字<td>1</td></tr></table>'),
    page('<p>一、总体情况&hearts;</p><table><tr><td>规章</td><td>1</td></tr></table>'),
    page('<template><p>模板</p></template><p>一、总体情况</p>'),
    page('<p>一、总体情况 &copy2020</p><p>二、&#x4e3b;动公开 a&b &amp; c</p>'),
  ];
  for (const html of cases) {
    const fast = readHtml(html);
    const located = readHtml(html, { locations: true });
    assert.equal(fast.text, located.text);
    assert.deepEqual([...fast.origin], [...located.origin]);
  }
  assert.equal(locateTexts(cases[0], parseTree(cases[0])), false, 'foster-parented text is not where the tree puts it');
  assert.equal(locateTexts(cases[1], parseTree(cases[1])), false);
  // Every character of the rendered text is at its place in the page (entities at their '&').
  const html = cases[3];
  const r = readHtml(html);
  for (let i = 0; i < r.text.length; i++) {
    const ch = r.text[i];
    if (ch === '\n' || ch === ' ') continue;
    const at = r.origin[i];
    assert.ok(html[at] === ch || html[at] === '&', `${ch} at ${at}: ${html.slice(at, at + 8)}`);
  }
});
