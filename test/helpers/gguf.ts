/**
 * Writes tiny but valid GGUF v3 model files for tests, so the real node-llama-cpp path runs without any download.
 * Architecture `llama`, F32 tensors, a SentencePiece-style vocabulary made of the 256 `<0xNN>` byte tokens (so any
 * text round-trips exactly), weights drawn from a seeded PRNG (same seed, same bytes, same greedy output).
 */
import { writeFileSync } from 'node:fs';

/** Shape of the generated model; the defaults load in well under a second on CPU. */
export interface TinyGgufOptions {
  seed?: number;
  /** Embedding width E (a multiple of `heads`). */
  embedding?: number;
  heads?: number;
  layers?: number;
  /** Feed-forward width F. */
  feedForward?: number;
  contextLength?: number;
  /** Written as `general.name`. */
  name?: string;
  /** Written as `general.architecture` (default llama; other values only for header checks, not for loading). */
  architecture?: string;
}

// GGUF metadata value types (gguf.md).
const T_UINT32 = 4;
const T_INT32 = 5;
const T_FLOAT32 = 6;
const T_STRING = 8;
const T_ARRAY = 9;
const GGML_F32 = 0;
const ALIGNMENT = 32;

type MetaValue =
  | { t: 'u32'; v: number }
  | { t: 'f32'; v: number }
  | { t: 'str'; v: string }
  | { t: 'strs'; v: string[] }
  | { t: 'f32s'; v: number[] }
  | { t: 'i32s'; v: number[] };

/** Little-endian byte sink. */
class Sink {
  private chunks: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  i32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  pad(): void {
    const rem = this.length % ALIGNMENT;
    if (rem !== 0) this.push(Buffer.alloc(ALIGNMENT - rem));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** mulberry32: a small seeded PRNG, enough for reproducible weights. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The vocabulary: `<unk>`, `<s>`, `</s>`, one byte token per byte value, then `▁` and printable ASCII. */
function vocab(): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3]; // unknown, control, control
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6); // byte
  }
  // The SentencePiece space marker and printable ASCII as ordinary tokens, so text is not all byte fallback.
  tokens.push('\u2581');
  types.push(1);
  for (let c = 0x21; c < 0x7f; c++) {
    tokens.push(String.fromCharCode(c));
    types.push(1);
  }
  return { tokens, scores: tokens.map(() => 0), types };
}

