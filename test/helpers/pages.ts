// A seed's web page (test/fixtures/forms/00N.html, LibreOffice's export of its Word form) rewritten
// the ways government sites publish a report page, each after markup seen on real pages:
// - `cms`: a CMS editor's body (TRS / KindEditor style: bold paragraphs for headings, `<p>` inside
//   every `<td>`, `&nbsp;` in blank cells, `<br />` in header cells, tables wrapped in a `<div>`)
//   inside the real chrome of wgj-002.html (scripts/fixtures/chrome.ts), saved as GB2312;
// - `mso`: Word's "save as web page" (MsoNormal paragraphs, `<o:p>`, `mso-` styles, `<span lang=EN-US>`
//   around every run of digits, conditional comments, the section ordinals as `<![if !supportLists]>`
//   list text), saved as GBK with the charset declared by `http-equiv`;
// - `layout`: an older site built of nested layout tables (banner, side navigation, the article in a
//   cell of a table inside a cell, a footer table), the report's tables inside it.
// Only the markup changes: every cell, paragraph and heading keeps its text.
import iconv from 'iconv-lite';
import { chromePage } from '../../scripts/fixtures/chrome.ts';

export type PageVariant = 'cms' | 'mso' | 'layout';
export const PAGE_VARIANTS: PageVariant[] = ['cms', 'mso', 'layout'];

/**
 * The text a LibreOffice-exported element shows: whitespace between tags dropped, its tags dropped,
 * a line break inside text (where LibreOffice wrapped at a space) one space, `<br>` kept as "\n",
 * ASCII spaces trimmed (a full-width space is the author's).
 */
const shown = (inner: string) =>
  inner
    .replace(/>[ \t\r\n]+</g, '><')
    .replace(/<br\s*\/?>/gi, '\u0001')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/\u0001/g, '\n')
    .replace(/^[ \n]+|[ \n]+$/g, '');

const spans = (attrs: string) => (attrs.match(/\b(?:rowspan|colspan)="?\d+"?/gi) ?? []).map((a) => ` ${a}`).join('');

interface Parts {
  title: string;
  /** Body blocks in order: headings, paragraphs, tables (rows of cells with their spans). */
  blocks: ({ kind: 'h'; text: string } | { kind: 'p'; text: string } | { kind: 'table'; rows: { attrs: string; text: string }[][] })[];
}

