import type { IncomingMessage, ServerResponse } from 'node:http';
import PDFDocument from 'pdfkit';
import { startTestServer } from './fixture-server.ts';

// A small project site on 127.0.0.1 that misbehaves in every way the real ones do, one fault per
// route, so that tests can run the real fetcher and pipeline against each. Whatever a route finally
// answers is a realistic project page (a title and labelled fields the generic adapter reads).
//
//   /ok/a, /ok/b          good pages
//   /500                  always 500
//   /503-then-ok          503 with Retry-After: 1 once, then the page
//   /429-then-ok          429 with Retry-After: 1 once, then the page
//   /reset                destroys the connection before answering
//   /drip                 headers, then one byte every 300 ms, forever
//   /truncated            a Content-Length larger than the bytes sent, then the connection closes
//   /huge                 a page padded past the size limit given (streamed, no Content-Length)
//   /loop-a, /loop-b      redirect to each other
//   /pdf-as-html          a real PDF served as text/html
//   /latin1               a windows-1252 page (é, €, ’) labelled only by <meta charset>
//   /invalid-utf8         bytes that are not UTF-8, labelled utf-8
//   /malformed            unclosed tags and stray </div>s, its title still readable
//   /corrupt.pdf          the first part of a PDF, served as application/pdf
//   /encrypted.pdf        a password-protected PDF
//   /empty                200 with no body
//   /private/page         a good page, but robots.txt disallows /private/
//   /gone                 404
//   /robots.txt           User-agent: * / Disallow: /private/

export interface FaultSite {
  origin: string;
  url(path: string): string;
  /** Requests received for a path (query included) so far. */
  hits(path: string): number;
  /** From now on the path answers `status` with a short error page: a site falling over after a good run. */
  breakRoute(path: string, status: number): void;
  close(): Promise<void>;
}

export interface FaultSiteOptions {
  /** The fetcher's body size limit; /huge sends more than this. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** Every route of the site, in a stable order: the seeds of a run that meets each fault once. */
export const FAULT_ROUTES = [
  '/ok/a', '/ok/b', '/500', '/503-then-ok', '/429-then-ok', '/reset', '/drip', '/truncated', '/huge', '/loop-a',
  '/pdf-as-html', '/latin1', '/invalid-utf8', '/malformed', '/corrupt.pdf', '/encrypted.pdf', '/empty', '/private/page', '/gone',
] as const;

export type FaultRoute = (typeof FAULT_ROUTES)[number];

const ROBOTS_TXT = 'User-agent: *\nDisallow: /private/\n';
const DRIP_INTERVAL_MS = 300;

interface Project {
  title: string;
  acronym: string;
  summary: string;
  start: string;
  end: string;
  partners: string[];
  targetGroups: string;
}

const CITIES = [
  'Stad Gent - Belgium', 'Ajuntament de Barcelona - Spain', 'Comune di Torino - Italy', 'Ville de Nantes - France',
  'Tallinna Linnavalitsus - Estonia', 'Câmara Municipal de Aveiro - Portugal', 'Gemeente Rotterdam - Netherlands',
  'Stadt Leipzig - Germany', 'Dimos Thessalonikis - Greece', 'Miasto Gdańsk - Poland', 'Göteborgs Stad - Sweden',
];
const THEMES = ['mentoring', 'vocational guidance', 'family outreach', 'digital skills', 'arts-based learning', 'apprenticeships', 'peer tutoring'];

// One project per route, each with its own partners, dates and theme, so that each page that gets
// through makes its own record and the deduplicator has no reason to merge two of them.
function projectFor(path: string): Project {
  const name = path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, ' ').trim() || 'home';
  const acronym = `FLT-${name.toUpperCase().replace(/\s+/g, '-')}`;
  const seed = [...path].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);
  const theme = THEMES[seed % THEMES.length]!;
  const year = 2010 + (seed % 12);
  return {
    title: `Second Chance Routes ${name}`,
    acronym,
    summary:
      `The ${acronym} project helps young people who left school early to return to education and training through ${theme}. ` +
      `Schools, youth workers and local authorities in ${CITIES[seed % CITIES.length]!.split(' - ')[1]} build second-chance routes together for learners at risk of dropping out.`,
    start: `${year}-09-01`,
    end: `${year + 2}-08-31`,
    partners: [0, 1, 2].map((offset) => CITIES[(seed + offset * 5) % CITIES.length]!),
    targetGroups: 'Early school leavers; young people not in employment, education or training (NEET); teachers',
  };
}

