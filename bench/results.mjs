// Each benchmark owns one section of bench/RESULTS.md, between markers, and rewrites only that.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const FILE = new URL('./RESULTS.md', import.meta.url);

export function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** The CPU time (ms: user + system) that `/usr/bin/time -v` wrote to `stderr`; NaN when it is not there. */
export function timeVCpuMs(stderr) {
  const seconds = (what) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(stderr ?? '')?.[1] ?? Number.NaN);
  return (seconds('User') + seconds('System')) * 1000;
}

export function writeSection(name, markdown) {
  let doc = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmark results\n\nEach section is rewritten by the benchmark named in its heading.\n';
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  doc = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, doc);
}
