#!/usr/bin/env node
// mldoc: the engine on the command line. The commands live in cli/; this file only connects them to the
// process. The same file is the worker-thread script that analyses documents when there are many (cli/pool.ts).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { processIo } from './cli/io';
import { run } from './cli/main';
import { serveJobs, WORKER_FLAG } from './cli/pool';
import { tuneV8 } from './v8-tuning';

// Process-wide: the worker threads share it.
if (isMainThread) tuneV8();

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) {
  serveJobs(parentPort);
} else {
  void run(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
