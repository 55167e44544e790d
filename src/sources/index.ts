import { ConfigError } from '../core/errors.ts';
import { aerPdfAdapter } from './aer-pdf/index.ts';
import { cedefopAdapter } from './cedefop/index.ts';
import { genericAdapter } from './generic/index.ts';
import type { SourceAdapter } from './types.ts';
import { up2europeAdapter } from './up2europe/index.ts';
import { urbactAdapter } from './urbact/index.ts';

// Site adapters first, in no particular order; the generic adapter claims everything and so is asked last.
export const adapters: readonly SourceAdapter[] = [urbactAdapter, cedefopAdapter, up2europeAdapter, aerPdfAdapter, genericAdapter];

export function adapterById(id: string): SourceAdapter {
  const adapter = adapters.find((candidate) => candidate.id === id);
  if (!adapter) throw new ConfigError(`no source adapter '${id}' (known: ${adapters.map((a) => a.id).join(', ')})`);
  return adapter;
}

/**
 * The adapter that reads the page at this URL: `preferred` (the adapter that asked for the page)
 * if it claims it, else the first site adapter that claims it, else the generic one.
 */
export function adapterFor(url: string, mediaType?: string, preferred?: SourceAdapter): SourceAdapter {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return preferred ?? genericAdapter;
  }
  const candidates = preferred ? [preferred, ...adapters] : adapters;
  return candidates.find((adapter) => adapter.claims(parsed, mediaType)) ?? genericAdapter;
}
