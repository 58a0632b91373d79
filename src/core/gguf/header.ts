/**
 * Reads the header of a GGUF model file from its first bytes: magic, version, counts, and the metadata up to
 * `general.architecture`. Pure and bounded: every length is checked against the bytes given, so random or hostile
 * input yields a typed problem, never an exception or a huge allocation.
 */

/** What the header says. */
export interface GgufHeader {
  version: number;
  tensorCount: bigint;
  kvCount: bigint;
  /** `general.architecture`, null when absent from the bytes read. */
  architecture: string | null;
}

/** The header, or why the bytes are not a GGUF file we accept. */
export type GgufHeaderResult = { ok: true; header: GgufHeader } | { ok: false; problem: string };

const MAGIC = [0x47, 0x47, 0x55, 0x46]; // "GGUF"
/** Longest metadata key or string value we accept (the spec caps keys at 65535 bytes). */
const MAX_STRING = 1 << 20;
/** Sanity bounds: real models have at most tens of thousands of tensors and a few hundred metadata keys. */
const MAX_TENSORS = 10_000_000n;
const MAX_KVS = 1_000_000n;

// Sizes of the fixed-width metadata value types (gguf.md), by type id.
const FIXED: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const T_STRING = 8;
const T_ARRAY = 9;

class OutOfBytes extends Error {}

/** A little-endian reader that throws OutOfBytes instead of reading past the end. */
class Reader {
  private readonly view: DataView;
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (n < 0 || this.pos + n > this.bytes.byteLength) throw new OutOfBytes();
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
  string(): string | null {
    const len = this.u64();
    if (len > BigInt(MAX_STRING)) return null;
    const n = Number(len);
    this.need(n);
    const s = new TextDecoder('utf-8', { fatal: false }).decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
}

/** Skips one metadata value of `type`; false when the type or a length is not acceptable. */
function skipValue(r: Reader, type: number, depth = 0): boolean {
  const fixed = FIXED[type];
  if (fixed !== undefined) {
    r.skip(fixed);
    return true;
  }
  if (type === T_STRING) return r.string() !== null;
  if (type === T_ARRAY && depth === 0) {
    const inner = r.u32();
    const count = r.u64();
    const innerFixed = FIXED[inner];
    if (innerFixed !== undefined) {
      const total = count * BigInt(innerFixed);
      if (total > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      r.skip(Number(total));
      return true;
    }
    if (inner !== T_STRING) return false;
    for (let i = 0n; i < count; i++) if (r.string() === null) return false;
    return true;
  }
  return false;
}

/** Parses the header from the first bytes of a file (the whole header need not be there: see `architecture`). */
export function parseGgufHeader(bytes: Uint8Array): GgufHeaderResult {
  if (bytes.byteLength < 24) return { ok: false, problem: `too short for a GGUF header (${bytes.byteLength} bytes)` };
  if (!MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, problem: 'not a GGUF file (bad magic)' };
  const r = new Reader(bytes);
  r.skip(4);
  const version = r.u32();
  if (version !== 2 && version !== 3) return { ok: false, problem: `unsupported GGUF version ${version} (2 or 3 expected)` };
  const tensorCount = r.u64();
  const kvCount = r.u64();
  if (tensorCount > MAX_TENSORS) return { ok: false, problem: `implausible tensor count ${tensorCount}` };
  if (kvCount > MAX_KVS) return { ok: false, problem: `implausible metadata count ${kvCount}` };
  let architecture: string | null = null;
  try {
    for (let i = 0n; i < kvCount; i++) {
      const key = r.string();
      if (key === null) return { ok: false, problem: `metadata key ${i} is too long` };
      const type = r.u32();
      if (key === 'general.architecture') {
        if (type !== T_STRING) return { ok: false, problem: 'general.architecture is not a string' };
        architecture = r.string();
        if (architecture === null) return { ok: false, problem: 'general.architecture is too long' };
        break;
      }
      if (!skipValue(r, type)) return { ok: false, problem: `metadata ${JSON.stringify(key.slice(0, 80))} has an unknown or oversized type ${type}` };
    }
  } catch (e) {
    if (!(e instanceof OutOfBytes)) throw e;
    // The bytes end inside the metadata: fine, as long as what was read was well formed.
  }
  return { ok: true, header: { version, tensorCount, kvCount, architecture } };
}
