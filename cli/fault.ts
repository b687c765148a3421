// Fault injection for the tests of failure handling (test/cli/hostile.test.ts), so that a check
// failing inside a worker, in the main thread, or while its result is packed can be shown to cost
// only that one file. GOVREPORT_FAULT="stage:text" throws at `stage` for every file whose path
// contains `text`; unset (always, outside those tests) it does nothing.
//   analyze — inside the check of the file (worker or main thread alike)
//   pack    — while the result is packed for the main thread
//   worker  — kills the worker thread that holds the file (the main thread then redoes its batch)
import { isMainThread } from 'node:worker_threads';

const spec = process.env.GOVREPORT_FAULT;
const [stageWanted, text] = spec && spec.includes(':') ? [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)] : [null, null];

export function fault(stage: 'analyze' | 'pack' | 'worker', path: string): void {
  if (stageWanted !== stage || !text || !path.includes(text)) return;
  // In a worker the caller throws it outside any handler: the worker dies as on an uncaught error.
  if (stage === 'worker' && isMainThread) return;
  throw new RangeError(`injected ${stage} failure (${path})`);
}
