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
async function settle(task: Task): Promise<PackedResult & { index: number }> {
  fault('worker', task.path);
  try {
    const result = await safeAnalyze(task);
    fault('pack', task.path);
    return { ...packResult(result), index: task.index };
  } catch (e) {
    return { ...packResult(internalFailure(task, e)), index: task.index };
  }
}

/** One batch at a time, in order: the pool sends the next batch only when this one is answered. */
let queue: Promise<void> = Promise.resolve();
port.on('message', (batch: Task[]) => {
  queue = queue.then(async () => {
    const out: (PackedResult & { index: number })[] = [];
    for (const task of batch) out.push(await settle(task));
    port.postMessage(out);
  });
  // An injected worker failure must kill the worker, as an uncaught error would.
  queue.catch((e) => setImmediate(() => {
    throw e;
  }));
});
