// Worker thread entry (built to out/worker.cjs): analyses the files the pool sends, one message
// per batch of tasks, and answers with their results in the same order.
import { parentPort } from 'node:worker_threads';
import { internalFailure, safeAnalyze } from './analyze.ts';
import { fault } from './fault.ts';
import { packResult, type PackedResult } from './store.ts';
import type { Task } from './types.ts';

if (!parentPort) throw new Error('cli/worker.ts must run as a worker thread');
const port = parentPort;
/** A task's packed result; a failure while packing it (a result too large for a string) is FILE-INTERNAL. */
function settle(task: Task): PackedResult & { index: number } {
  fault('worker', task.path);
  try {
    const result = safeAnalyze(task);
    fault('pack', task.path);
    return { ...packResult(result), index: task.index };
  } catch (e) {
    return { ...packResult(internalFailure(task, e)), index: task.index };
  }
}

port.on('message', (batch: Task[]) => {
  port.postMessage(batch.map(settle));
});
