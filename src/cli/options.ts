import { ConfigError } from '../core/errors.ts';

/** A `--limit` value: a positive whole number, else a ConfigError naming what was given. */
export function limitOption(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit <= 0) throw new ConfigError(`--limit wants a positive whole number, not '${text}'`);
  return limit;
}