/** The blocks of a LibreOffice page body. */
function partsOf(form: string): Parts {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(form)![1];
  const blocks: Parts['blocks'] = [];
  const re = /<table\b[^>]*>([\s\S]*?)<\/table>|<h([1-6])\b[^>]*>([\s\S]*?)<\/h\2>|<p\b[^>]*>([\s\S]*?)<\/p>/gi;
  for (const m of body.matchAll(re)) {
    if (m[1] !== undefined) {
      const rows = [...m[1].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((tr) =>
        [...tr[1].matchAll(/<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/gi)].map((td) => ({ attrs: spans(td[2]), text: shown(td[3]) })),
      );
      blocks.push({ kind: 'table', rows });
    } else if (m[3] !== undefined) blocks.push({ kind: 'h', text: shown(m[3]) });
    else if (m[4] !== undefined) {
      const text = shown(m[4]);
      if (text) blocks.push({ kind: 'p', text });
    }
  }
  // The title paragraph, where the report has one (seed 001 opens with its first section).
  const first = blocks[0];
  if (first?.kind === 'p' && /报告$/.test(first.text)) return { title: first.text, blocks: blocks.slice(1) };
  return { title: '', blocks };
}

const esc = (s: string) => s.replace(/&(?![a-z]+;|#\d+;)/g, '&amp;').replace(/</g, '&lt;');
const withBreaks = (s: string, br: string) => esc(s).replace(/\n/g, br);

function cmsBody(p: Parts): string {
  const out = [`<p align="center">${p.title ? `<strong>${esc(p.title)}</strong>` : ''}</p>`];
  for (const b of p.blocks) {
    if (b.kind === 'h') out.push(`<p style="text-indent: 2em;"><strong>${esc(b.text)}</strong></p>`);
    else if (b.kind === 'p') out.push(`<p style="text-indent: 2em;">${esc(b.text)}</p>`);
    else {
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td${c.attrs} nowrap="nowrap" style="width:60px;"><p align="center">${c.text ? withBreaks(c.text, '<br />') : '&nbsp;'}</p></td>`).join('')}</tr>`);
      out.push(`<div style="overflow-x:auto;"><table border="1" cellspacing="0" cellpadding="0" align="center"><tbody>${rows.join('')}</tbody></table></div>`);
    }
  }
  return `<html><head><meta charset="utf-8"></head><body>${out.join('\n')}</body></html>`;
}

/** Digits of a Word run in their own `<span lang=EN-US>`, as Word writes Latin text among CJK. */
const msoRuns = (s: string, style: string) =>
  esc(s)
    .split(/(\d+)/)
    .filter((x) => x)
    .map((x) => (/^\d+$/.test(x) ? `<span lang=EN-US style='${style}'>${x}</span>` : `<span style='${style};font-family:仿宋_GB2312'>${x}</span>`))
    .join('');

function msoPage(p: Parts): string {
  const out: string[] = [];
  if (p.title) out.push(`<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>${esc(p.title)}</span></b><b><span lang=EN-US style='font-size:22.0pt'><o:p></o:p></span></b></p>`);
  for (const b of p.blocks) {
    if (b.kind === 'h') {
      const ord = /^([一二三四五六七八九十]+、)([\s\S]*)$/.exec(b.text);
      const list = ord ? `<![if !supportLists]><span style='font-size:16.0pt;font-family:黑体;mso-list:Ignore'>${ord[1]}</span><![endif]>` : '';
      out.push(`<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;mso-list:l0 level1 lfo1'>${list}<span style='font-size:16.0pt;font-family:黑体'>${esc(ord ? ord[2] : b.text)}<span lang=EN-US><o:p></o:p></span></span></p>`);
    } else if (b.kind === 'p') {
      out.push(`<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'>${msoRuns(b.text, 'font-size:16.0pt')}<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>`);
    } else {
      const cell = (c: { attrs: string; text: string }) =>
        `<td width=71${c.attrs} style='width:53.4pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'>${
          c.text ? c.text.split('\n').map((l) => msoRuns(l, 'font-size:10.5pt')).join(`<span lang=EN-US style='font-size:10.5pt'><br></span>`) : ''
        }<span lang=EN-US style='font-size:10.5pt'><o:p>${c.text ? '' : '&nbsp;'}</o:p></span></p></td>`;
      const rows = b.rows.map((r) => `<tr style='mso-yfti-irow:0;height:20.0pt'>\n  ${r.map(cell).join('\n  ')}\n </tr>`);
      out.push(`<div align=center>\n<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>\n${rows.join('\n')}\n</table>\n</div>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`);
    }
  }
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${esc(p.title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>admin</o:Author>
  <o:Pages>5</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;mso-style-qformat:yes;mso-style-parent:"";margin:0cm;text-align:justify;text-justify:inter-ideograph;mso-pagination:none;font-size:10.5pt;font-family:"Calibri",sans-serif;}
@page WordSection1 {size:595.3pt 841.9pt;margin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.WordSection1 {page:WordSection1;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
${out.join('\n')}
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</body>
</html>`;
}

function layoutPage(p: Parts): string {
  const body = p.blocks
    .map((b) => {
      if (b.kind === 'h') return `<p><b>${esc(b.text)}</b></p>`;
      if (b.kind === 'p') return `<p>　　${esc(b.text)}</p>`;
      return `<table width="100%" border="1" cellspacing="0" cellpadding="2" bordercolor="#000000">${b.rows.map((r) => `<tr>${r.map((c) => `<td${c.attrs} align="center">${c.text ? withBreaks(c.text, '<br>') : '&nbsp;'}</td>`).join('')}</tr>`).join('\n')}</table>`;
    })
    .join('\n');
  const nav = ['机构概况', '政策文件', '规划计划', '政府信息公开年报', '依申请公开', '政府信息公开指南'].map((t) => `<tr><td height="28" class="nav"><a href="/xxgk/${encodeURIComponent(t)}/">${t}</a></td></tr>`).join('\n');
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${esc(p.title)}</title>
<link href="/images/style.css" rel="stylesheet" type="text/css"><script language="javascript" src="/js/common.js"></script></head>
<body leftmargin="0" topmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td colspan="2"><img src="/images/banner.jpg" width="1000" height="120"></td></tr>
  <tr><td colspan="2" class="menu"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></td></tr>
  <tr>
    <td width="200" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="navtitle">信息公开目录</td></tr>
${nav}
</table></td>
    <td width="800" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr><td class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; 政府信息公开年报</td></tr>
      <tr><td align="center" class="biaoti">${esc(p.title)}</td></tr>
      <tr><td align="center" class="time">发布时间：2021-01-28　来源：本网　浏览次数：<script>document.write(hits)</script></td></tr>
      <tr><td class="zoom" id="zoom">
${body}
      </td></tr>
      <tr><td align="right">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</td></tr>
    </table></td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="foot"><tr><td align="center">主办单位：某某区人民政府办公室　备案号：某ICP备00000000号<br>联系电话：0000-0000000</td></tr></table>
</body></html>`;
}

/** The seed's web page as `variant` writes it, as the bytes of a saved file. */
export function pageVariant(form: string, variant: PageVariant): Uint8Array {
  const parts = partsOf(form);
  if (variant === 'cms') {
    const page = chromePage(cmsBody(parts), { index: '000000000/2021-00001', agency: '区政府办公室', date: '2021-01-28' });
    return new Uint8Array(iconv.encode(page, 'gb18030'));
  }
  if (variant === 'mso') return new Uint8Array(iconv.encode(msoPage(parts), 'gbk'));
  return new TextEncoder().encode(layoutPage(parts));
}