/** Returns the bytes of a tiny llama-architecture GGUF v3 model. */
export function tinyGgufBytes(opts: TinyGgufOptions = {}): Buffer {
  const E = opts.embedding ?? 32;
  const H = opts.heads ?? 4;
  const L = opts.layers ?? 2;
  const F = opts.feedForward ?? 64;
  const ctx = opts.contextLength ?? 4096;
  const rand = prng(opts.seed ?? 1);
  const { tokens, scores, types } = vocab();
  const V = tokens.length;

  const meta: Array<[string, MetaValue]> = [
    ['general.architecture', { t: 'str', v: opts.architecture ?? 'llama' }],
    ['general.name', { t: 'str', v: opts.name ?? 'rustgate-tiny-test' }],
    ['general.alignment', { t: 'u32', v: ALIGNMENT }],
    ['llama.context_length', { t: 'u32', v: ctx }],
    ['llama.embedding_length', { t: 'u32', v: E }],
    ['llama.block_count', { t: 'u32', v: L }],
    ['llama.feed_forward_length', { t: 'u32', v: F }],
    ['llama.attention.head_count', { t: 'u32', v: H }],
    ['llama.attention.head_count_kv', { t: 'u32', v: H }],
    ['llama.attention.layer_norm_rms_epsilon', { t: 'f32', v: 1e-5 }],
    ['llama.rope.dimension_count', { t: 'u32', v: E / H }],
    ['tokenizer.ggml.model', { t: 'str', v: 'llama' }],
    ['tokenizer.ggml.tokens', { t: 'strs', v: tokens }],
    ['tokenizer.ggml.scores', { t: 'f32s', v: scores }],
    ['tokenizer.ggml.token_type', { t: 'i32s', v: types }],
    ['tokenizer.ggml.unknown_token_id', { t: 'u32', v: 0 }],
    ['tokenizer.ggml.bos_token_id', { t: 'u32', v: 1 }],
    ['tokenizer.ggml.eos_token_id', { t: 'u32', v: 2 }],
  ];

  // Tensors with ggml dims (innermost first); norms start at 1, matrices are small random values.
  const tensors: Array<{ name: string; dims: number[]; norm: boolean }> = [
    { name: 'token_embd.weight', dims: [E, V], norm: false },
    { name: 'output_norm.weight', dims: [E], norm: true },
    { name: 'output.weight', dims: [E, V], norm: false },
  ];
  for (let i = 0; i < L; i++) {
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, dims: [E], norm: true },
      { name: `blk.${i}.attn_q.weight`, dims: [E, E], norm: false },
      { name: `blk.${i}.attn_k.weight`, dims: [E, E], norm: false },
      { name: `blk.${i}.attn_v.weight`, dims: [E, E], norm: false },
      { name: `blk.${i}.attn_output.weight`, dims: [E, E], norm: false },
      { name: `blk.${i}.ffn_norm.weight`, dims: [E], norm: true },
      { name: `blk.${i}.ffn_gate.weight`, dims: [E, F], norm: false },
      { name: `blk.${i}.ffn_up.weight`, dims: [E, F], norm: false },
      { name: `blk.${i}.ffn_down.weight`, dims: [F, E], norm: false },
    );
  }

  const head = new Sink();
  head.push(Buffer.from('GGUF', 'ascii'));
  head.u32(3);
  head.u64(tensors.length);
  head.u64(meta.length);
  for (const [key, value] of meta) {
    head.str(key);
    switch (value.t) {
      case 'u32':
        head.u32(T_UINT32);
        head.u32(value.v);
        break;
      case 'f32':
        head.u32(T_FLOAT32);
        head.f32(value.v);
        break;
      case 'str':
        head.u32(T_STRING);
        head.str(value.v);
        break;
      case 'strs':
        head.u32(T_ARRAY);
        head.u32(T_STRING);
        head.u64(value.v.length);
        for (const s of value.v) head.str(s);
        break;
      case 'f32s':
        head.u32(T_ARRAY);
        head.u32(T_FLOAT32);
        head.u64(value.v.length);
        for (const n of value.v) head.f32(n);
        break;
      case 'i32s':
        head.u32(T_ARRAY);
        head.u32(T_INT32);
        head.u64(value.v.length);
        for (const n of value.v) head.i32(n);
        break;
    }
  }
  const data = new Sink();
  const offsets: number[] = [];
  for (const t of tensors) {
    data.pad();
    offsets.push(data.length);
    const count = t.dims.reduce((a, b) => a * b, 1);
    const buf = Buffer.alloc(count * 4);
    for (let i = 0; i < count; i++) buf.writeFloatLE(t.norm ? 1 : (rand() - 0.5) * 0.4, i * 4);
    data.push(buf);
  }
  tensors.forEach((t, i) => {
    head.str(t.name);
    head.u32(t.dims.length);
    for (const d of t.dims) head.u64(d);
    head.u32(GGML_F32);
    head.u64(offsets[i] ?? 0);
  });
  head.pad();
  return Buffer.concat([head.bytes(), data.bytes()]);
}

/** Writes a tiny valid model to `file` and returns its path. */
export function writeTinyGguf(file: string, opts: TinyGgufOptions = {}): string {
  writeFileSync(file, tinyGgufBytes(opts));
  return file;
}

/**
 * Ways to break a model file: cut it short (header intact, tensor data missing), spoil the magic, or declare zero
 * layers (well-formed GGUF that trips a GGML_ASSERT in llama.cpp 3.21.1: the loading process dies with SIGABRT).
 */
export type GgufCorruption = 'truncated' | 'bad_magic' | 'aborts';

/** Writes a broken model file to `file` and returns its path. */
export function writeCorruptGguf(file: string, how: GgufCorruption, opts: TinyGgufOptions = {}): string {
  if (how === 'aborts') {
    writeFileSync(file, tinyGgufBytes({ ...opts, layers: 0 }));
    return file;
  }
  const good = tinyGgufBytes(opts);
  if (how === 'truncated') {
    writeFileSync(file, good.subarray(0, Math.floor(good.length * 0.6)));
  } else {
    const bad = Buffer.from(good);
    bad.write('FUGG', 0, 'ascii');
    writeFileSync(file, bad);
  }
  return file;
}
