// Many documents are analysed on worker threads (the engine is CPU-bound and pure); a few in-process, where
// starting workers would cost more than it saves. Results come back in the order of the jobs.
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type Outcome } from './job';

/**
 * Below this many documents, workers do not pay for themselves: each thread warms up on its own (JIT and the
 * engine's memo tables), which costs about as much CPU as analysing a few dozen documents.
 */
const MIN_JOBS_FOR_WORKERS = 48;
const BATCH = 4;

export const WORKER_FLAG = 'mldocWorker';

/**
 * Cores one JavaScript thread keeps busy. V8 compiles and collects garbage on helper threads of its own: one
 * analysing thread used 3.1 s of CPU in 2.0 s (210 files, 2-core machine), and two threads there took 2.4 s
 * instead of 2.0 s. A worker pays only when a core and a half is idle for it.
 */
export const CORES_PER_THREAD = 1.5;

/** What the machine offers: its cores and its one-minute load average. */
export interface Machine {
  readonly cores: number;
  readonly load: number;
}

const thisMachine = (): Machine => ({ cores: availableParallelism(), load: loadavg()[0] ?? 0 });

export function threadCount(jobs: number, env: Readonly<Record<string, string | undefined>>, machine: Machine = thisMachine()): number {
  const asked = Number(env['MLDOC_THREADS']);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, Math.max(1, Math.ceil(jobs / BATCH)));
  if (jobs < MIN_JOBS_FOR_WORKERS) return 1;
  // Only cores that are idle help: on a busy machine extra threads add their warm-up and gain nothing.
  const idle = Math.max(0, machine.cores - machine.load);
  const max = Math.min(8, Math.floor(idle / CORES_PER_THREAD + 1e-9));
  return Math.max(1, Math.min(max, Math.ceil(jobs / BATCH)));
}

/**
 * Runs every job on `threads` threads: this one and `threads - 1` workers running `script` (the bundled CLI
 * itself). Jobs go out in small batches, two in flight per worker, so that no thread waits for work.
 */
export async function runJobs(jobs: readonly Job[], threads: number, script: string): Promise<Outcome[]> {
  if (threads <= 1) return jobs.map(runJob);
  const outcomes: Outcome[] = new Array(jobs.length);
  let next = 0;
  const take = (): { start: number; jobs: readonly Job[] } | undefined => {
    if (next >= jobs.length) return undefined;
    const start = next;
    next = Math.min(jobs.length, next + BATCH);
    return { start, jobs: jobs.slice(start, next) };
  };
  const work = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const send = () => {
        const batch = take();
        if (batch) {
          inFlight++;
          worker.postMessage(batch);
        } else if (inFlight === 0) resolve();
      };
      worker.on('message', (m: { start: number; outcomes: Outcome[] }) => {
        m.outcomes.forEach((o, i) => (outcomes[m.start + i] = o));
        inFlight--;
        send();
      });
      worker.once('error', reject);
      send();
      send();
    });
  const here = async () => {
    for (let batch = take(); batch; batch = take()) {
      batch.jobs.forEach((job, i) => (outcomes[batch!.start + i] = runJob(job)));
      await new Promise((r) => setImmediate(r)); // let the workers' answers in
    }
  };
  const workers = Array.from({ length: threads - 1 }, () => new Worker(script, { workerData: { [WORKER_FLAG]: true } }));
  try {
    await Promise.all([here(), ...workers.map(work)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}

/** The worker side: answer each batch of jobs with its outcomes. */
export function serveJobs(port: { on(event: 'message', fn: (m: { start: number; jobs: Job[] }) => void): void; postMessage(m: unknown): void }): void {
  port.on('message', (m) => port.postMessage({ start: m.start, outcomes: m.jobs.map(runJob) }));
}
