import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureManifest, FixturePage } from '../../src/fetch/fixture-manifest.ts';
import { MANIFEST_FILE } from '../../src/fetch/fixture-manifest.ts';
import { benchPipelineModule } from './bench-pipeline.ts';
import { listingUrl, renderListingPage, renderResourcePage, resourceUrl, SITE_ORIGIN, type ProjectPage } from './page-template.ts';
import { ITEMS_PER_LISTING, listingCount, listingPage, projectPage } from './site-content.ts';

// Writes the bench site as a fixtures folder (`<dir>/bench/site.json` and its pages), which the
// replay server serves like any recorded site. A finished site leaves a marker with the generator
// version, so a second bench over the same folder reuses it instead of writing gigabytes again.

/** Bump when pages change, so a kept site folder from an older generator is written anew. */
const GENERATOR_VERSION = 1;
const MARKER = 'generated.json';
const SITE_FOLDER = 'bench';
const HTML = 'text/html; charset=utf-8';
const WRITES_IN_FLIGHT = 32;

export interface BenchSite {
  /** The fixtures folder to hand the replay server. */
  dir: string;
  detailPages: number;
  listingPages: number;
  /** Documents a complete run handles: details and listings (robots.txt is politeness, not a document). */
  totalDocuments: number;
  bytes: number;
  seedUrl: string;
  /** `<dir>/pipeline.ts`: the bench pipeline for `elet run` by hand. */
  pipelineFile: string;
}

interface Marker {
  version: number;
  detailPages: number;
  listingPages: number;
  bytes: number;
  concurrency: number;
}

const PIPELINE_CONFIG_MODULE = fileURLToPath(new URL('../../src/core/pipeline-config.ts', import.meta.url));

async function readMarker(dir: string): Promise<Marker | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, MARKER), 'utf8')) as Marker;
  } catch {
    return null;
  }
}

/** Runs `work` over `items` with a bounded number of promises in flight. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const ROBOTS_TXT = `User-agent: *\nDisallow: /en/user/\nDisallow: /en/search\n`;

export async function generateSite(dir: string, detailPages: number, concurrency: number): Promise<BenchSite> {
  const listingPages = listingCount(detailPages);
  const totalDocuments = detailPages + listingPages;
  const pipelineFile = path.join(dir, 'pipeline.ts');
  const site = (bytes: number): BenchSite => ({ dir, detailPages, listingPages, totalDocuments, bytes, seedUrl: listingUrl(0), pipelineFile });

  const marker = await readMarker(dir);
  if (marker && marker.version === GENERATOR_VERSION && marker.detailPages === detailPages && marker.concurrency === concurrency) return site(marker.bytes);

  await rm(dir, { recursive: true, force: true });
  const siteDir = path.join(dir, SITE_FOLDER);
  await mkdir(path.join(siteDir, 'resources'), { recursive: true });
  await mkdir(path.join(siteDir, 'listing'), { recursive: true });

  // Pages by listing, so the manifest lists them in site order whatever order the writes finish in.
  const pagesByListing: FixturePage[][] = [];
  const slugs = new Set<string>();
  let bytes = 0;
  const write = async (file: string, html: string) => {
    bytes += Buffer.byteLength(html);
    await writeFile(path.join(siteDir, file), html);
  };

  // Listing by listing: the twelve projects of a listing are made, written and forgotten, so that
  // writing 20,000 pages does not hold them all.
  const listings = Array.from({ length: listingPages }, (_, k) => k);
  await forEachLimited(listings, Math.ceil(WRITES_IN_FLIGHT / ITEMS_PER_LISTING), async (listing) => {
    const first = listing * ITEMS_PER_LISTING;
    const projects: ProjectPage[] = [];
    for (let index = first; index < Math.min(first + ITEMS_PER_LISTING, detailPages); index++) {
      const project = projectPage(index, detailPages);
      // The coined names make slugs unique; a collision would silently shrink the site.
      if (slugs.has(project.slug)) throw new Error(`bench site: two pages share the slug ${project.slug}`);
      slugs.add(project.slug);
      projects.push(project);
    }
    await Promise.all(projects.map((project, k) => write(`resources/${project.slug}.html`, renderResourcePage(project, first + k))));
    await write(`listing/page-${listing}.html`, renderListingPage(listingPage(listing, projects, detailPages), listing));
    pagesByListing[listing] = [
      { url: listingUrl(listing), file: `listing/page-${listing}.html`, contentType: HTML },
      ...projects.map((project) => ({ url: resourceUrl(project.slug), file: `resources/${project.slug}.html`, contentType: HTML })),
    ];
  });
  const pages = pagesByListing.flat();
  await writeFile(path.join(siteDir, 'robots.txt'), ROBOTS_TXT);
  pages.push({ url: `${SITE_ORIGIN}/robots.txt`, file: 'robots.txt', contentType: 'text/plain; charset=utf-8' });

  const manifest: FixtureManifest = { adapter: 'cedefop', pages, redirects: [] };
  await writeFile(path.join(siteDir, MANIFEST_FILE), JSON.stringify(manifest));
  await writeFile(pipelineFile, benchPipelineModule({ totalPages: totalDocuments, concurrency }, PIPELINE_CONFIG_MODULE));
  const done: Marker = { version: GENERATOR_VERSION, detailPages, listingPages, bytes, concurrency };
  await writeFile(path.join(dir, MARKER), JSON.stringify(done));
  return site(bytes);
}
