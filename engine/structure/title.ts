// The report's title line (docs/spec/format.md §2.3), found as a reader sees it on a published page:
// under the site's chrome (breadcrumbs, 【图文】 tags, 发布时间 / 来源 / 浏览次数 lines), and when the
// title wraps over two lines (the agency on one line and "2023年政府信息公开工作年度报告" on the next,
// or "…政府信息公开" / "工作年度报告").
import type { Title } from '../model.ts';
import type { DocStructure } from '../source/types.ts';
import { withoutInlineMarkup, YEAR_DIGITS, yearNumber, type LineIndex } from '../text.ts';

/** The title's year, captured (engine/text.ts YEAR_DIGITS). */
const YEAR = `(${YEAR_DIGITS})`;
/** A title's parts: [1] before the year, [2] the year, [3] between the year and 政府信息公开 (spaces
 * allowed between the words, as a justified headline is typed; 情况报告 as well as 年度报告). */
export const TITLE_PARTS = new RegExp(`^(.*?)\\s*${YEAR}\\s*年度?\\s*(.*?)(?:政府)?\\s*(?:信息|政务)\\s*公开\\s*(?:工作)?\\s*(?:年度)?\\s*(?:工作)?\\s*(?:情况)?\\s*报告\\s*$`);

/**
 * A breadcrumb ("首页 > 政务公开 > 年度报告", "当前位置：…"): site navigation, never the title, even
 * when its last crumb names the report.
 */
const BREADCRUMB = /\S\s*(?:>|›|»|＞|→|&gt;)\s*\S|^\s*(?:当前位置|您的位置|您当前的位置|您现在的位置|当前所在位置|您当前所在位置|所在位置)\s*[:：]|^\s*(?:网站)?(?:首页|主页)\s*[/／|｜》]|^[^《]*》\s*\S/;
/** A tag a site puts before a headline: 【图文】, [原创], 标题：. */
const TAG = /^(?:【[^】]{1,8}】|\[[^\]]{1,8}\]|(?:标\s*题|题\s*目|文章标题|信息名称|名\s*称)\s*[:：])\s*/;
/** An article's metadata (发布时间：…, 来源：…, 浏览次数：…), alone on its line or after the headline. */
const META = /(?:^|\s)(?:发布时间|发布日期|发文日期|成文日期|日期|时间|来源|信息来源|文章来源|浏览次数|阅读次数|访问次数|点击(?:数|次数|量|率)|浏览量|阅读量|字号|作者|责任编辑|编辑)\s*[:：]/;
/** A short addition after the title: （全文）, (2023年), 【图解】. */
const SUFFIX = /\s*(?:[（(【\[][^（）()【】[\]，。；]{1,10}[）)】\]])\s*$/;
/** A publishing date after the headline on its line ("… 2024-01-29", "…　2024年1月29日 16:35"). */
const TRAILING_DATE = /\s+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;
/** Sentence punctuation: a title has none, prose about reports does. */
const SENTENCE = /[，。；！？,;!?]/;
/** What an agency's name ends with, for a title whose agency stands on the line before. */
const AGENCY_END = /(?:人民政府|政府|办公室|办公厅|管委会|管理委员会|委员会|街道办事处|街道|局|委|厅|署|办|院|中心|镇|乡|区|县|市|州|盟|旗|所|站|馆|队|处|部|会)$/;

/** Longest line a title can stand on, with its markup, a site tag and the metadata after it. */
const MAX_LINE = 300;

const isTitle = (s: string): boolean => /(信息公开|政务公开)/.test(s) && /报告\s*$/.test(s) && !SENTENCE.test(s);

interface Piece {
  line: number;
  /** Offsets of the piece in the text (the headline part of the line). */
  start: number;
  end: number;
  /** Its text as read: without markup, tags, metadata and a bracketed suffix. */
  plain: string;
}

