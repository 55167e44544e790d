import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf } from '../../src/core/content-hash.ts';
import { ConfigError, describeError, ExtractError } from '../../src/core/errors.ts';
import { createExtractor, type ExtractOutcome, type Extractor, type ExtractTask } from '../../src/core/extractor.ts';

// The extractor against real worker threads. Crashes, hangs and heap exhaustion are injected
// through the worker's test-only fault ids, which it honours only with this variable set; a
// worker copies the environment when it starts, so it is set before any extractor exists.
process.env.ELET_EXTRACT_WORKER_FAULTS = '1';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

interface FixturePage {
  name: string;
  adapterId: string;
  url: string;
  file: string;
  mediaType: string;
  expected: string;
}

const PAGES: FixturePage[] = [
  { name: 'an URBACT network page', adapterId: 'urbact', url: 'https://urbact.eu/networks/stay-tuned', file: 'urbact/stay-tuned.html', mediaType: 'text/html', expected: 'urbact/stay-tuned.expected.json' },
  { name: 'an AER project PDF', adapterId: 'aer-pdf', url: 'https://aer.eu/wp-content/uploads/2015/10/JET-CD-project-summary.pdf', file: 'aer-pdf/jet-cd-project-summary.pdf', mediaType: 'application/pdf', expected: 'aer-pdf/jet-cd-project-summary.expected.json' },
  { name: 'a generic text page', adapterId: 'generic', url: 'http://trialweb.jednoduse.cz/?p=1235', file: 'generic/education-is-partnership.txt', mediaType: 'text/plain', expected: 'generic/education-is-partnership.expected.json' },
];

async function taskFor(page: FixturePage): Promise<ExtractTask> {
  // A fresh copy per task: with workers the bytes are transferred and the caller's view emptied.
  const body = new Uint8Array(await readFile(resolve(FIXTURES, page.file)));
  return { adapterId: page.adapterId, doc: { url: page.url, finalUrl: page.url, mediaType: page.mediaType, charset: 'utf-8' }, body };
}

const STAY_TUNED = PAGES[0];

function pageTask(adapterId: string, url: string, html: string): ExtractTask {
  return { adapterId, doc: { url, finalUrl: url, mediaType: 'text/html', charset: 'utf-8' }, body: new TextEncoder().encode(html) };
}

const faultTask = (fault: string, url: string): ExtractTask => pageTask(`fault:${fault}`, url, '<html><body>whatever</body></html>');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the read to fail, but it succeeded');
}

let inProcess: Extractor;
let pool: Extractor;

beforeAll(() => {
  inProcess = createExtractor({ workers: 0 });
  // A heap small enough to exhaust quickly in the fault test, large enough for every fixture.
  // One pool serves most tests because each worker start loads every adapter (a second or two).
  pool = createExtractor({ workers: 2, workerHeapMb: 256 });
});

afterAll(async () => {
  await Promise.all([inProcess?.close(), pool?.close()]);
});

describe('reading on worker threads', () => {
  it.each(PAGES)('gives the same records, links and content hash for $name as in-process, and the expected records', async (page) => {
    const expected = JSON.parse(await readFile(resolve(FIXTURES, page.expected), 'utf8')) as { records: unknown[] };
    const local = await inProcess.read(await taskFor(page));
    const threaded = await pool.read(await taskFor(page));

    expect(local.result.records).toEqual(expected.records);
    expect(threaded).toEqual(local);
    expect(threaded.contentHash).toBe(contentHashOf(threaded.result));
  });

  it('completes 200 concurrent reads of different pages, each with its own result', async () => {
    // HTML and text pages only: what is tested is the queueing, not pdf.js's speed.
    const pages = PAGES.filter((page) => page.mediaType !== 'application/pdf');
    const references = await Promise.all(pages.map(async (page) => inProcess.read(await taskFor(page))));
    const tasks = await Promise.all(Array.from({ length: 200 }, (_, i) => taskFor(pages[i % pages.length])));
    const outcomes: ExtractOutcome[] = await Promise.all(tasks.map((task) => pool.read(task)));

    expect(outcomes).toHaveLength(200);
    outcomes.forEach((outcome, i) => expect(outcome.contentHash).toBe(references[i % pages.length].contentHash));
  });

  it('transfers a body that owns its buffer, and copies a view on a shared one', async () => {
    const owned = await taskFor(STAY_TUNED);
    await pool.read(owned);
    expect(owned.body.byteLength).toBe(0);

    // A small Node Buffer is a slice of a pool other Buffers share: detaching it would empty them.
    const neighbour = Buffer.from('a neighbour in the same pool');
    const pooled = Buffer.from('<html><head><title>A page</title></head><body><h1>A project against early leaving</h1></body></html>');
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    await pool.read({ adapterId: 'urbact', doc: { url: 'https://urbact.eu/networks/x', finalUrl: 'https://urbact.eu/networks/x', mediaType: 'text/html', charset: 'utf-8' }, body: pooled }).catch(() => null);
    expect(pooled.toString()).toContain('A project against early leaving');
    expect(neighbour.toString()).toBe('a neighbour in the same pool');
  });
});

