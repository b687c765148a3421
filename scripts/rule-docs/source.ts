// A rule's documentation source (docs/rules/src/<ID>.md): the hand-written half of its pages —
// what it checks and why, in Chinese and English, and the examples, which run as tests. The
// format is described for writers in docs/rules/src/README.md; this file is its one reader.

export type Lang = 'zh' | 'en';
export type L10n = Record<Lang, string>;

/**
 * Where an example block goes (docs/rules/src/README.md, "Examples"): the whole report, a part of
 * the report skeleton it replaces, or the configuration file checked with it.
 */
type Section = 1 | 2 | 3 | 4 | 5 | 6;
export type Part = 'report' | 'head' | `s${Section}` | `s${Section}-s${Section}` | 't2' | 't3' | 't4' | 'config';
/** sK is section K with its heading; sA-sB sections A to B; tK table K (in section K). */
const PART = /^(report|head|config|s[1-6](-s[1-6])?|t[234])$/;
export const PART_NAMES = 'report, head, s1…s6, sA-sB (sections A to B), t2, t3, t4, config';

/** The sections [first, last] a section part covers. */
export function sectionsOf(part: Part): [number, number] | undefined {
  const m = /^s([1-6])(?:-s([1-6]))?$/.exec(part);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
}

/** A Markdown report, a plain-text one, or (for `config`) JSON. */
export type Layout = 'md' | 'text' | 'json';

export interface ExampleBlock {
  layout: Layout;
  part: Part;
  body: string;
  /** Part of last year's report (cross-year examples), not of this year's. */
  prev: boolean;
  /** The body is the file's bytes in hexadecimal (a file that is not text). */
  hex: boolean;
  /** 1-based line of the opening fence in the source, for error messages. */
  line: number;
}

/**
 * How the command line is run on a host notice's example (docs/rules/src/README.md, "Command-line
 * settings"): the circumstances a notice is about, which no report text can carry.
 */
export interface RunSettings {
  /** Checked with `govreport check --fix`. */
  fix: boolean;
  /** The report file is read-only. */
  readonly: boolean;
  /**
   * The report is published at a web address and checked by it; the server answers `status`
   * (200 with the report, or another status with the block as its body).
   */
  url?: { status: number };
  /** The checker fails inside while checking the file (a simulated failure). */
  fault: boolean;
  /** The configuration lies in the folder above the report's, outside the folder checked. */
  configAbove: boolean;
}

export const NO_RUN_SETTINGS: RunSettings = { fix: false, readonly: false, fault: false, configAbove: false };

export interface Example {
  /** The report year of the skeleton the blocks are embedded in. */
  year: number;
  blocks: ExampleBlock[];
  run: RunSettings;
  caption?: L10n;
  /** What the rule reports on a failing example, in order, per language (empty for a passing one). */
  messages: Record<Lang, string[]>;
}

export interface DocSource {
  id: string;
  checks: L10n;
  why: L10n;
  /** Optional words about the fixes, shown under the generated list of fixes. */
  fixNote?: L10n;
  failing: Example[];
  passing: Example[];
}

type Prose = 'checks' | 'why' | 'fixNote';
const HEADINGS: Record<string, [Prose, Lang] | 'failing' | 'passing'> = {
  检查内容: ['checks', 'zh'],
  'What it checks': ['checks', 'en'],
  为什么: ['why', 'zh'],
  Why: ['why', 'en'],
  修复说明: ['fixNote', 'zh'],
  'About the fix': ['fixNote', 'en'],
  不通过的例子: 'failing',
  通过的例子: 'passing',
};

/** Report years a skeleton can be had for: 2019 and 2020 in the 2019 format, later ones in the 2021 format. */
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2099;

export class SourceError extends Error {}