/** The headline part of a line, or undefined for a line that cannot be (part of) a title. */
function pieceOf(idx: LineIndex, s: DocStructure, l: number): Piece | undefined {
  const line = idx.lines[l];
  // A title is short: a long line is prose (and a 48 MB line is not read character by character).
  if (line.text.length > MAX_LINE) return undefined;
  const mark = s.headings.get(l);
  const content = mark ? idx.text.slice(mark.contentStart, mark.contentEnd) : line.text.replace(/^\s*#+\s*/, '');
  if (!content.trim() || BREADCRUMB.test(withoutInlineMarkup(content))) return undefined;
  let start = (mark ? mark.contentStart : line.start + line.text.indexOf(content));
  let raw = content;
  const lead = raw.length - raw.trimStart().length;
  start += lead;
  raw = raw.trim();
  const tag = TAG.exec(raw);
  if (tag) {
    start += tag[0].length;
    raw = raw.slice(tag[0].length);
  }
  const meta = META.exec(raw);
  if (meta) raw = raw.slice(0, meta.index).trimEnd();
  const date = TRAILING_DATE.exec(raw);
  if (date) raw = raw.slice(0, date.index);
  if (!raw) return undefined;
  // A headline written as a document's name, in 《》, is that name.
  const plain = withoutInlineMarkup(raw).trim().replace(SUFFIX, '').replace(/^《([^《》]+)》$/, '$1');
  return plain ? { line: l, start, end: start + raw.length, plain } : undefined;
}


function titleOf(idx: LineIndex, s: DocStructure, pieces: Piece[]): Title {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const text = pieces.map((p) => p.plain).join('');
  const mark = s.headings.get(first.line);
  const title: Title = { start: first.start, end: last.end, line: first.line, text, level: mark?.kind === 'atx' ? mark.level : undefined };
  if (last.line !== first.line) title.lastLine = last.line;
  const m = TITLE_PARTS.exec(text);
  if (m) {
    title.year = yearNumber(m[2]);
    for (const p of pieces) {
      const at = idx.text.slice(p.start, p.end).indexOf(m[2]);
      if (at >= 0) {
        title.yearSpan = { start: p.start + at, end: p.start + at + m[2].length };
        break;
      }
    }
  }
  return title;
}

/**
 * The first title among the lines before `before` (the first section's heading): a line that names
 * 信息公开 / 政务公开 and ends with 报告, at most 60 characters, no sentence punctuation; joined with
 * the line before when that line is an agency's name and the title line starts with its year, or
 * with the line after when the title's end ("工作年度报告") wrapped onto it.
 */
export function findTitle(idx: LineIndex, s: DocStructure, before: number): Title | undefined {
  let previous: Piece | undefined;
  for (const line of idx.lines) {
    if (line.start >= before) break;
    if (!line.text.trim()) continue;
    const piece = pieceOf(idx, s, line.index);
    if (!piece) {
      previous = undefined;
      continue;
    }
    const n = [...piece.plain].length;
    if (isTitle(piece.plain) && n <= 60) {
      const m = TITLE_PARTS.exec(piece.plain);
      const agencyless = m !== null && !m[1].trim();
      if (agencyless && previous && isAgencyLine(previous.plain)) return titleOf(idx, s, [previous, piece]);
      // "某县交通运输局2023年度" / "政府信息公开工作年度报告": the year ends the line before.
      if (!m && previous && YEAR_LINE.test(previous.plain)) return titleOf(idx, s, [previous, piece]);
      return titleOf(idx, s, [piece]);
    }
    if ((/(信息公开|政务公开)/.test(piece.plain) || /\d{4}\s*年/.test(piece.plain)) && !/报告/.test(piece.plain) && !SENTENCE.test(piece.plain) && n <= 50) {
      const next = nextPiece(idx, s, line.index, before);
      if (next && [...next.plain].length <= 12 && !/(信息公开|政务公开)/.test(next.plain) && !isTitle(next.plain) && isTitle(piece.plain + next.plain)) {
        return titleOf(idx, s, [piece, next]);
      }
    }
    previous = piece;
  }
  return undefined;
}

/** A line holding an agency's name (or nothing) and the year, the title going on below it. */
const YEAR_LINE = new RegExp(`^[^，。；：:,;]{0,30}?${YEAR_DIGITS}\\s*年度?$`);

const isAgencyLine = (s: string): boolean => [...s].length <= 30 && !SENTENCE.test(s) && !/[:：]/.test(s) && !/(信息公开|政务公开|报告)/.test(s) && AGENCY_END.test(s);

/** The headline part of the next non-blank line (at most one blank line between). */
function nextPiece(idx: LineIndex, s: DocStructure, l: number, before: number): Piece | undefined {
  for (let k = l + 1; k < idx.lines.length && k <= l + 2; k++) {
    const line = idx.lines[k];
    if (line.start >= before) return undefined;
    if (!line.text.trim()) continue;
    return pieceOf(idx, s, k);
  }
  return undefined;
}

export function agencyFromTitle(title: Title): string | undefined {
  const m = TITLE_PARTS.exec(title.text);
  if (m) {
    // "某县交通运输局关于2023年…报告": 关于 is not part of the name.
    const name = (m[1].trim() + m[3].trim()).replace(/关于$/, '').trim();
    return name || undefined;
  }
  const cut = title.text.search(/(政府)?信息公开|政务公开/);
  const name = cut > 0 ? title.text.slice(0, cut).trim() : '';
  return name || undefined;
}
