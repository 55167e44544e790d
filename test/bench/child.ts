import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultSchema, type Job, type Result } from './protocol.ts';

// Starts one measurement child and reads back its result. A fresh process per measurement keeps
// maxRSS honest: the peak of a process can only grow, so two measurements in one would mix.

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_TS = path.join(PROJECT_ROOT, 'src/bin/run-ts.js');
const MEASURE = fileURLToPath(new URL('./measure.ts', import.meta.url));

export interface ChildOptions {
  /** Folder for `node --cpu-prof`, or null. */
  cpuProfileDir: string | null;
  /** Name for the profile file, e.g. `full-pglite-5000-r1`. */
  label: string;
}

export async function runChild(job: Omit<Job, 'resultFile'>, options: ChildOptions): Promise<Result> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'elet-bench-result-'));
  const resultFile = path.join(scratch, 'result.json');
  // --expose-gc lets the child read the heap that stays alive after a collection.
  const nodeFlags = ['--expose-gc'];
  // One folder per measurement: worker threads (extraction, PGlite) write their own profiles beside the main thread's.
  if (options.cpuProfileDir) nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${path.join(options.cpuProfileDir, options.label)}`);
  // The child must use the database it is given, never one the caller's shell points at.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  if (job.database?.kind === 'pglite') env.ELET_HOME = job.database.home;
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      // The child's own output goes to our stderr, so that stdout carries only the report.
      const child = spawn(process.execPath, [...nodeFlags, RUN_TS, MEASURE, JSON.stringify({ ...job, resultFile })], {
        cwd: PROJECT_ROOT,
        env,
        stdio: ['ignore', 2, 2],
      });
      child.once('error', reject);
      child.once('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
    });
    if (code !== 0) throw new Error(`${options.label}: measurement child ${code === null ? 'was killed' : `exited with ${code}`}`);
    return resultSchema.parse(JSON.parse(await readFile(resultFile, 'utf8')));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
