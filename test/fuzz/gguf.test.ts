/**
 * Fuzz: GGUF headers → parseGgufHeader (the reader of `models verify`) returns a header or a problem for any bytes,
 * never throws; and inspectModelFile on such a file is a row or a typed exit-2 error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectModelFile } from '../../src/app/models.js';
import { isRustgateError } from '../../src/core/errors.js';
import { parseGgufHeader } from '../../src/core/gguf/header.js';
import { tinyGgufBytes } from '../helpers/gguf.js';
import { FUZZ } from './common.js';

const u32 = (n: number): Uint8Array => new Uint8Array(new Uint32Array([n]).buffer);
const u64 = (n: bigint): Uint8Array => new Uint8Array(new BigUint64Array([n]).buffer);
const str = (s: string): Uint8Array => {
  const b = new TextEncoder().encode(s);
  return new Uint8Array([...u64(BigInt(b.length)), ...b]);
};
const kv = fc.tuple(fc.oneof(fc.constant('general.architecture'), fc.string({ maxLength: 20 })), fc.integer({ min: 0, max: 14 }), fc.uint8Array({ maxLength: 24 })).map(
  ([k, type, payload]) => new Uint8Array([...str(k), ...u32(type), ...payload]),
);
const header = fc
  .tuple(
    fc.oneof(fc.constant(3), fc.constant(2), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
    fc.oneof(fc.bigInt({ min: 0n, max: 10n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })),
    fc.oneof(fc.bigInt({ min: 0n, max: 6n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })),
    fc.array(kv, { maxLength: 5 }),
  )
  .map(([version, tensors, kvs, pairs]) => new Uint8Array([0x47, 0x47, 0x55, 0x46, ...u32(version), ...u64(tensors), ...u64(kvs), ...pairs.flatMap((p) => [...p])]));
// Real headers, cut and with bytes flipped.
const real = tinyGgufBytes({ seed: 9 });
const mutated = fc.tuple(fc.integer({ min: 0, max: 4096 }), fc.array(fc.tuple(fc.nat(4095), fc.integer({ min: 0, max: 255 })), { maxLength: 6 })).map(([cut, flips]) => {
  const b = new Uint8Array(real.subarray(0, cut));
  for (const [at, v] of flips) if (at < b.length) b[at] = v;
  return b;
});
const bytes = fc.oneof(fc.uint8Array({ maxLength: 64 }), header, mutated);

describe('fuzz: GGUF headers', () => {
  it('parseGgufHeader returns a header or a problem, never throws', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const r = parseGgufHeader(b);
        if (!r.ok) expect(typeof r.problem).toBe('string');
        else expect([2, 3]).toContain(r.header.version);
      }),
      FUZZ,
    );
  });

  it('inspectModelFile on such a file: a verdict or a typed exit-2 error', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-fuzz-gguf-'));
    const file = path.join(dir, 'm.gguf');
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        writeFileSync(file, b);
        try {
          const r = await inspectModelFile(file, { architecture: 'llama' });
          expect(r.size).toBe(b.length);
        } catch (e) {
          if (!(isRustgateError(e) && e.exitCode === 2)) throw e;
        }
      }),
      { ...FUZZ, numRuns: 100 },
    );
  });
});
