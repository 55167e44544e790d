import type { TextUnit } from '../schema/evidence.ts';
import type { AnyNode, Cheerio, CheerioAPI, Element } from './html.ts';

// The text of a document cut into the pieces evidence points at: block elements of an HTML page
// with their paths, lines of a PDF page, lines of a text.

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html', 'caption', 'summary', 'details', 'title',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe']);

/** One unit per block element with text of its own (its inline children's text, not its blocks'). */
export function htmlTextUnits($: CheerioAPI, root?: Cheerio<AnyNode>): TextUnit[] {
  const units: TextUnit[] = [];
  const visit = (element: Element, path: string): void => {
    let own = '';
    const flush = () => {
      const text = own.replace(/[\s\u00a0]+/g, ' ').trim();
      if (text) units.push({ text: (' ' + text).slice(1), path, page: null });
      own = '';
    };
    const counts = new Map<string, number>();
    for (const child of element.children) {
      if (child.type === 'text') own += (child as unknown as { data: string }).data;
      else if (child.type === 'tag') {
        const tag = (child as Element).name.toLowerCase();
        if (SKIPPED.has(tag)) continue;
        const nth = (counts.get(tag) ?? 0) + 1;
        counts.set(tag, nth);
        if (BLOCKS.has(tag) || tag === 'br') {
          flush();
          if (tag !== 'br') visit(child as Element, `${path} > ${step(child as Element, nth)}`);
        } else own += inlineText(child as Element);
      }
    }
    flush();
  };
  const start = root ? root.toArray() : $.root().toArray();
  for (const node of start) {
    if (node.type === 'root') {
      for (const child of (node as unknown as { children: AnyNode[] }).children) if (child.type === 'tag') visit(child as Element, step(child as Element, 1));
    } else if (node.type === 'tag') visit(node as Element, pathOf(node as Element));
  }
  return units;
}

function inlineText(element: Element): string {
  let text = '';
  for (const child of element.children) {
    if (child.type === 'text') text += (child as unknown as { data: string }).data;
    else if (child.type === 'tag' && !SKIPPED.has((child as Element).name)) text += (child as Element).name === 'br' ? ' ' : inlineText(child as Element);
  }
  return text;
}

function step(element: Element, nth: number): string {
  const id = element.attribs.id ? `#${element.attribs.id}` : '';
  return `${element.name.toLowerCase()}${id}${!id && nth > 1 ? `:nth-of-type(${nth})` : ''}`;
}

/** The path of an element from the document's root. */
function pathOf(element: Element): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current && current.type === 'tag'; current = current.parent as Element | null) {
    const siblings = (current.parent?.children ?? []).filter((node) => node.type === 'tag' && (node as Element).name === current!.name);
    steps.unshift(step(current, siblings.indexOf(current) + 1));
  }
  return steps.join(' > ');
}

/** One unit per non-empty line of each page of a PDF. */
export function pdfTextUnits(pages: readonly string[]): TextUnit[] {
  return pages.flatMap((text, index) => lineUnits(text).map((unit) => ({ ...unit, page: index + 1 })));
}

/** One unit per non-empty line of a plain text, its path `line N`. */
export function plainTextUnits(text: string): TextUnit[] {
  return lineUnits(text);
}

function lineUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.replace(/[\s\u00a0]+/g, ' ').trim();
    if (trimmed) units.push({ text: trimmed, path: `line ${index + 1}`, page: null });
  });
  return units;
}
