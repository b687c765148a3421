// The Word reader: body text, headings, numbering as Word shows it, merged cells, what is not body
// text; and hostile files (zip bombs, too many parts, truncated, malformed XML, entity bombs, the old
// binary formats) — one finding each, never a throw.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { check, parseReport } from '../../engine/index.ts';
import { readDocx } from '../../engine/source/docx.ts';
import { formatNumber } from '../../engine/source/numbering.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string, parts: Record<string, string> = {}) => zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])),
});
const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const textOf = (bytes: Uint8Array) => {
  const r = readDocx(bytes);
  assert.ok(!('failure' in r), 'readable');
  return r;
};
const failure = (bytes: Uint8Array) => check(bytes, { fileName: 'x.docx' }).findings.map((f) => [f.rule, f.message]);

test('paragraphs, a heading by outline level and one by style, and what is not body text', () => {
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style></w:styles>`;
  const r = textOf(docx(
    p('某某局2023年政府信息公开工作年度报告', '<w:outlineLvl w:val="0"/>')
    + p('一、总体情况', '<w:pStyle w:val="2"/>')
    + '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>'
    + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>。</w:t></w:r>'
    + '<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>',
    { 'word/styles.xml': styles },
  ));
  assert.equal(r.text, '某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。');
  assert.deepEqual([...r.structure.headings.values()].map((h) => [h.line, h.level]), [[0, 1], [2, 2]]);
});

test('automatic numbering is rendered as Word shows it: 一、 at level 1, （一） at level 2, restarting below', () => {
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const num = (level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`;
  const r = textOf(docx(p('总体情况', num(0)) + p('主动公开', num(1)) + p('依申请公开', num(1)) + p('属于国家秘密', num(2)) + p('主动公开政府信息情况', num(0)) + p('规章', num(1)), { 'word/numbering.xml': numbering }));
  assert.equal(r.text.split('\n\n').join('|'), '一、总体情况|（一）主动公开|（二）依申请公开|1. 属于国家秘密|二、主动公开政府信息情况|（一）规章');
  assert.equal(formatNumber(12, 'chineseCounting'), '十二');
  assert.equal(formatNumber(20, 'chineseCounting'), '二十');
  assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
});

test('tables: gridSpan and vMerge become spans and covered slots; a table inside a cell is that cell’s text', () => {
  const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
  const r = textOf(docx(`<w:tbl>
    <w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('2')}</w:tr>
    <w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开')}${tc('1.属于国家秘密')}<w:tc><w:tbl><w:tr>${tc('0')}${tc('件')}</w:tr></w:tbl></w:tc></w:tr>
  </w:tbl>`));
  const rows = r.structure.grids[0].rows.map((row) => row.cells.map((c) => (c.covered ? `#${c.covered}` : c.text) + (c.rowSpan ? `^${c.rowSpan}` : '') + (c.colSpan ? `<${c.colSpan}` : '')));
  assert.deepEqual(rows, [['三、本年度办理结果^2', '（一）予以公开<2', '#left', '2'], ['#above', '（三）不予公开', '1.属于国家秘密', '0 件']]);
  assert.deepEqual(r.locate(r.structure.grids[0].rows[1].cells[3].start), { kind: 'docx', table: 1, row: 2, cell: 4, text: '0 件' });
});

test('the Word 97–2003 and WPS binary formats and RTF: one finding asking for .docx', () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  assert.deepEqual(failure(ole), [['FILE-UNREADABLE', '文件是 Word 97–2003（.doc）、WPS（.wps）或 RTF 格式，无法直接检查；请另存为 .docx 后再检查']]);
  assert.deepEqual(failure(new TextEncoder().encode('{\\rtf1\\ansi 一、总体情况}')).map((f) => f[0]), ['FILE-UNREADABLE']);
});

test('a zip bomb (document.xml expanding past 50 MB) stops at the budget: one finding', () => {
  const body = new Uint8Array(60 * 1024 * 1024).fill(0x20);
  const bomb = zipSync({ 'word/document.xml': body }, { level: 9 });
  assert.ok(bomb.length < 200_000, 'a small file');
  // Its central directory lies: it declares 1,000 bytes, so only the inflater's count can stop it.
  const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
  for (let at = 0; at + 4 <= bomb.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1000, true);
    if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 1000, true);
  }
  const started = process.memoryUsage().rss;
  assert.deepEqual(failure(bomb), [['FILE-UNREADABLE', 'Word 文档（.docx）解压后超过 50 MB 或含有超过 10,000 个部件，未检查']]);
  // The inflater stops at 50 MB: nothing near the 60 MB of text (and its UTF-16 decoding) was kept.
  assert.ok(process.memoryUsage().rss - started < 400 * 1024 * 1024);
});

test('a declared size past the budget, and more than 10,000 parts, are refused before inflating', () => {
  const many: Record<string, Uint8Array> = { 'word/document.xml': strToU8(`<w:document ${W}><w:body/></w:document>`) };
  for (let i = 0; i <= 10_000; i++) many[`customXml/item${i}.xml`] = new Uint8Array(0);
  assert.deepEqual(failure(zipSync(many, { level: 0 })).map((f) => f[1]), ['Word 文档（.docx）解压后超过 50 MB 或含有超过 10,000 个部件，未检查']);
});

test('truncated, malformed and entity-bomb documents: one finding that the file is damaged', () => {
  const seed = new Uint8Array(readFileSync(new URL('../fixtures/forms/002.docx', import.meta.url)));
  const damaged = 'Word 文档（.docx）已损坏或不完整，无法读取，未检查';
  assert.deepEqual(failure(seed.subarray(0, seed.length >> 1)).map((f) => f[1]), [damaged]);
  assert.deepEqual(failure(docx('<w:p><w:r><w:t>未闭合')).map((f) => f[1]), [damaged]);
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document ${W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;
  const bomb = zipSync({ 'word/document.xml': strToU8(laughs) });
  assert.deepEqual(failure(bomb).map((f) => f[1]), [damaged], 'entities are never expanded');
  const external = zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body>${p('&x;')}</w:body></w:document>`) });
  assert.deepEqual(failure(external).map((f) => f[1]), [damaged], 'nothing external is read');
  assert.deepEqual(failure(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })).map((f) => f[1]), ['文件是压缩包，但不是 Word 文档（.docx），未检查']);
});

test('a Word document given by its bytes needs no file name', () => {
  const r = parseReport(new Uint8Array(readFileSync(new URL('../fixtures/forms/000.docx', import.meta.url))));
  assert.equal(r.report.source, 'docx');
  assert.equal(r.report.year, 2021);
});
