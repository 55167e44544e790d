import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixtureManifests } from '../../src/fetch/fixture-manifest.ts';
import { sniffMediaType } from '../../src/fetch/decode.ts';
import { projectRecordSchema } from '../../src/schema/record.ts';
import { adapterById, adapterFor } from '../../src/sources/index.ts';

// One contract for every adapter: each recorded page must give exactly the records and links its
// expected file holds. A new adapter gets its tests by adding a fixture folder.
const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const sites = await readFixtureManifests(FIXTURES);

const cases = sites.flatMap((site) =>
  site.pages.filter((page) => page.expected).map((page) => ({ site: site.site, adapterId: site.adapter, dir: site.dir, ...page })),
);

describe('fixture manifests', () => {
  it('cover every adapter with at least three pages that have expected records', () => {
    for (const id of ['urbact', 'cedefop', 'up2europe', 'aer-pdf', 'generic']) {
      const pages = cases.filter((c) => c.adapterId === id);
      expect(pages.length, `fixtures for ${id}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.each(cases)('$adapterId: $url', (page) => {
  it('is claimed by its adapter and gives the expected records and links', async () => {
    const body = await readFile(join(page.dir, page.file));
    const mediaType = sniffMediaType(body, page.contentType.split(';')[0].trim());
    const adapter = adapterById(page.adapterId);
    if (page.adapterId !== 'generic') expect(adapterFor(page.url, mediaType).id).toBe(page.adapterId);

    const expected = JSON.parse(await readFile(join(page.dir, page.expected!), 'utf8')) as { records: unknown[]; follow?: string[] };
    const result = await adapter.read({ url: page.url, finalUrl: page.url, mediaType, body });

    for (const record of result.records) expect(projectRecordSchema.safeParse(record).success).toBe(true);
    expect(result.records).toEqual(expected.records);
    expect(new Set(result.follow.map((link) => link.url))).toEqual(new Set(expected.follow ?? []));
  });
});
