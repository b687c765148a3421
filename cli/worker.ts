// Worker thread entry (built to out/worker.cjs): analyses the files the pool sends, one message
// per batch of tasks, and answers with their results in the same order.
import { parentPort } from 'node:worker_threads';
import { safeAnalyze } from './analyze.ts';
import { packResult } from './store.ts';
import type { Task } from './types.ts';

if (!parentPort) throw new Error('cli/worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', (batch: Task[]) => {
  port.postMessage(batch.map((task) => ({ ...packResult(safeAnalyze(task)), index: task.index })));
});
