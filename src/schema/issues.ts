import type { z } from 'zod';

/** A schema's complaints as "path: message" lines; `whole` names an issue about the value itself. */
export function describeIssues(error: z.ZodError, whole: string): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`);
}