describe('errors across the thread boundary', () => {
  it('a page with no title is the same ExtractError, with its URL, as in-process', async () => {
    const url = 'https://urbact.eu/networks/untitled';
    const html = '<html><body><p>No heading here, only a paragraph about early school leaving.</p></body></html>';
    const local = await rejection(inProcess.read(pageTask('urbact', url, html)));
    const threaded = await rejection(pool.read(pageTask('urbact', url, html)));

    expect(local).toBeInstanceOf(ExtractError);
    expect(threaded).toBeInstanceOf(ExtractError);
    expect((threaded as ExtractError).url).toBe(url);
    expect((threaded as ExtractError).message).toBe((local as ExtractError).message);
    expect(describeError(threaded)).toEqual(describeError(local));
  });

  it('an unknown adapter id is a ConfigError on the main thread too', async () => {
    const error = await rejection(pool.read(pageTask('no-such-adapter', 'https://example.org/a', '<html></html>')));
    expect(error).toBeInstanceOf(ConfigError);
    expect(describeError(error)).toEqual(describeError(await rejection(inProcess.read(pageTask('no-such-adapter', 'https://example.org/a', '<html></html>')))));
  });
});

describe('faulty workers', () => {
  it('an untyped error from a buggy adapter arrives as a plain Error with its name and message', async () => {
    const error = await rejection(pool.read(faultTask('throw', 'https://example.org/bug')));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ExtractError);
    expect(describeError(error)).toEqual({ errorClass: 'TypeError', message: 'injected bug in an adapter' });
  });


  it('workers that crash, exit or run out of heap fail only their own tasks, naming the URL, and are replaced', async () => {
    const faults = ['crash', 'exit', 'oom'];
    const faultReads = faults.map((fault) => pool.read(faultTask(fault, `https://example.org/${fault}`)));
    const pageReads = PAGES.map(async (page) => pool.read(await taskFor(page)));
    const [faultOutcomes, pageOutcomes] = await Promise.all([Promise.allSettled(faultReads), Promise.allSettled(pageReads)]);

    faultOutcomes.forEach((outcome, i) => {
      expect(outcome.status).toBe('rejected');
      const error = (outcome as PromiseRejectedResult).reason as ExtractError;
      expect(error).toBeInstanceOf(ExtractError);
      expect(error.url).toBe(`https://example.org/${faults[i]}`);
      expect(error.message).toContain(`https://example.org/${faults[i]}`);
    });
    expect(pageOutcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);

    const next = await pool.read(await taskFor(STAY_TUNED));
    expect(next.result.records[0].title).toBe('Stay Tuned');
  });

  it('a read that runs past the time limit fails with an ExtractError and its worker is replaced', async () => {
    const slow = createExtractor({ workers: 1, taskTimeoutMs: 2_000 });
    try {
      const url = 'https://example.org/pathological';
      const [hung, after] = await Promise.allSettled([slow.read(faultTask('hang', url)), slow.read(await taskFor(STAY_TUNED))]);

      expect(hung.status).toBe('rejected');
      const error = (hung as PromiseRejectedResult).reason as ExtractError;
      expect(error).toBeInstanceOf(ExtractError);
      expect(error.url).toBe(url);
      expect(error.message).toMatch(/took longer than 2000 ms/);
      // The read queued behind the hung one ran on the replacement worker.
      expect(after.status).toBe('fulfilled');
      expect((after as PromiseFulfilledResult<ExtractOutcome>).value.result.records[0].title).toBe('Stay Tuned');
    } finally {
      await slow.close();
    }
  });
});

describe('workers that cannot start', () => {
  it('fail the waiting reads with an ExtractError instead of being replaced forever', async () => {
    // Too small a heap to load the adapters: every worker dies while starting.
    const starved = createExtractor({ workers: 1, workerHeapMb: 8 });
    try {
      const error = await rejection(starved.read(await taskFor(STAY_TUNED)));
      expect(error).toBeInstanceOf(ExtractError);
      expect((error as ExtractError).url).toBe(STAY_TUNED.url);
      expect((error as ExtractError).message).toMatch(/could not start/);
    } finally {
      await starved.close();
    }
  });
});

describe('closing', () => {
  it.each([0, 1])('with %i workers, close() waits for accepted reads, and a read after it is a ConfigError', async (workers) => {
    const extractor = createExtractor({ workers });
    const tasks = await Promise.all(PAGES.map(taskFor));
    let settled = 0;
    const reads = tasks.map((task) => extractor.read(task).finally(() => settled++));
    await extractor.close();
    expect(settled).toBe(PAGES.length);
    const outcomes = await Promise.all(reads);
    expect(outcomes.map((outcome) => outcome.result.records.length)).toEqual([1, 1, 1]);

    const error = await rejection(extractor.read(await taskFor(STAY_TUNED)));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).url).toBe(STAY_TUNED.url);
  });

  it('refuses a negative number of workers', () => {
    expect(() => createExtractor({ workers: -1 })).toThrow(ConfigError);
  });
});
