// Turns fetched bytes into text and tells what kind of document they are. Servers of small project
// sites lie often (PDFs sent as text/html, Latin-1 pages labelled nothing), so the bytes get the
// last word wherever they are unambiguous.

const OCTET_STREAM = 'application/octet-stream';

/** The media type of a Content-Type value without its parameters, lower-cased; null when empty. */
export function parseMediaType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : null;
}

/** The charset parameter of a Content-Type value, lower-cased and unquoted; null when absent. */
export function parseCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? match[2]!.toLowerCase() : null;
}

function startsWithBytes(body: Buffer, signature: number[], offset = 0): boolean {
  if (body.length < offset + signature.length) return false;
  return signature.every((byte, i) => body[offset + i] === byte);
}

// Signatures strong enough to overrule what the server declared.
function binarySignature(body: Buffer): string | null {
  // PDF readers accept the header anywhere in the first KiB; some generators put junk before it.
  if (body.subarray(0, 1024).includes('%PDF-')) return 'application/pdf';
  if (startsWithBytes(body, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWithBytes(body, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (body.subarray(0, 6).toString('latin1') === 'GIF87a' || body.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (startsWithBytes(body, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  return null;
}

// Markup is only guessed when the server said nothing useful: a text/plain page that merely quotes
// HTML must stay text/plain.
function markupSignature(body: Buffer): string | null {
  const head = body.subarray(0, 512).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]|^<!--/.test(head)) return 'text/html';
  if (head.startsWith('<?xml')) return /<html[\s>]/.test(head) ? 'application/xhtml+xml' : 'application/xml';
  if (/^<(div|p|table|meta|title|script)[\s>]/.test(head)) return 'text/html';
  return null;
}

/**
 * The media type of a body: what the server declared (parameters dropped), unless the bytes carry a
 * binary signature that contradicts it, or the declaration is missing or generic and the bytes look
 * like markup. `application/octet-stream` when nothing can be told.
 */
export function sniffMediaType(body: Buffer, declared: string | null): string {
  const declaredType = parseMediaType(declared);
  const binary = binarySignature(body);
  if (binary === 'application/pdf') return binary;
  // A zip may legitimately be an OOXML/ODF document; only a text or generic label is overruled.
  const generic = declaredType === null || declaredType === OCTET_STREAM || declaredType === 'binary/octet-stream';
  if (binary && (generic || declaredType!.startsWith('text/'))) return binary;
  if (generic) return markupSignature(body) ?? OCTET_STREAM;
  return declaredType!;
}

function bomCharset(body: Buffer): { charset: string; length: number } | null {
  if (startsWithBytes(body, [0xef, 0xbb, 0xbf])) return { charset: 'utf-8', length: 3 };
  if (startsWithBytes(body, [0xfe, 0xff])) return { charset: 'utf-16be', length: 2 };
  if (startsWithBytes(body, [0xff, 0xfe])) return { charset: 'utf-16le', length: 2 };
  return null;
}

// The HTML prescan looks only at the first KiB; we allow a little more because CMS pages often put
// long comment banners or inline styles before the meta tag.
const PRESCAN_BYTES = 4096;

function metaCharset(body: Buffer): string | null {
  const head = body.subarray(0, PRESCAN_BYTES).toString('latin1');
  const direct = /<meta[^>]*?\scharset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head);
  if (direct) return direct[1]!.toLowerCase();
  for (const tag of head.match(/<meta\s[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) continue;
    const content = /content\s*=\s*(["'])(.*?)\1/i.exec(tag);
    const charset = content ? parseCharset(content[2]) : null;
    if (charset) return charset;
  }
  return null;
}

function xmlDeclarationCharset(body: Buffer): string | null {
  const head = body.subarray(0, 256).toString('latin1');
  const match = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([a-z0-9_.:-]+)["']/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function isMarkup(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

function isXml(mediaType: string): boolean {
  return mediaType === 'application/xml' || mediaType === 'text/xml' || mediaType.endsWith('+xml');
}

// What windows-1252 puts at 0x80-0x9F (WHATWG index); the other 224 bytes equal their code points.
const WINDOWS_1252_C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Node 20.18.3+ decodes windows-1252 as plain Latin-1 (nodejs/node#60888), turning curly quotes,
 * dashes and the euro sign into invisible control characters; this table-based decoder does not
 * depend on the runtime getting it right.
 */
export function decodeWindows1252(body: Uint8Array): string {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (char) => String.fromCharCode(WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!));
}

type Decode = (body: Buffer) => string;

function decoderFor(charset: string | null): Decode | null {
  if (!charset) return null;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return null; // unknown label: fall through to the next source of truth
  }
  // The WHATWG label table maps iso-8859-1, latin1 and us-ascii to windows-1252, as browsers do:
  // pages labelled Latin-1 routinely contain Windows characters such as curly quotes and the euro sign.
  if (decoder.encoding === 'windows-1252') return decodeWindows1252;
  return (body) => decoder.decode(body);
}

/**
 * Decodes a body to text. The charset comes from a byte-order mark, then the Content-Type header,
 * then (for HTML) `<meta charset>` or `<meta http-equiv="content-type">`, then (for XML) the XML
 * declaration. Without any of them the bytes are read as UTF-8 when they are valid UTF-8 and as
 * windows-1252 otherwise, the usual encoding of unlabelled legacy pages. Invalid sequences in a
 * declared encoding become U+FFFD; this never throws.
 */
export function decodeBody(body: Buffer, charsetFromHeader: string | null, mediaType: string): string {
  const bom = bomCharset(body);
  if (bom) return new TextDecoder(bom.charset).decode(body.subarray(bom.length));

  const type = parseMediaType(mediaType) ?? OCTET_STREAM;
  const candidates = [
    charsetFromHeader,
    isMarkup(type) ? metaCharset(body) : null,
    isXml(type) ? xmlDeclarationCharset(body) : null,
  ];
  for (const candidate of candidates) {
    // A meta tag claiming UTF-16 cannot be true of bytes in which we just read it as ASCII.
    const label = candidate && /^utf-?16/.test(candidate) && candidate !== charsetFromHeader ? 'utf-8' : candidate;
    const decode = decoderFor(label);
    if (decode) return decode(body);
  }

  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}
