import { z } from 'zod';

const hostLimitsSchema = z.object({
  concurrency: z.number().int().positive().default(2),
  minDelayMs: z.number().int().nonnegative().default(0),
});

export const pipelineConfigSchema = z.object({
  name: z.string().min(1),
  /** Names the project and a contact, so site owners know who is asking. */
  userAgent: z.string().min(1),
  sources: z
    .array(
      z.object({
        adapter: z.string().min(1),
        seeds: z.array(z.string().url()).min(1),
      }),
    )
    .min(1),
  /** Per-host politeness, by hostname; hosts not listed get `defaultHost`. */
  hosts: z.record(z.string(), hostLimitsSchema).default({}),
  defaultHost: hostLimitsSchema.default({ concurrency: 2, minDelayMs: 0 }),
  /** How many documents the pipeline works on at once, across all hosts. */
  concurrency: z.number().int().positive().default(8),
  /** Worker threads that parse pages; 0 parses on the main thread. Default: one per core. */
  extractWorkers: z.number().int().nonnegative().optional(),
  /** How many document writes (each one transaction) may be in flight at once. */
  storeConcurrency: z.number().int().positive().default(4),
  /** A run whose share of failed URLs passes this exits non-zero. */
  maxFailureRate: z.number().min(0).max(1).default(0.2),
  /** Stops link following from running away on a site whose pagination loops. */
  maxDocuments: z.number().int().positive().default(10_000),
  dedupe: z.object({
    mergeThreshold: z.number().min(0).max(1),
    reviewThreshold: z.number().min(0).max(1),
    precedence: z.record(z.string(), z.array(z.string())),
  }),
});

export type PipelineConfig = z.infer<typeof pipelineConfigSchema>;
export type PipelineConfigInput = z.input<typeof pipelineConfigSchema>;

/** Typed helper for pipelines/*.ts: validates the definition when the module loads. */
export function definePipeline(config: PipelineConfigInput): PipelineConfig {
  return pipelineConfigSchema.parse(config);
}
