// The worker pool: tasks go out in small batches to N worker threads (out/worker.cjs); results
// come back in any order and are stored by task index, so the output order never depends on
// scheduling. Small runs (or --jobs 1, or no built worker) are analysed in the main thread.
//
// Memory: each worker's heap is capped (young generation 24 MB, old generation 192 MB). The young
// generation trades memory for CPU: on 10,000 reports a 12 MB one spent ~45 % more CPU in
// scavenges than 32 MB, and 4 MB twice the CPU of 32 MB; 24 MB costs no more CPU than 32 MB
// (33.7 against 35.5 s, load 16) and peaks at 243 MB instead of 290 MB on 10,000 reports, where
// the workers' heaps are most of the run's memory (the main thread keeps results small, store.ts). A file that really needs more (a
// huge Markdown document) kills its worker with ERR_WORKER_OUT_OF_MEMORY: its batch is then
// analysed in the main thread, without the cap, and a fresh worker takes over the rest.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { internalFailure, safeAnalyze } from './analyze.ts';
import { fault } from './fault.ts';
import { packResult, stored, type PackedResult, type Stored } from './store.ts';
import type { Task } from './types.ts';

const BATCH = 4;
/** GOVREPORT_WORKER_HEAP_MB overrides the old-generation cap (tests use a tiny one to force the fallback). */
const LIMITS = {
  maxYoungGenerationSizeMb: Number(process.env.GOVREPORT_WORKER_YOUNG_MB) || 24,
  maxOldGenerationSizeMb: Number(process.env.GOVREPORT_WORKER_HEAP_MB) || 192,
};

export function workerScript(): string | null {
  const fromEnv = process.env.GOVREPORT_WORKER;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const here = typeof __filename === 'string' ? dirname(__filename) : null;
  const candidate = here ? join(here, 'worker.cjs') : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

/**
 * One task in this thread, whatever happens: a failure anywhere (the check, packing a huge result,
 * storing it) becomes FILE-INTERNAL for that file, and every other file's result stays.
 */
export async function settle(t: Task): Promise<Stored> {
  try {
    const result = await safeAnalyze(t);
    fault('pack', t.path);
    return stored(packResult(result));
  } catch (e) {
    process.stderr.write(`govreport: ${t.path}: internal error: ${(e as Error)?.message ?? e}\n`);
    return stored(packResult(internalFailure(t, e)));
  }
}

export async function runTasks(tasks: Task[], jobs: number, onDone: (n: number) => void): Promise<Stored[]> {
  const results: Stored[] = new Array(tasks.length);
  const script = workerScript();
  const threads = Math.min(jobs, Math.ceil(tasks.length / BATCH));
  const inMain = async (batch: Task[]) => {
    for (const t of batch) results[t.index] = await settle(t);
    onDone(batch.length);
  };
  if (threads <= 1 || !script) {
    for (const t of tasks) await inMain([t]);
    return results;
  }
  let next = 0;
  const take = (): Task[] => {
    // Smaller batches near the end keep every thread busy until the last file.
    const left = tasks.length - next;
    const size = Math.max(1, Math.min(BATCH, Math.floor(left / (threads * 2))));
    const batch = tasks.slice(next, next + size);
    next += batch.length;
    return batch;
  };

  /** Runs one worker until the queue is empty; replaces itself if it dies. */
  const lane = (): Promise<void> => new Promise<void>((resolveLane, rejectLane) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { resourceLimits: LIMITS });
    } catch {
      // No thread to be had (ERR_WORKER_INIT_FAILED when the process is out of resources): this
      // lane's share is analysed here instead of failing the run.
      void (async () => {
        while (next < tasks.length) await inMain(take());
      })().then(resolveLane, rejectLane);
      return;
    }
    const inFlight: Task[][] = [];
    let finished = false;
    const finish = (replace: boolean) => {
      if (finished) return;
      finished = true;
      // Whatever the dead worker still held is done here, then a new worker carries on. The chain
      // settles the lane either way: a replacement lane that fails fails the run, it is not dropped.
      void (async () => {
        for (const batch of inFlight.splice(0)) await inMain(batch);
        if (replace && next < tasks.length) await lane();
      })().then(resolveLane, rejectLane);
    };
    const feed = () => {
      while (inFlight.length < 2 && next < tasks.length) {
        const batch = take();
        inFlight.push(batch);
        worker.postMessage(batch);
      }
      if (inFlight.length === 0) {
        finished = true;
        worker.terminate().then(() => resolveLane(), () => resolveLane());
      }
    };
    worker.on('message', (batch: (PackedResult & { index: number })[]) => {
      inFlight.shift();
      for (const r of batch) {
        const { index, ...rest } = r;
        results[index] = stored(rest);
      }
      onDone(batch.length);
      feed();
    });
    worker.on('error', () => finish(true));
    worker.on('exit', () => finish(true));
    feed();
  });

  await Promise.all(Array.from({ length: threads }, lane));
  return results;
}