function projectHtml(project: Project, options: { charset?: string; extraHead?: string; extraBody?: string } = {}): string {
  const partners = project.partners.map((partner) => `<li>${partner}</li>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    `<meta charset="${options.charset ?? 'utf-8'}">`,
    `<title>${project.title} | Fault Site</title>`,
    options.extraHead ?? '',
    '</head>',
    '<body>',
    '<nav><a href="/">Home</a> <a href="/projects">Projects</a></nav>',
    '<main>',
    `<h1>${project.title}</h1>`,
    '<dl>',
    `<dt>Acronym</dt><dd>${project.acronym}</dd>`,
    `<dt>Start date</dt><dd>${project.start}</dd>`,
    `<dt>End date</dt><dd>${project.end}</dd>`,
    '<dt>Programme</dt><dd>Erasmus+</dd>',
    `<dt>Target groups</dt><dd>${project.targetGroups}</dd>`,
    '</dl>',
    '<h2>Description</h2>',
    `<p>${project.summary}</p>`,
    '<h2>Partners</h2>',
    `<ul>${partners}</ul>`,
    options.extraBody ?? '',
    '</main>',
    '<footer>© Fault Site</footer>',
    '</body>',
    '</html>',
  ].join('\n');
}

function pagePlain(path: string): Buffer {
  return Buffer.from(projectHtml(projectFor(path)), 'utf8');
}

// Text a browser would show as "L’école … 250 000 € … décrochage": every character is in windows-1252.
function latin1Page(): Buffer {
  const project: Project = {
    ...projectFor('/latin1'),
    title: 'Raccrocher l’école',
    summary:
      'Le projet Raccrocher l’école accompagne les jeunes en décrochage scolaire vers un retour en formation. ' +
      'Doté d’un budget de 250 000 €, il forme des médiateurs et des enseignants dans trois villes européennes.',
  };
  const html = projectHtml(project, { charset: 'windows-1252' }).replace('<html lang="en">', '<html lang="fr">');
  return encodeWindows1252(html);
}

const WINDOWS_1252_EXTRA: Record<string, number> = { '€': 0x80, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

function encodeWindows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const mapped = WINDOWS_1252_EXTRA[char];
      if (mapped === undefined) throw new Error(`fault site: ${char} has no windows-1252 byte`);
      return mapped;
    }),
  );
}

// A page whose bytes are mostly UTF-8 but carry Latin-1 bytes and broken sequences, labelled utf-8.
function invalidUtf8Page(): Buffer {
  const [before, after] = projectHtml(projectFor('/invalid-utf8')).split('<h2>Partners</h2>');
  const garbage = Buffer.from([0x3c, 0x70, 0x3e, 0x44, 0xe9, 0x63, 0x72, 0x6f, 0x63, 0x68, 0x61, 0x67, 0x65, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0x28, 0x3c, 0x2f, 0x70, 0x3e]);
  return Buffer.concat([Buffer.from(before!, 'utf8'), garbage, Buffer.from(`<h2>Partners</h2>${after}`, 'utf8')]);
}

// What hand-edited CMS pages look like: no doctype, no </head>, unclosed cells and paragraphs,
// stray closing tags, an attribute whose quote never ends. The title and heading are intact.
function malformedPage(): Buffer {
  const project = projectFor('/malformed');
  const html = [
    `<html><head><title>${project.title} | Fault Site</title>`,
    '<body><div class="wrapper"><div class="content">',
    '</div></div></div></span>',
    `<h1>${project.title}</h1>`,
    '<table><tr><td>Acronym<td>' + project.acronym,
    '<tr><td>Start date<td>' + project.start,
    '<tr><td>End date<td>' + project.end,
    '</table></div>',
    '<h2>Description</h2>',
    `<p><b>${project.summary}`,
    '<h2>Partners</h2>',
    `<ul><li>${project.partners.join('<li>')}`,
    '</div></div><div class="footer <p>unclosed attribute',
  ].join('\n');
  return Buffer.from(html, 'utf8');
}

function pdfBytes(lines: string[], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

function projectPdfLines(path: string): string[] {
  const project = projectFor(path);
  return [
    project.title,
    '',
    `Acronym: ${project.acronym}`,
    `Start date: ${project.start}`,
    `End date: ${project.end}`,
    'Programme: Erasmus+',
    '',
    'Description',
    project.summary,
    '',
    'Partners',
    ...project.partners,
  ];
}

/** The PDFs are made once per site: pdfkit takes a few milliseconds each. */
async function makePdfs(): Promise<{ asHtml: Buffer; corrupt: Buffer; encrypted: Buffer }> {
  const [asHtml, whole, encrypted] = await Promise.all([
    pdfBytes(projectPdfLines('/pdf-as-html')),
    pdfBytes(projectPdfLines('/corrupt.pdf')),
    pdfBytes(projectPdfLines('/encrypted.pdf'), { userPassword: 'fault-site', ownerPassword: 'fault-site-owner' }),
  ]);
  // Cut inside the page's content stream: the header is there, the text and the cross-reference table are not.
  const corrupt = whole.subarray(0, Math.min(whole.indexOf('stream') + 40, whole.length >> 1));
  return { asHtml, corrupt, encrypted };
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': body.length, ...headers }).end(body);
}

function errorPage(status: number): Buffer {
  return Buffer.from(`<!DOCTYPE html><html><head><title>Error ${status}</title></head><body><h1>Error ${status}</h1></body></html>`);
}

export async function startFaultSite(options: FaultSiteOptions = {}): Promise<FaultSite> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const pdfs = await makePdfs();
  // The test server counts every request before the handler sees it; set once it is started.
  let hits = new Map<string, number>();
  const broken = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = request.url ?? '/';
    const count = hits.get(path) ?? 1;
    const brokenStatus = broken.get(path);
    if (brokenStatus !== undefined) return send(response, brokenStatus, 'text/html; charset=utf-8', errorPage(brokenStatus));

    switch (path) {
      case '/robots.txt':
        return send(response, 200, 'text/plain; charset=utf-8', Buffer.from(ROBOTS_TXT));
      case '/ok/a':
      case '/ok/b':
      case '/private/page':
        return send(response, 200, 'text/html; charset=utf-8', pagePlain(path));
      case '/500':
        return send(response, 500, 'text/html; charset=utf-8', errorPage(500));
      case '/503-then-ok':
        if (count === 1) return send(response, 503, 'text/html; charset=utf-8', errorPage(503), { 'retry-after': '1' });
        return send(response, 200, 'text/html; charset=utf-8', pagePlain(path));
      case '/429-then-ok':
        if (count === 1) return send(response, 429, 'text/html; charset=utf-8', errorPage(429), { 'retry-after': '1' });
        return send(response, 200, 'text/html; charset=utf-8', pagePlain(path));
      case '/reset':
        request.socket.destroy();
        return;
      case '/drip': {
        const page = pagePlain(path);
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        let sent = 0;
        // Forever: the page is sent again and again, a byte at a time, until the client hangs up.
        const timer = setInterval(() => response.write(page.subarray(sent % page.length, (sent++ % page.length) + 1)), DRIP_INTERVAL_MS);
        timers.add(timer);
        response.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
      case '/truncated': {
        const page = pagePlain(path);
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
        // Half the page, then the connection ends, as when a server process dies mid-response.
        response.write(page.subarray(0, page.length >> 1), () => response.socket?.end());
        return;
      }
      case '/huge': {
        const padding = `<p>${'A long project description that goes on and on. '.repeat(40)}</p>\n`;
        const page = projectHtml(projectFor(path), { extraBody: padding.repeat(Math.ceil((2 * maxBodyBytes) / padding.length)) });
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page);
        return;
      }
      case '/loop-a':
        return send(response, 302, 'text/html; charset=utf-8', Buffer.alloc(0), { location: '/loop-b' });
      case '/loop-b':
        return send(response, 302, 'text/html; charset=utf-8', Buffer.alloc(0), { location: '/loop-a' });
      case '/pdf-as-html':
        return send(response, 200, 'text/html; charset=utf-8', pdfs.asHtml);
      case '/latin1':
        return send(response, 200, 'text/html', latin1Page());
      case '/invalid-utf8':
        return send(response, 200, 'text/html; charset=utf-8', invalidUtf8Page());
      case '/malformed':
        return send(response, 200, 'text/html; charset=utf-8', malformedPage());
      case '/corrupt.pdf':
        return send(response, 200, 'application/pdf', pdfs.corrupt);
      case '/encrypted.pdf':
        return send(response, 200, 'application/pdf', pdfs.encrypted);
      case '/empty':
        return send(response, 200, 'text/html; charset=utf-8', Buffer.alloc(0));
      default:
        return send(response, 404, 'text/html; charset=utf-8', errorPage(404));
    }
  };

  const server = await startTestServer(handle);
  hits = server.hits;
  return {
    origin: server.origin,
    url: server.url,
    hits: (path) => hits.get(path) ?? 0,
    breakRoute: (path, status) => {
      broken.set(path, status);
    },
    close: () => {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      return server.close();
    },
  };
}
