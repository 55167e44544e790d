import { z } from 'zod';

// What the bench parent asks of a measurement child and what the child answers. Each measurement
// runs in its own process so that its peak memory (maxRSS) is its own and nothing one mode left on
// the heap is counted against the next; the two sides agree through these schemas.

export const MODES = ['bare', 'full', 'no-change'] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

export const databaseSchema = z.discriminatedUnion('kind', [
  /** Embedded PGlite under a temp ELET_HOME (`home`). */
  z.object({ kind: z.literal('pglite'), home: z.string().min(1) }),
  /** A fresh database on the local PostgreSQL. */
  z.object({ kind: z.literal('postgres'), url: z.string().min(1) }),
]);
export type BenchDatabase = z.infer<typeof databaseSchema>;

export const jobSchema = z.object({
  mode: modeSchema,
  /** The replay server's origin, `http://127.0.0.1:<port>`; the server runs in the parent. */
  origin: z.string().url(),
  /** The fixtures folder of the bench site. */
  siteDir: z.string().min(1),
  /** Pages (details, listings, robots.txt) the site holds: what a complete run must have handled. */
  totalDocuments: z.number().int().positive(),
  detailPages: z.number().int().positive(),
  concurrency: z.number().int().positive(),
  /** Extraction worker threads of the pipeline; absent: the pipeline's default. */
  extractWorkers: z.number().int().nonnegative().optional(),
  /** Absent for the bare loop, which stores nothing. */
  database: databaseSchema.optional(),
  /** Where the child writes its result as JSON. */
  resultFile: z.string().min(1),
});
export type Job = z.infer<typeof jobSchema>;

export const stageTimeSchema = z.object({ calls: z.number().int().nonnegative(), ms: z.number().nonnegative() });
export type StageTime = z.infer<typeof stageTimeSchema>;

export const resultSchema = z.object({
  mode: modeSchema,
  database: z.enum(['none', 'pglite', 'postgres']),
  /** Documents handled: fetched, unchanged or failed. */
  pages: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  pagesPerSecond: z.number().nonnegative(),
  /** process.resourceUsage().maxRSS of the child, in MiB. */
  maxRssMiB: z.number().nonnegative(),
  /** RSS once everything was imported and the store opened, before the measured work. */
  startRssMiB: z.number().nonnegative(),
  /** Heap in use at the end of the measured work, after a full garbage collection when exposed. */
  endHeapMiB: z.number().nonnegative(),
  /** User + system CPU of the child during the measured work. */
  cpuSeconds: z.number().nonnegative(),
  /** Share of the measured time the child's event loop was busy (1 = CPU-bound on one core). */
  eventLoopUtilization: z.number().min(0).max(1),
  /** Opening the store and applying migrations, not part of `seconds`. */
  setupSeconds: z.number().nonnegative(),
  counts: z.object({
    fetched: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    records: z.number().int(),
  }),
  /** Wall time inside each instrumented call; concurrent calls (fetch, read) overlap. */
  stages: z.record(z.string(), stageTimeSchema),
  /** What made this measurement suspect: failures, pages missed, records not produced. */
  problems: z.array(z.string()),
});
export type Result = z.infer<typeof resultSchema>;
