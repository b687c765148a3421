// The JSON contract of design.md: one object {version, tool, summary, reports}. Written report by
// report so a large run never builds one giant string.
import type { FormatInput } from './common.ts';
import type { FileResult, OutFinding } from '../types.ts';

/** A finding as the contract prints it: these keys in this order, `related` only when there is any. */
export function jsonFinding(f: OutFinding): OutFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: f.range,
    cell: f.cell,
    written: f.written,
    computed: f.computed,
    fix: f.fix,
    ...(f.location ? { location: f.location } : {}),
    ...(f.related && f.related.length ? { related: f.related } : {}),
  };
}

export function reportObject(r: FileResult) {
  return {
    path: r.path,
    ...(r.url ? { url: r.url } : {}),
    ...(r.source ? { source: r.source } : {}),
    agency: r.agency,
    year: r.year,
    template: r.template,
    tables: { T2: r.tables.T2, T3: r.tables.T3, T4: r.tables.T4 },
    findings: r.findings.map(jsonFinding),
  };
}

/**
 * A result that holds its findings already written as this format prints them (store.ts): a
 * string, or the UTF-8 bytes of one where the store spilled it to disk.
 */
type Packed = FileResult & { findingsJson?(): string | Uint8Array };

const PAD = '      ';
/** Between two findings of a report: a comma, a line break and the findings' indent (store.ts packs to it). */
export const FINDING_SEPARATOR = `,\n${PAD}  `;

/**
 * One report: its fields one per line, each finding on a line of its own (greppable, compact), as
 * the text before the findings, the findings, the text after them.
 */
function reportPieces(r: Packed): [string, string | Uint8Array, string] {
  const pad = PAD;
  // A stored result gives its findings as they were packed: copied, never parsed and re-serialised.
  const body = r.findingsJson ? r.findingsJson() : r.findings.map((f) => JSON.stringify(jsonFinding(f))).join(FINDING_SEPARATOR);
  const tables = { T2: r.tables.T2, T3: r.tables.T3, T4: r.tables.T4 };
  const extra = `${r.url ? `${pad}"url": ${JSON.stringify(r.url)},\n` : ''}${r.source ? `${pad}"source": ${JSON.stringify(r.source)},\n` : ''}`;
  const head = `{\n${pad}"path": ${JSON.stringify(r.path)},\n${extra}${pad}"agency": ${JSON.stringify(r.agency)},\n${pad}"year": ${JSON.stringify(r.year)},\n` +
    `${pad}"template": ${JSON.stringify(r.template)},\n${pad}"tables": ${JSON.stringify(tables)},\n${pad}"findings": `;
  return body.length ? [`${head}[\n${pad}  `, body, `\n${pad}]\n    }`] : [head, '[]', '\n    }'];
}

/**
 * The whole object, report by report, in small pieces: strings, and the bytes of findings spilled
 * to disk, which go to the output as they are (never decoded and encoded again).
 */
export function* formatJson(input: FormatInput): Generator<string | Uint8Array> {
  const head = {
    version: 1,
    tool: { name: 'govreport', version: input.version },
    summary: input.summary,
  };
  const top = JSON.stringify(head, null, 2);
  yield `${top.slice(0, -2)},\n  "reports": [`;
  let first = true;
  let chunk = '';
  for (const r of input.results) {
    const [before, body, after] = reportPieces(r);
    chunk += `${first ? '' : ','}\n    ${before}`;
    first = false;
    if (typeof body === 'string') chunk += body;
    else {
      yield chunk;
      yield body;
      chunk = '';
    }
    chunk += after;
    // Small chunks: a string under ~64 KB dies young, a larger one lands in large-object space until a full GC.
    if (chunk.length > 1 << 15) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${first ? '' : '\n  '}]\n}\n`;
}
