import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { describeError } from '../../src/core/errors.ts';
import { createExtractor } from '../../src/core/extractor.ts';
import { readFixtureManifests } from '../../src/fetch/fixture-manifest.ts';

// How fast adapter reads go in-process and on 1 and 2 worker threads, over the pages of a bench
// site already written to disk (`npm run bench -- --quick` writes one), with no fetching or storing:
//
//   node src/bin/run-ts.js test/bench/extractor-bench.ts [--site /tmp/elet-bench-sites/site-5000] [--pages N] [--workers 0,1,2]
//
// Each mode first reads one page per worker untimed, so thread start-up is reported apart.

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: '/tmp/elet-bench-sites/site-5000' },
    pages: { type: 'string' },
    workers: { type: 'string', default: '0,1,2' },
  },
});

interface Page {
  url: string;
  file: string;
  adapterId: string;
  mediaType: string;
}

const sites = await readFixtureManifests(values.site);
const allPages: Page[] = sites.flatMap((site) =>
  // robots.txt is served for politeness, not read as a document.
  site.pages.filter((page) => page.contentType.startsWith('text/html')).map((page) => ({ url: page.url, file: path.join(site.dir, page.file), adapterId: site.adapter, mediaType: page.contentType.split(';')[0].trim() })),
);
const pages = values.pages ? allPages.slice(0, Number(values.pages)) : allPages;
if (pages.length === 0) throw new Error(`no pages under ${values.site}; write a bench site with: npm run bench -- --quick`);

// fs.readFile gives each file its own buffer, so the extractor transfers it without a copy.
const readPage = (page: Page): Promise<Uint8Array> => readFile(page.file);

async function measure(workers: number): Promise<void> {
  const extractor = createExtractor({ workers });
  const warmUp = Date.now();
  await Promise.all(pages.slice(0, Math.max(1, workers)).map(async (page) => extractor.read({ adapterId: page.adapterId, doc: { url: page.url, finalUrl: page.url, mediaType: page.mediaType, charset: 'utf-8' }, body: await readPage(page) })));
  const startUpMs = Date.now() - warmUp;

  // Enough reads in flight to keep every worker busy while the next files are read from disk.
  const inFlight = Math.max(2, workers * 4);
  let next = 0;
  let records = 0;
  let failed = 0;
  const failures: string[] = [];
  const started = process.hrtime.bigint();
  // CPU time is steadier than wall time on a shared machine: other processes slow the clock, not the work.
  const cpuBefore = process.cpuUsage();
  // How busy the main thread was: with workers it should be mostly free for fetching and storing.
  const loopBefore = performance.eventLoopUtilization();
  const lane = async () => {
    while (next < pages.length) {
      const page = pages[next++];
      try {
        const outcome = await extractor.read({ adapterId: page.adapterId, doc: { url: page.url, finalUrl: page.url, mediaType: page.mediaType, charset: 'utf-8' }, body: await readPage(page) });
        records += outcome.result.records.length;
      } catch (error) {
        failed += 1;
        if (failures.length < 3) failures.push(`${page.url}: ${describeError(error).errorClass}: ${describeError(error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerPage = (cpu.user + cpu.system) / 1000 / pages.length;
  const mainBusy = performance.eventLoopUtilization(loopBefore).utilization;
  await extractor.close();
  const mode = workers === 0 ? 'in-process' : `${workers} worker${workers > 1 ? 's' : ''}`;
  console.log(
    `${mode.padEnd(10)} ${(pages.length / seconds).toFixed(0).padStart(5)} pages/s  (${pages.length} pages in ${seconds.toFixed(1)} s, ${records} records, ${failed} failed; ${cpuMsPerPage.toFixed(2)} CPU ms/page over all threads; main thread busy ${(mainBusy * 100).toFixed(0)}%; warm-up ${startUpMs} ms; process rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)`,
  );
  for (const failure of failures) console.log(`  failed: ${failure}`);
}

console.log(`extractor bench: ${pages.length} pages from ${values.site}`);
for (const workers of values.workers.split(',').map(Number)) await measure(workers);
