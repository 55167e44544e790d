import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { projectRecordSchema } from '../schema/record.ts';
import { describeIssues } from '../schema/issues.ts';

// The gold set (fixtures/gold/README.md): one folder per case with the page as served and the
// record a careful reader takes from it.

const caseSchema = z.object({
  url: z.string().url(),
  contentType: z.string().min(1),
  site: z.string().min(1),
  language: z.string().regex(/^[a-z]{2}$/),
  notes: z.string().default(''),
  expected: projectRecordSchema,
});

export type GoldCase = z.infer<typeof caseSchema> & { id: string; file: string };

const PAGE_FILES = ['page.html', 'page.pdf', 'page.txt'];

export async function readGoldSet(dir: string): Promise<GoldCase[]> {
  const root = path.resolve(dir);
  const entries = await readdir(root, { withFileTypes: true }).catch((cause: unknown) => {
    throw new ConfigError(`cannot read the gold set ${root}`, { url: pathToFileURL(root).href, cause });
  });
  const cases: GoldCase[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const caseDir = path.join(root, entry.name);
    const files = await readdir(caseDir);
    const pages = files.filter((file) => PAGE_FILES.includes(file));
    if (!files.includes('case.json')) continue;
    const where = pathToFileURL(path.join(caseDir, 'case.json')).href;
    if (pages.length !== 1) throw new ConfigError(`gold case ${entry.name} needs exactly one of ${PAGE_FILES.join(', ')}`, { url: where });
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(caseDir, 'case.json'), 'utf8'));
    } catch (cause) {
      throw new ConfigError(`gold case ${entry.name}: case.json is not valid JSON`, { url: where, cause });
    }
    const parsed = caseSchema.safeParse(json);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error, '(root)');
      throw new ConfigError(`gold case ${entry.name}: ${problems.join('; ')}`, { url: where });
    }
    cases.push({ ...parsed.data, id: entry.name, file: path.join(caseDir, pages[0]) });
  }
  return cases;
}
