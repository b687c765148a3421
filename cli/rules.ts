// Everything the CLI can report, for the formatters' rule tables (SARIF) and help links: the
// engine's rules, then the host notices (engine/notices.ts: files, configuration, cross-year).
import { RULES } from '../engine/index.ts';
import { NOTICES, type Notice } from '../engine/notices.ts';

/** Every rule and notice the CLI can report, engine rules first. */
export function catalogue(): Notice[] {
  const seen = new Set<string>();
  const out: Notice[] = [];
  for (const r of [...RULES, ...NOTICES]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(r);
  }
  return out;
}