/** Parses one source; throws a SourceError naming the file and line on anything it cannot read. */
export function parseSource(file: string, text: string): DocSource {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fail = (line: number, what: string): never => {
    throw new SourceError(`${file}:${line}: ${what}`);
  };
  const title = /^# (\S+)\s*$/.exec(lines[0] ?? '');
  if (!title) fail(1, 'the first line must be "# <RULE-ID>"');
  const id = title![1];

  const prose: Partial<Record<Prose, Partial<L10n>>> = {};
  const examples: Record<'failing' | 'passing', Example[]> = { failing: [], passing: [] };
  const seen = new Set<string>();
  let l = 1;
  while (l < lines.length) {
    const line = lines[l];
    if (!line.trim()) {
      l++;
      continue;
    }
    const heading = /^## (.+?)\s*$/.exec(line);
    if (!heading) fail(l + 1, `expected a "## " heading, found "${line}"`);
    const name = heading![1];
    const kind = HEADINGS[name];
    if (!kind) fail(l + 1, `unknown heading "${name}" (known: ${Object.keys(HEADINGS).join(', ')})`);
    if (seen.has(name)) fail(l + 1, `heading "${name}" appears twice`);
    seen.add(name);
    let end = l + 1;
    while (end < lines.length && !/^## /.test(lines[end])) end = fenceAware(lines, end);
    if (Array.isArray(kind)) {
      const body = lines.slice(l + 1, end).join('\n').trim();
      if (!body) fail(l + 1, `"${name}" is empty`);
      (prose[kind[0]] ??= {})[kind[1]] = body;
    } else {
      examples[kind].push(...readExamples(lines, l + 1, end, kind === 'failing', fail));
    }
    l = end;
  }

  const pair = (key: Prose, zh: string, en: string, required: boolean): L10n | undefined => {
    const p = prose[key];
    if (!p && !required) return undefined;
    if (!p?.zh) fail(1, `missing "## ${zh}"`);
    if (!p?.en) fail(1, `missing "## ${en}"`);
    return p as L10n;
  };
  const doc: DocSource = {
    id,
    checks: pair('checks', '检查内容', 'What it checks', true)!,
    why: pair('why', '为什么', 'Why', true)!,
    fixNote: pair('fixNote', '修复说明', 'About the fix', false),
    failing: examples.failing,
    passing: examples.passing,
  };
  if (!doc.failing.length) fail(1, 'no "## 不通过的例子" with an example');
  if (!doc.passing.length) fail(1, 'no "## 通过的例子" with an example');
  return doc;
}

const FENCE = /^(`{3,})(.*)$/;

/** The line after `l`, skipping over a whole fenced block when `l` opens one. */
function fenceAware(lines: string[], l: number): number {
  const open = FENCE.exec(lines[l]);
  if (!open) return l + 1;
  let k = l + 1;
  while (k < lines.length && !(lines[k].startsWith(open[1]) && !lines[k].slice(open[1].length).trim())) k++;
  return k + 1;
}

function readExamples(lines: string[], from: number, to: number, failing: boolean, fail: (line: number, what: string) => never): Example[] {
  const out: Example[] = [];
  let current: Example | undefined;
  let caption: Partial<L10n> = {};
  const close = () => {
    if (!current) return;
    const { zh, en } = current.messages;
    if (failing && !zh.length) fail(current.blocks[0].line, 'a failing example needs its messages ("→ zh: …" and "→ en: …")');
    if (!failing && (zh.length || en.length)) fail(current.blocks[0].line, 'a passing example has no messages');
    if (zh.length !== en.length) fail(current.blocks[0].line, `${zh.length} zh message(s) but ${en.length} en`);
    out.push(current);
    current = undefined;
  };
  for (let l = from; l < to; ) {
    const line = lines[l];
    if (!line.trim()) {
      l++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const [layout, part, ...attrs] = fence[2].trim().split(/\s+/);
      if (layout !== 'md' && layout !== 'text' && layout !== 'json') fail(l + 1, `an example block opens with \`\`\`md, \`\`\`text or \`\`\`json, not "${fence[2].trim()}"`);
      if (!PART.test(part ?? '')) fail(l + 1, `unknown part "${part ?? ''}" (known: ${PART_NAMES})`);
      const range = sectionsOf(part as Part);
      if (range && range[0] >= range[1] && part!.includes('-')) fail(l + 1, `sections ${part}: the first comes before the last`);
      if ((layout === 'json') !== (part === 'config')) fail(l + 1, 'a config block is ```json config, and only it is JSON');
      let year = 2021;
      let prev = false;
      let hex = false;
      const run: Partial<RunSettings> = {};
      let status: number | undefined;
      const ownReport = part !== 'config' && !attrs.includes('prev');
      for (const a of attrs) {
        const y = /^year=(\d{4})$/.exec(a);
        const st = /^status=([1-5]\d\d)$/.exec(a);
        if (y && Number(y[1]) >= FIRST_YEAR && Number(y[1]) <= LAST_YEAR) year = Number(y[1]);
        else if (a === 'prev') prev = true;
        else if (a === 'hex' && part === 'report') hex = true;
        else if ((a === 'fix' || a === 'readonly' || a === 'fault') && ownReport) run[a] = true;
        else if (a === 'url' && ownReport) run.url = { status: 200 };
        else if (st && ownReport) status = Number(st[1]);
        else if (a === 'above' && part === 'config') run.configAbove = true;
        else {
          fail(l + 1, `unknown attribute "${a}" (known: year=${FIRST_YEAR}…${LAST_YEAR}, prev, hex on a whole report; fix, readonly, url, status=NNN, fault on this year's report; above on config)`);
        }
      }
      if (status !== undefined) {
        if (!run.url) fail(l + 1, 'status=NNN goes with url');
        run.url = { status };
      }
      const next = fenceAware(lines, l);
      if (next > to) fail(l + 1, 'the block is not closed');
      const block: ExampleBlock = { layout: layout as Layout, part: part as Part, body: lines.slice(l + 1, next - 1).join('\n'), prev, hex, line: l + 1 };
      if (current && (current.messages.zh.length || current.messages.en.length)) close();
      if (!current) {
        const c = caption.zh || caption.en ? caption : undefined;
        if (c && !(c.zh && c.en)) fail(l + 1, 'a caption needs both "zh:" and "en:"');
        current = { year, blocks: [], run: { ...NO_RUN_SETTINGS }, caption: c as L10n | undefined, messages: { zh: [], en: [] } };
        caption = {};
      } else if (current.year !== year) fail(l + 1, 'every block of one example has the same year (last year’s blocks are marked prev)');
      const same = current.blocks.filter((b) => b.prev === block.prev && b.part !== 'config');
      if (block.part !== 'config' && same.some((b) => b.part === block.part || b.part === 'report' || block.part === 'report')) fail(l + 1, `part "${block.part}" given twice, or next to a whole report`);
      if (block.part === 'config' && current.blocks.some((b) => b.part === 'config')) fail(l + 1, 'one config block per example');
      const layoutOf = current.blocks.find((b) => b.layout !== 'json')?.layout;
      if (block.layout !== 'json' && layoutOf && layoutOf !== block.layout) fail(l + 1, 'every report block of one example has the same layout');
      current.blocks.push(block);
      Object.assign(current.run, run);
      l = next;
      continue;
    }
    const message = /^→ (zh|en): (.+)$/.exec(line);
    if (message) {
      if (!current) fail(l + 1, 'a message before any example block');
      current!.messages[message[1] as Lang].push(message[2].trim());
      l++;
      continue;
    }
    const cap = /^(zh|en): (.+)$/.exec(line);
    if (cap) {
      close();
      caption[cap[1] as Lang] = cap[2].trim();
      l++;
      continue;
    }
    fail(l + 1, `unexpected line in an example section: "${line}"`);
  }
  close();
  if (caption.zh || caption.en) fail(to, 'a caption with no example block after it');
  return out;
}
