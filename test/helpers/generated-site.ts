import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// A small replay site made on the fly: listing pages that lead to project pages the generic
// adapter reads. Tests that need many pages (a crash in the middle of a run) use it.

export interface GeneratedSite {
  /** The fixtures folder to pass to the replay server. */
  fixturesDir: string;
  /** The first listing page: the pipeline's seed. */
  seed: string;
  /** Every project page URL. */
  pages: string[];
}

const ORIGIN = 'https://projects.example.org';
const COUNTRIES = ['Belgium', 'France', 'Spain', 'Italy', 'Portugal', 'Germany', 'Netherlands', 'Greece'];

export async function writeGeneratedSite(dir: string, pageCount: number, perListing = 10): Promise<GeneratedSite> {
  const siteDir = join(dir, 'generated');
  await mkdir(siteDir, { recursive: true });
  const pages: { url: string; file: string; contentType: string }[] = [];
  const projectUrls: string[] = [];
  for (let i = 0; i < pageCount; i++) {
    const url = `${ORIGIN}/projects/project-${i}`;
    projectUrls.push(url);
    const country = COUNTRIES[i % COUNTRIES.length];
    const other = COUNTRIES[(i + 3) % COUNTRIES.length];
    const html = `<!doctype html><html lang="en"><head><title>Project ${i} | Projects</title></head><body>
<nav><a href="/">Home</a></nav><main><h1>Second chance pathway number ${i}</h1>
<p><strong>Start date:</strong> 1 March ${2010 + (i % 10)}</p><p><strong>End date:</strong> 31 August ${2012 + (i % 10)}</p>
<h2>Description</h2><p>Project ${i} helps early school leavers in ${country} return to education and training through mentoring, guidance and second chance courses.</p>
<h2>Partners</h2><ul><li>Municipality of Town${i} - ${country}</li><li>Training Centre ${i} - ${other}</li></ul>
<h2>Target groups</h2><p>Early school leavers and young people not in employment, education or training.</p></main>
<footer>Footer text</footer></body></html>`;
    const file = `project-${i}.html`;
    await writeFile(join(siteDir, file), html);
    pages.push({ url, file, contentType: 'text/html; charset=utf-8' });
  }
  const listings = Math.ceil(pageCount / perListing);
  for (let k = 0; k < listings; k++) {
    const items = projectUrls.slice(k * perListing, (k + 1) * perListing);
    const next = k + 1 < listings ? `<a rel="next" href="${ORIGIN}/projects?page=${k + 1}">Next</a>` : '';
    const html = `<!doctype html><html lang="en"><head><title>Projects</title></head><body><main><h1>Projects</h1>
<p>Displaying results ${k * perListing + 1} - ${k * perListing + items.length} out of ${pageCount}</p>
<ul>${items.map((url) => `<li><h3><a href="${url}">${url}</a></h3></li>`).join('')}</ul>${next}</main></body></html>`;
    const file = `listing-${k}.html`;
    await writeFile(join(siteDir, file), html);
    pages.push({ url: `${ORIGIN}/projects?page=${k}`, file, contentType: 'text/html; charset=utf-8' });
  }
  await writeFile(join(siteDir, 'site.json'), JSON.stringify({ adapter: 'generic', pages }, null, 2));
  return { fixturesDir: dir, seed: `${ORIGIN}/projects?page=0`, pages: projectUrls };
}
