import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { PermanentFetchError, TransientFetchError } from '../core/errors.ts';
import { isTransientNetworkError } from './retry-policy.ts';
import { SilenceTimer } from './silence-timer.ts';

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
  /** The Content-Length the server declared (bytes on the wire, before decoding), if any. */
  declaredLength?: number | null;
}

/** What came over the wire so far: the watchdog counts it before any decoding. */
interface WireCount {
  bytes: number;
}

/**
 * A pass-through that fails the transfer when the server goes quiet for too long. undici has a body
 * timeout of its own, but its timers tick about once a second, which lets a server that sends a
 * byte every few hundred milliseconds slip under any shorter limit.
 */
function idleWatchdog(source: Readable, idleTimeoutMs: number, url: string, received: WireCount): Transform {
  const timer = new SilenceTimer(idleTimeoutMs, () => {
    source.destroy(new TransientFetchError(`no data for ${idleTimeoutMs} ms while reading the body`, { url }));
  });
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      timer.refresh();
      received.bytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      timer.stop();
      callback();
    },
    destroy(error, callback) {
      timer.stop();
      callback(error);
    },
  });
}

/**
 * The whole body, decompressed. Throws PermanentFetchError when it exceeds `maxBytes`, is encoded
 * in a way we cannot decode, or is corrupt; TransientFetchError when the server falls silent for
 * `idleTimeoutMs`, or closes the connection before the `declaredLength` bytes arrived (a truncated
 * body is worth asking again for). The HTTP client's other errors (timeouts, resets) pass through
 * for the caller to classify.
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
  const received: WireCount = { bytes: 0 };
  const declared = options.declaredLength ?? null;
  const truncated = (cause?: unknown) =>
    new TransientFetchError(`truncated body: the connection closed after ${received.bytes} of the ${declared} bytes declared by Content-Length`, { url, cause });
  try {
    const watchdog = idleWatchdog(stream, options.idleTimeoutMs, url, received);
    await (pipeline as (...streams: unknown[]) => Promise<void>)(stream, watchdog, ...decoders, collect);
  } catch (error) {
    if (tooLarge) throw tooLarge;
    // undici reports an early close as a socket error ("other side closed"), a decoder as an unexpected
    // end of its stream; the count says what either really meant.
    if (declared !== null && received.bytes < declared && (isTransientNetworkError(error) || isZlibError(error))) throw truncated(error);
    if (isZlibError(error)) throw new PermanentFetchError(`corrupt ${options.contentEncoding} body`, { url, cause: error });
    throw error;
  }
  // The HTTP client normally fails a short body itself; this keeps the promise if one ever gets through.
  if (declared !== null && received.bytes < declared) throw truncated();
  return Buffer.concat(chunks, total);
}
