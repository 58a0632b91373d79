/**
 * Vectors on disk under `<repo>/.rustgate/vectors/`: `<embedder>.json` names the keys, per-key fingerprints, the
 * shape and a data file `<embedder>.<generation>.f32` (rows as little-endian Float32). A save writes a new data file,
 * then renames a new JSON over the old one (the commit point), then deletes the old data file: a reader sees either
 * the old pair or the new one. Anything inconsistent is ignored, and the vectors are rebuilt.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rustgatePaths } from '../../core/paths.js';

/** The persisted vectors of one embedder. */
export interface StoredVectors {
  embedder: string;
  dim: number;
  keys: string[];
  /** Fingerprint of each key's embedded content: a row is reused while it matches. */
  fingerprints: string[];
  data: Float32Array;
}

const VERSION = 1;
// The file is little-endian; on such hosts (all common ones) rows are copied as bytes.
const LITTLE_ENDIAN = os.endianness() === 'LE';

function safeName(embedderId: string): string {
  return embedderId.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The directory vectors live in for a repository. */
export function vectorsDir(repo: string): string {
  return rustgatePaths(repo).vectors;
}

/** Loads persisted vectors, or undefined when absent, from another embedder, or inconsistent. */
export function loadVectors(dir: string, embedderId: string): StoredVectors | undefined {
  const base = path.join(dir, safeName(embedderId));
  try {
    const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { version: number; embedder: string; dim: number; keys: string[]; fingerprints: string[]; bytes: number; dataFile: string };
    if (meta.version !== VERSION || meta.embedder !== embedderId || meta.keys.length !== meta.fingerprints.length) return undefined;
    const buf = readFileSync(path.join(dir, path.basename(meta.dataFile)));
    if (buf.length !== meta.bytes || buf.length !== meta.keys.length * meta.dim * 4) return undefined;
    const data = new Float32Array(meta.keys.length * meta.dim);
    if (LITTLE_ENDIAN) new Uint8Array(data.buffer).set(buf);
    else for (let i = 0; i < data.length; i++) data[i] = buf.readFloatLE(i * 4);
    return { embedder: meta.embedder, dim: meta.dim, keys: meta.keys, fingerprints: meta.fingerprints, data };
  } catch {
    return undefined;
  }
}

/** Writes vectors atomically (new data file, then the JSON that names it, then old data files go). */
export function saveVectors(dir: string, v: StoredVectors): void {
  mkdirSync(dir, { recursive: true });
  const name = safeName(v.embedder);
  let buf: Buffer;
  if (LITTLE_ENDIAN) {
    buf = Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength);
  } else {
    buf = Buffer.alloc(v.data.length * 4);
    for (let i = 0; i < v.data.length; i++) buf.writeFloatLE(v.data[i]!, i * 4);
  }
  const dataFile = `${name}.${Date.now().toString(36)}-${process.pid}.f32`;
  const meta = { version: VERSION, embedder: v.embedder, dim: v.dim, bytes: buf.length, dataFile, keys: v.keys, fingerprints: v.fingerprints };
  const tmpJson = path.join(dir, `${name}.json.${process.pid}.tmp`);
  writeFileSync(path.join(dir, dataFile), buf);
  writeFileSync(tmpJson, JSON.stringify(meta));
  renameSync(tmpJson, path.join(dir, `${name}.json`));
  for (const f of readdirSync(dir)) {
    if (f.startsWith(`${name}.`) && f.endsWith('.f32') && f !== dataFile) rmSync(path.join(dir, f), { force: true });
  }
}
