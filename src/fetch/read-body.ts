import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { PermanentFetchError, TransientFetchError } from '../core/errors.ts';

// Reads a response body into memory without ever holding more than the limit: the count runs on
// the decompressed bytes (a small gzip can expand enormously), and the transfer is aborted as soon
// as the limit is passed.

/** What we tell servers we can decode; zstd is left out because Node 20's zlib lacks it. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

function decoderFor(coding: string, url: string): Transform | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    case 'identity':
    case '':
      return null;
    default:
      throw new PermanentFetchError(`unsupported content-encoding "${coding}"`, { url });
  }
}

/** Decoders in the order to apply them: the last coding listed was applied last by the server. */
function decodersFor(contentEncoding: string | undefined, url: string): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding.toLowerCase().split(',').map((coding) => coding.trim()).reverse();
  return codings.map((coding) => decoderFor(coding, url)).filter((decoder): decoder is Transform => decoder !== null);
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

export interface ReadBodyOptions {
  url: string;
  contentEncoding: string | undefined;
  maxBytes: number;
  /** Longest silence allowed between two chunks. */
  idleTimeoutMs: number;
}

/**
 * A pass-through that fails the transfer when the server goes quiet for too long. undici has a body
 * timeout of its own, but its timers tick about once a second, which lets a server that sends a
 * byte every few hundred milliseconds slip under any shorter limit.
 */
function idleWatchdog(source: Readable, idleTimeoutMs: number, url: string): Transform {
  const fire = (): void => {
    source.destroy(new TransientFetchError(`no data for ${idleTimeoutMs} ms while reading the body`, { url }));
  };
  const timer = setTimeout(fire, idleTimeoutMs);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      timer.refresh();
      callback(null, chunk);
    },
    flush(callback) {
      clearTimeout(timer);
      callback();
    },
    destroy(error, callback) {
      clearTimeout(timer);
      callback(error);
    },
  });
}

/**
 * The whole body, decompressed. Throws PermanentFetchError when it exceeds `maxBytes`, is encoded
 * in a way we cannot decode, or is corrupt; TransientFetchError when the server falls silent for
 * `idleTimeoutMs`. The HTTP client's own errors (timeouts, resets) pass through for the caller to
 * classify.
 */
export async function readBody(stream: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { url, maxBytes } = options;
  let decoders: Transform[];
  try {
    decoders = decodersFor(options.contentEncoding, url);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // pipeline may report the AbortError of the streams it tears down instead of the reason we
  // stopped, so the reason is kept aside.
  let tooLarge: PermanentFetchError | null = null;
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        // Throwing here makes pipeline destroy the source, which aborts the download.
        tooLarge = new PermanentFetchError(`body larger than ${maxBytes} bytes`, { url });
        throw tooLarge;
      }
      chunks.push(chunk);
    }
  };
  try {
    const watchdog = idleWatchdog(stream, options.idleTimeoutMs, url);
    await (pipeline as (...streams: unknown[]) => Promise<void>)(stream, watchdog, ...decoders, collect);
  } catch (error) {
    if (tooLarge) throw tooLarge;
    if (isZlibError(error)) throw new PermanentFetchError(`corrupt ${options.contentEncoding} body`, { url, cause: error });
    throw error;
  }
  return Buffer.concat(chunks, total);
}
