/**
 * A minimal SCIP index reader for the accuracy benchmark: decodes only the protobuf fields it needs (documents, their
 * occurrences, and the occurrence's range, symbol and roles) straight from the wire format, so no code generator or
 * protobuf package is needed. Field numbers follow sourcegraph/scip's `scip.proto`:
 * Index { 2: repeated Document documents }, Document { 1: relative_path, 2: repeated Occurrence occurrences },
 * Occurrence { 1: repeated int32 range (packed), 2: symbol, 3: int32 symbol_roles }.
 */

/** One occurrence of a symbol: a 0-based range `[line, startChar, endLine, endChar]`. */
export interface ScipOccurrence {
  line: number;
  startChar: number;
  endLine: number;
  endChar: number;
  symbol: string;
  /** Bit set of SymbolRole; 1 = Definition. */
  roles: number;
}

/** One indexed file. */
export interface ScipDocument {
  relativePath: string;
  occurrences: ScipOccurrence[];
}

/** SymbolRole.Definition. */
export const ROLE_DEFINITION = 1;

class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  varint(): number {
    let result = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.end) throw new Error('scip: truncated varint');
      const b = this.buf[this.pos++] as number;
      result += (b & 0x7f) * mult;
      if (b < 0x80) return result;
      mult *= 128;
    }
  }

  /** Skips a field of the given wire type (the tag is already read). */
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) {
      const len = this.varint(); // read before adding: `pos += varint()` would add to the old position
      this.pos += len;
    }
    else if (wire === 5) this.pos += 4;
    else throw new Error(`scip: unsupported wire type ${wire}`);
  }
}

const utf8 = new TextDecoder('utf-8');

function decodeOccurrence(buf: Uint8Array, start: number, end: number): ScipOccurrence {
  const r = new Reader(buf, start, end);
  const range: number[] = [];
  let symbol = '';
  let roles = 0;
  while (r.pos < end) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 1 && wire === 2) {
      const len = r.varint();
      const stop = r.pos + len;
      while (r.pos < stop) range.push(r.varint());
    } else if (field === 1 && wire === 0) {
      range.push(r.varint());
    } else if (field === 2 && wire === 2) {
      const len = r.varint();
      symbol = utf8.decode(buf.subarray(r.pos, r.pos + len));
      r.pos += len;
    } else if (field === 3 && wire === 0) {
      roles = r.varint();
    } else r.skip(wire);
  }
  // Three elements: [line, startChar, endChar] on one line; four: [startLine, startChar, endLine, endChar].
  const [a = 0, b = 0, c = 0, d] = range;
  return d === undefined
    ? { line: a, startChar: b, endLine: a, endChar: c, symbol, roles }
    : { line: a, startChar: b, endLine: c, endChar: d, symbol, roles };
}

function decodeDocument(buf: Uint8Array, start: number, end: number): ScipDocument {
  const r = new Reader(buf, start, end);
  const doc: ScipDocument = { relativePath: '', occurrences: [] };
  while (r.pos < end) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 2 && (field === 1 || field === 2)) {
      const len = r.varint();
      if (field === 1) doc.relativePath = utf8.decode(buf.subarray(r.pos, r.pos + len));
      else doc.occurrences.push(decodeOccurrence(buf, r.pos, r.pos + len));
      r.pos += len;
    } else r.skip(wire);
  }
  return doc;
}

/** Decodes the documents of a SCIP index (other fields are skipped). Throws on malformed input. */
export function decodeScipDocuments(buf: Uint8Array): ScipDocument[] {
  const r = new Reader(buf, 0, buf.length);
  const docs: ScipDocument[] = [];
  while (r.pos < buf.length) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 2 && wire === 2) {
      const len = r.varint();
      docs.push(decodeDocument(buf, r.pos, r.pos + len));
      r.pos += len;
    } else r.skip(wire);
  }
  if (r.pos !== buf.length) throw new Error('scip: trailing bytes');
  return docs;
}

/** The name of a SCIP method/function symbol (`… Type#name().` → `name`), or undefined for other symbols. */
export function callableName(symbol: string): string | undefined {
  if (symbol.startsWith('local ')) return undefined;
  const m = /([A-Za-z_][A-Za-z0-9_]*|`[^`]+`)\([^()]*\)\.$/.exec(symbol);
  if (!m) return undefined;
  const name = m[1] as string;
  return name.startsWith('`') ? name.slice(1, -1) : name;
}
