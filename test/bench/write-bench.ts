import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { extractTask } from '../../src/core/extract-worker.ts';
import { readFixtureManifests } from '../../src/fetch/fixture-manifest.ts';
import { openStore, type DocumentToSave } from '../../src/store/index.ts';

// How fast the store saves documents, with nothing else running: the pages of a bench site already
// on disk are read by their adapters first (untimed), then saved in batches as the pipeline does.
//
//   node src/bin/run-ts.js test/bench/write-bench.ts [--site DIR] [--pages N] [--batch 25] [--url postgres://...]
//
// To see what a part of each document costs, leave it out: SMALLBODY=1 archives a few bytes instead
// of the page, NOEVIDENCE=1 saves the records without their evidence, EXTERNAL=1 stores bodies
// uncompressed by the database (storage external).

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: '/tmp/elet-bench-sites/site-5000' },
    pages: { type: 'string', default: '1000' },
    batch: { type: 'string', default: '25' },
    url: { type: 'string', default: 'memory://' },
    home: { type: 'string' },
  },
});

const sites = await readFixtureManifests(values.site);
const pages = sites.flatMap((site) => site.pages.map((page) => ({ ...page, adapterId: site.adapter, dir: site.dir }))).slice(0, Number(values.pages));
const items: DocumentToSave[] = [];
for (const page of pages) {
  const body = new Uint8Array(await readFile(path.join(page.dir, page.file)));
  const stored = process.env.SMALLBODY ? new TextEncoder().encode(page.url) : body;
  const doc = { url: page.url, finalUrl: page.url, mediaType: page.contentType.split(';')[0], charset: null };
  const { result, contentHash, evidence, unmatched, quarantined } = await extractTask({ adapterId: page.adapterId, doc, body });
  items.push({
    doc: {
      url: page.url, finalUrl: page.url, source: page.adapterId, httpStatus: 200, contentType: doc.mediaType,
      sha256: createHash('sha256').update(stored).digest('hex'), etag: null, lastModified: null, fetchedAt: new Date(), body: stored,
    },
    records: result.records,
    options: { contentHash, followLinks: result.follow, evidence: process.env.NOEVIDENCE ? undefined : evidence, unmatchedLabels: unmatched, quarantined },
  });
}

const store = await openStore(values.home ? { home: values.home } : { url: values.url });
await store.migrate();
if (process.env.EXTERNAL) await store.db.execute(sql.raw('alter table document_bodies alter column bytes set storage external'));
const batch = Number(values.batch);
const started = performance.now();
// CPU time of every thread (the embedded database works on its own): steadier than the clock on a shared machine.
const cpuBefore = process.cpuUsage();
for (let index = 0; index < items.length; index += batch) await store.saveDocuments(items.slice(index, index + batch));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(`${items.length} documents in batches of ${batch}: ${seconds.toFixed(2)} s, ${(items.length / seconds).toFixed(0)} docs/s, ${(seconds * 1000 / items.length).toFixed(2)} ms/doc, ${((cpu.user + cpu.system) / 1000 / items.length).toFixed(2)} CPU ms/doc`);
await store.close();
