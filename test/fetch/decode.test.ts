import { describe, expect, it } from 'vitest';
import { decodeBody, decodeWindows1252, parseCharset, parseMediaType, sniffMediaType } from '../../src/fetch/decode.ts';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('parseMediaType and parseCharset', () => {
  it('drops parameters, lower-cases, and rejects garbage', () => {
    expect(parseMediaType('Text/HTML; charset=UTF-8')).toBe('text/html');
    expect(parseMediaType('application/pdf')).toBe('application/pdf');
    expect(parseMediaType('')).toBeNull();
    expect(parseMediaType('nonsense')).toBeNull();
    expect(parseMediaType(null)).toBeNull();
  });

  it('reads quoted and unquoted charsets', () => {
    expect(parseCharset('text/html; charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(parseCharset('text/html;charset=utf-8;foo=bar')).toBe('utf-8');
    expect(parseCharset('text/html')).toBeNull();
  });
});

describe('sniffMediaType', () => {
  it('trusts %PDF- over any declaration, even after a little junk', () => {
    expect(sniffMediaType(latin1('%PDF-1.4\n...'), 'text/html; charset=utf-8')).toBe('application/pdf');
    expect(sniffMediaType(latin1('\r\n\r\n%PDF-1.7'), 'application/octet-stream')).toBe('application/pdf');
  });

  it('overrules a text label with an image or zip signature but keeps an office type', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(sniffMediaType(png, 'text/html')).toBe('image/png');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(sniffMediaType(zip, docx)).toBe(docx);
    expect(sniffMediaType(zip, 'text/plain')).toBe('application/zip');
  });

  it('guesses markup only when the declaration is missing or generic', () => {
    expect(sniffMediaType(latin1('\n  <!DOCTYPE html><html>'), null)).toBe('text/html');
    expect(sniffMediaType(latin1('<html lang="fr">'), 'application/octet-stream')).toBe('text/html');
    expect(sniffMediaType(latin1('<?xml version="1.0"?><rss>'), null)).toBe('application/xml');
    expect(sniffMediaType(latin1('<html>quoted</html>'), 'text/plain')).toBe('text/plain');
    expect(sniffMediaType(latin1('plain words'), null)).toBe('application/octet-stream');
    expect(sniffMediaType(Buffer.alloc(0), 'text/html')).toBe('text/html');
  });
});

describe('decodeBody', () => {
  it('decodes windows-1252 and iso-8859-1 from the header, including Windows-only characters', () => {
    const bytes = Buffer.from([0x64, 0xe9, 0x63, 0x72, 0x6f, 0x63, 0x68, 0x61, 0x67, 0x65, 0x20, 0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    expect(decodeBody(bytes, 'windows-1252', 'text/html')).toBe('décrochage € “ok”');
    expect(decodeBody(bytes, 'iso-8859-1', 'text/plain')).toBe('décrochage € “ok”');
  });

  it('finds the charset in <meta charset> and in <meta http-equiv>', () => {
    const withMeta = Buffer.concat([latin1('<html><head><meta charset="windows-1252"><title>'), Buffer.from([0xc9, 0x63, 0x6f, 0x6c, 0x65]), latin1('</title>')]);
    expect(decodeBody(withMeta, null, 'text/html')).toContain('<title>École</title>');
    const httpEquiv = Buffer.concat([
      latin1('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>'),
      Buffer.from([0xe9]),
      latin1('</p>'),
    ]);
    expect(decodeBody(httpEquiv, null, 'text/html')).toContain('<p>é</p>');
  });

  it('lets the header win over the meta tag, and a BOM win over both', () => {
    const utf8 = Buffer.from('<meta charset="windows-1252"><p>é</p>', 'utf8');
    expect(decodeBody(utf8, 'utf-8', 'text/html')).toContain('<p>é</p>');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(decodeBody(bom, 'windows-1252', 'text/html')).toBe('<meta charset="windows-1252"><p>é</p>');
  });

  it('reads the XML declaration of XML documents', () => {
    const xml = Buffer.concat([latin1('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), Buffer.from([0xe9]), latin1('</t>')]);
    expect(decodeBody(xml, null, 'application/xml')).toContain('<t>é</t>');
  });

  it('replaces invalid UTF-8 rather than throwing', () => {
    const broken = Buffer.from([0x61, 0xff, 0xfe, 0x62]);
    expect(decodeBody(broken, 'utf-8', 'text/html')).toBe('a\ufffd\ufffdb');
  });

  it('falls back to UTF-8, then windows-1252, when nothing is declared or the label is unknown', () => {
    expect(decodeBody(Buffer.from('Málaga', 'utf8'), null, 'text/html')).toBe('Málaga');
    expect(decodeBody(Buffer.from([0x4d, 0xe1, 0x6c, 0x61, 0x67, 0x61]), 'x-made-up', 'text/html')).toBe('Málaga');
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte 0x80-0x9F as the WHATWG index does, whatever the runtime does', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.length).toBe(256);
    expect(text.charCodeAt(0x41)).toBe(0x41);
    expect(text.charCodeAt(0xe9)).toBe(0xe9);
    expect(text.charCodeAt(0x80)).toBe(0x20ac);
    expect(text.charCodeAt(0x81)).toBe(0x81);
    expect(text.charCodeAt(0x92)).toBe(0x2019);
    expect(text.charCodeAt(0x9f)).toBe(0x178);
  });
});
