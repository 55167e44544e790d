import { splitRunOnLine } from './label-matcher.ts';
import type { Line } from './sections.ts';

// Saved page texts are often markdown-flavoured: emphasis and links would otherwise end up in
// titles and partner names ("**Stay Tuned**", "[Aveiro](#)").
function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\s)[*_]([^*_\s][^*_]*?)[*_](?=\s|[.,;:!?]|$)/g, '$1$2');
}

// A line that is only a checkbox glyph or a separator carries no text.
const EMPTY_GLYPHS = /^[\s□■☐☑▢◻◼]*$/;

/**
 * Splits plain text (a saved page, a PDF's text) into lines. A blank line starts a paragraph; a
 * markdown heading is a heading; labels run into one physical line are split apart.
 */
export function textLines(text: string): Line[] {
  const lines: Line[] = [];
  let paragraphStart = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const stripped = stripMarkdown(raw).replace(/[\t\u00a0]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (stripped.length === 0 || EMPTY_GLYPHS.test(stripped)) {
      paragraphStart = true;
      continue;
    }
    const heading = /^#{1,6}\s/.test(stripped);
    const content = heading ? stripped.replace(/^#{1,6}\s+/, '') : stripped;
    splitRunOnLine(content).forEach((part, index) => {
      lines.push({ text: part, heading, paragraphStart: paragraphStart || index > 0 });
    });
    paragraphStart = false;
  }
  return lines;
}
