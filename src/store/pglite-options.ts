import type { PGliteOptions } from '@electric-sql/pglite';

// PGlite's own bytea handling turns each byte into hex text in a JavaScript loop, both ways: the
// costliest part of archiving a page. Handed over as it is, a Uint8Array travels as a binary
// parameter; results come back as hex text, which Buffer decodes natively.
const BYTEA_OID = 17;

export function pgliteOptions(): PGliteOptions {
  return {
    serializers: { [BYTEA_OID]: (value: unknown) => value as string },
    parsers: { [BYTEA_OID]: (text: string) => new Uint8Array(Buffer.from(text.slice(2), 'hex')) },
  };
}
