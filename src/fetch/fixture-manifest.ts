import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { describeIssues } from '../schema/issues.ts';

// fixtures/<site>/site.json says which real URLs the recorded files stand for. The replay server,
// the adapter contract tests and the CLI all read it through this one schema.

const httpUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'an absolute http(s) URL');

// A manifest is hand-written and may be wrong: a file name must stay inside its site folder.
const siteRelativeFileSchema = z.string().min(1).refine(
  (file) => !path.isAbsolute(file) && !path.normalize(file).split(/[\\/]/).includes('..'),
  'a path relative to the site folder, not leaving it',
);

export const fixturePageSchema = z.object({
  url: httpUrlSchema,
  file: siteRelativeFileSchema,
  contentType: z.string().min(1),
  expected: siteRelativeFileSchema.optional(),
});

export const fixtureRedirectSchema = z.object({
  from: httpUrlSchema,
  to: httpUrlSchema,
  status: z.union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)]).default(301),
});

export const fixtureManifestSchema = z.object({
  adapter: z.string().min(1),
  pages: z.array(fixturePageSchema),
  redirects: z.array(fixtureRedirectSchema).default([]),
});

/** A manifest as read from disk, with the folder it came from. */
export const fixtureSiteSchema = fixtureManifestSchema.extend({
  /** The site folder's name, e.g. `urbact`. */
  site: z.string().min(1),
  /** Absolute path of the site folder; page files are relative to it. */
  dir: z.string().min(1),
});

export type FixturePage = z.infer<typeof fixturePageSchema>;
export type FixtureRedirect = z.infer<typeof fixtureRedirectSchema>;
export type FixtureManifest = z.infer<typeof fixtureManifestSchema>;
export type FixtureSite = z.infer<typeof fixtureSiteSchema>;

export const MANIFEST_FILE = 'site.json';

async function readManifest(dir: string, site: string): Promise<FixtureSite | null> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const where = pathToFileURL(manifestPath).href;
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // not a site folder
    throw new ConfigError(`cannot read ${manifestPath}`, { url: where, cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${manifestPath} is not valid JSON`, { url: where, cause: error });
  }
  const parsed = fixtureManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error, '(root)');
    throw new ConfigError(`${manifestPath} does not match the fixture manifest: ${problems.join('; ')}`, {
      url: where,
      cause: parsed.error,
    });
  }
  return { ...parsed.data, site, dir };
}

/**
 * Reads every `<fixturesDir>/<site>/site.json`, sorted by site name so runs are reproducible.
 * Folders without a manifest are skipped; a manifest that is unreadable or invalid is a ConfigError.
 */
export async function readFixtureManifests(fixturesDir: string): Promise<FixtureSite[]> {
  const root = path.resolve(fixturesDir);
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new ConfigError(`cannot read the fixtures folder ${root}`, { url: pathToFileURL(root).href, cause: error });
  }
  const siteNames = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const sites: FixtureSite[] = [];
  for (const site of siteNames) {
    const manifest = await readManifest(path.join(root, site), site);
    if (manifest) sites.push(manifest);
  }
  return sites;
}
